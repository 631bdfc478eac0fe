// The shell's banner of what needs the signed-in user's attention (/api/me/alerts): accounts to connect
// again, publications to check. Kept tiny: it is in the main bundle.
import { Alert, List } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { platformName } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAuth } from './auth.tsx';
import { Link } from './router.tsx';

interface UserAlert {
  kind: 'connection_expired' | 'publication_needs_check' | 'publication_failed';
  org: string;
  platform: string;
  handle: string;
  item_title: string | null;
  link: string;
}

const SHOWN = 3;

export function AlertsBanner() {
  const { t } = useI18n();
  const { state } = useAuth();
  const alerts = useQuery({
    queryKey: ['me', 'alerts'],
    queryFn: () => api<{ items: UserAlert[] }>('/api/me/alerts'),
    enabled: state.status === 'signed-in',
    staleTime: 60_000,
    refetchInterval: 300_000,
  });
  const items = alerts.data?.items ?? [];
  if (state.status !== 'signed-in' || items.length === 0) return null;
  return (
    <Alert color="orange" title={t('alerts.title')} mb="md" data-testid="alerts-banner">
      <List size="sm" spacing={2}>
        {items.slice(0, SHOWN).map((a, i) => (
          <List.Item key={i}>
            <Link to={a.link}>{t(`alerts.${a.kind}`, { account: `${platformName(a.platform)} @${a.handle}`, org: a.org, title: a.item_title ?? '' })}</Link>
          </List.Item>
        ))}
      </List>
      {items.length > SHOWN && t('alerts.more', { count: items.length - SHOWN })}
    </Alert>
  );
}
