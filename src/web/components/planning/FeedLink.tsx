// The organisation's iCalendar feed address, made on first request, with a copy button.
import { Button, Group, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import type { CalendarToken } from '../../api/types.ts';
import { ErrorAlert } from '../States.tsx';
import { usePlanningText } from './texts.ts';

export function FeedLink({ code }: { code: string }) {
  const { t } = usePlanningText();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  // GET makes the token when the organisation has none.
  const token = useMutation({ mutationFn: () => api<CalendarToken>(`/api/organizations/${encodeURIComponent(code)}/calendar-token`) });
  const url = token.data ? new URL(token.data.path, window.location.origin).toString() : null;
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied('failed');
    }
  };
  return (
    <>
      <Text size="sm">{t('feed.intro')}</Text>
      {url ? (
        <Group gap="xs" align="flex-end" wrap="wrap" mt="xs">
          <TextInput ref={input} label={t('feed.address')} value={url} readOnly onFocus={(e) => e.currentTarget.select()} style={{ flex: '1 1 260px' }} data-testid="feed-url" />
          <Button variant="light" onClick={() => void copy()}>
            {copied === 'yes' ? t('feed.copied') : t('feed.copy')}
          </Button>
        </Group>
      ) : (
        <Button variant="light" mt="xs" onClick={() => token.mutate()} loading={token.isPending}>
          {t('feed.show')}
        </Button>
      )}
      {copied === 'failed' && (
        <Text size="sm" c="orange" role="status">
          {t('feed.copyFailed')}
        </Text>
      )}
      {token.isError && <ErrorAlert error={token.error} />}
    </>
  );
}
