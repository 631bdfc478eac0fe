// The period [from, to] of a page, kept in the address (?from=&to=) so it survives reloads and links.
import { Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useRouter } from '../app/router.tsx';
import { useI18n } from '../i18n/index.tsx';
import { addDays, todayIn } from '../i18n/format.ts';
import type { Period } from '../api/queries.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Preset = 'last30' | 'last90' | 'last365' | 'ytd' | 'bsn2019';

function presetPeriod(p: Preset, today: string): Period {
  switch (p) {
    case 'last30': return { from: addDays(today, -29), to: today };
    case 'last90': return { from: addDays(today, -89), to: today };
    case 'last365': return { from: addDays(today, -364), to: today };
    case 'ytd': return { from: `${today.slice(0, 4)}-01-01`, to: today };
    case 'bsn2019': return { from: '2019-01-01', to: '2019-08-09' };
  }
}

/** The period the address names, when it names both ends (known before the organisation's zone is). */
export function periodFromQuery(query: URLSearchParams): Period | null {
  const from = query.get('from');
  const to = query.get('to');
  return from && to && DATE.test(from) && DATE.test(to) && from <= to ? { from, to } : null;
}

/** The page's period: from the address, or the last 30 days in the organisation's zone. */
export function usePeriod(timeZone = 'UTC'): { period: Period; valid: boolean } {
  const { location } = useRouter();
  const from = location.query.get('from');
  const to = location.query.get('to');
  return useMemo(() => {
    const today = todayIn(timeZone);
    const fallback = presetPeriod('last30', today);
    const period = { from: from && DATE.test(from) ? from : fallback.from, to: to && DATE.test(to) ? to : fallback.to };
    return { period, valid: period.from <= period.to };
  }, [from, to, timeZone]);
}

export function PeriodPicker({ timeZone = 'UTC', showBsnPreset = false }: { timeZone?: string; showBsnPreset?: boolean }) {
  const { t } = useI18n();
  const { setQuery } = useRouter();
  const { period, valid } = usePeriod(timeZone);
  const today = todayIn(timeZone);
  const presets: Preset[] = ['last30', 'last90', 'last365', 'ytd', ...(showBsnPreset ? (['bsn2019'] as const) : [])];
  const chosen = presets.find((p) => {
    const pp = presetPeriod(p, today);
    return pp.from === period.from && pp.to === period.to;
  });
  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="group" aria-label={t('period.label')}>
      <NativeSelect
        label={t('period.preset')}
        value={chosen ?? 'custom'}
        onChange={(e) => {
          const v = e.currentTarget.value as Preset | 'custom';
          if (v !== 'custom') setQuery({ ...presetPeriod(v, today) });
        }}
        data={[...presets.map((p) => ({ value: p, label: t(`period.${p}`) })), { value: 'custom', label: t('period.custom') }]}
        w={{ base: '100%', xs: 220 }}
      />
      <TextInput
        type="date"
        label={t('period.from')}
        value={period.from}
        max={period.to}
        onChange={(e) => DATE.test(e.currentTarget.value) && setQuery({ from: e.currentTarget.value }, { replace: true })}
        w={{ base: '47%', xs: 170 }}
      />
      <TextInput
        type="date"
        label={t('period.to')}
        value={period.to}
        min={period.from}
        onChange={(e) => DATE.test(e.currentTarget.value) && setQuery({ to: e.currentTarget.value }, { replace: true })}
        w={{ base: '47%', xs: 170 }}
      />
      {!valid && (
        <Text c="red" size="sm" role="alert">
          {t('period.invalid')}
        </Text>
      )}
    </Group>
  );
}
