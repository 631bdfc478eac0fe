// A change against the previous period, in words and colour (the colour is never the only signal).
import { Text } from '@mantine/core';
import { useI18n } from '../i18n/index.tsx';

/** Relative change in percent, or null when either side is missing or the base is 0. */
export function relativeChange(current: number | null | undefined, previous: number | null | undefined): number | null {
  if (typeof current !== 'number' || typeof previous !== 'number' || previous === 0) return null;
  return ((current - previous) / Math.abs(previous)) * 100;
}

export function Delta({ current, previous }: { current: number | null | undefined; previous: number | null | undefined }) {
  const { t, f } = useI18n();
  const change = relativeChange(current, previous);
  if (change === null)
    return (
      <Text size="xs" c="dimmed">
        {t('overview.previousNone')}
      </Text>
    );
  const arrow = change > 0 ? '▲' : change < 0 ? '▼' : '■';
  const color = change > 0 ? 'teal.8' : change < 0 ? 'red.8' : 'dimmed';
  return (
    <Text size="xs" c={color}>
      <span aria-hidden="true">{arrow} </span>
      {f.signedPct(change)} {t('overview.vsPrevious')}
    </Text>
  );
}
