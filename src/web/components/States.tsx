// Loading, empty and error states in words a person understands.
import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { useI18n, type Translate } from '../i18n/index.tsx';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <Group gap="xs" role="status" aria-live="polite" py="md">
      <Loader size="sm" aria-hidden="true" />
      <Text size="sm">{label ?? t('state.loading')}</Text>
    </Group>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Text c="dimmed" py="md" role="status">
      {children ?? t('state.empty')}
    </Text>
  );
}

export function errorMessage(e: unknown, t: Translate): string {
  if (!(e instanceof ApiError)) return t('error.server', { message: e instanceof Error ? e.message : String(e) });
  if (e.status === 0) return t('error.network');
  if (e.status === 403) return t('error.forbidden');
  if (e.status === 404 && e.code !== 'not_found') return t('error.unavailable');
  if (e.status === 404) return t('error.notFound', { message: e.message });
  if (e.status === 400 || e.status === 422) {
    const detail = e.details.map((d) => (d.path ? `${d.path.replace(/^(json|query|param)\./, '')}: ${d.message ?? ''}` : d.message ?? '')).filter(Boolean);
    return t('error.invalid', { message: detail.length ? detail.join('; ') : e.message });
  }
  if (e.status === 409) return t('error.conflict', { message: e.message });
  if (e.status === 429) return t('error.tooMany', { message: e.message });
  return t('error.server', { message: e.message || String(e.status) });
}

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <Alert color="red" title={t('error.title')} role="alert" my="sm">
      <Text size="sm">{errorMessage(error, t)}</Text>
      {onRetry && (
        <Button variant="light" color="red" size="xs" mt="xs" onClick={onRetry}>
          {t('state.retry')}
        </Button>
      )}
    </Alert>
  );
}

/** Renders the state of a query: loading, error (with retry) or its data. */
export function QueryState<T>({
  query,
  children,
  isEmpty,
  empty,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
}) {
  if (query.error && query.data === undefined) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data === undefined) return <Loading />;
  if (isEmpty?.(query.data)) return <Empty>{empty}</Empty>;
  return <>{children(query.data)}</>;
}
