// The accounts page's platform connections: per official account its state (connected, expired ->
// connect again, not connected), and for managers Connect (a plain link: the browser follows the
// platform's consent page and comes back), Disconnect and Sync now; plus the notice after connecting.
import { Alert, Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useAccounts } from '../../api/page-queries.ts';
import { platformName, type Account, type OrganizationDetail } from '../../api/types.ts';
import { useRouter } from '../../app/router.tsx';
import { DataTable } from '../DataTable.tsx';
import { Section } from '../Section.tsx';
import { Empty, ErrorAlert, QueryState } from '../States.tsx';
import { useCanManage, useConnections, type Connection, type SyncReport } from './api.ts';
import { useOpsText, type OpsKey } from './texts.ts';

const key = (platform: string, handle: string) => `${platform}/${handle.toLowerCase()}`;
const enc = encodeURIComponent;

/** After the OAuth callback: ?connected=platform/handle or ?connect_error=message. */
export function ConnectNotice() {
  const { t } = useOpsText();
  const { location, setQuery } = useRouter();
  const connected = location.query.get('connected');
  const failed = location.query.get('connect_error');
  if (!connected && !failed) return null;
  const [platform = '', handle = ''] = (connected ?? '').split('/');
  return (
    <Alert color={failed ? 'red' : 'teal'} role={failed ? 'alert' : 'status'} data-testid="connect-notice" withCloseButton closeButtonLabel={t('conn.dismiss')} onClose={() => setQuery({ connected: undefined, connect_error: undefined }, { replace: true })}>
      {failed ? t('conn.connectError', { message: failed }) : t('conn.connected', { account: `${platformName(platform)} @${handle}` })}
    </Alert>
  );
}

export function ConnectionsSection({ org }: { org: OrganizationDetail }) {
  const accounts = useAccounts(org.code);
  return <QueryState query={accounts}>{(d) => <ConnectionsTable org={org} accounts={d.items} />}</QueryState>;
}

function ConnectionsTable({ org, accounts }: { org: OrganizationDetail; accounts: Account[] }) {
  const { t } = useOpsText();
  const connections = useConnections();
  const canManage = useCanManage(org.code);
  const owned = accounts.filter((a) => a.owned);
  return (
    <Section id="connections-title" title={t('conn.title')}>
      <Text size="sm" mb="xs">
        {t('conn.intro')}
      </Text>
      {owned.length === 0 ? (
        <Empty>{t('conn.noOwned')}</Empty>
      ) : (
        <QueryState query={connections}>
          {(d) => {
            const byKey = new Map(d.items.filter((c) => c.org === org.code).map((c) => [key(c.platform, c.handle), c]));
            return (
              <DataTable testId="connections-table" miw={340} columns={[t('conn.account'), t('conn.status'), ...(canManage ? [t('conn.actions')] : [])]}>
                {owned.map((a) => (
                  <ConnectionRow key={key(a.platform, a.handle)} org={org} account={a} connection={byKey.get(key(a.platform, a.handle))} canManage={canManage} />
                ))}
              </DataTable>
            );
          }}
        </QueryState>
      )}
    </Section>
  );
}

const STATUS: Record<Connection['status'] | 'none', { label: OpsKey; color: string }> = {
  active: { label: 'conn.active', color: 'teal' },
  expired: { label: 'conn.expired', color: 'orange' },
  revoked: { label: 'conn.revoked', color: 'gray' },
  error: { label: 'conn.error', color: 'red' },
  none: { label: 'conn.none', color: 'dark' },
};

function ConnectionRow({ org, account, connection, canManage }: { org: OrganizationDetail; account: Account; connection: Connection | undefined; canManage: boolean }) {
  const { t, f } = useOpsText();
  const client = useQueryClient();
  const name = `${platformName(account.platform)} @${account.handle}`;
  const path = `${enc(account.platform)}/${enc(account.handle)}`;
  const status = STATUS[connection?.status ?? 'none'];
  const live = connection?.status === 'active' || connection?.status === 'expired';
  const [report, setReport] = useState<SyncReport | null>(null);
  const disconnect = useMutation({
    mutationFn: () => api(`/api/connections/${path}`, { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['connections'] }),
  });
  const sync = useMutation({
    mutationFn: () => api<SyncReport>(`/api/accounts/${path}/sync`, { method: 'POST' }),
    onSuccess: (r) => {
      setReport(r);
      void client.invalidateQueries({ queryKey: ['organizations', org.code] });
      void client.invalidateQueries({ queryKey: ['connections'] });
    },
  });
  return (
    <Table.Tr data-testid={`connection-${account.platform}-${account.handle}`}>
      <Table.Th scope="row" fw={400}>
        {name}
      </Table.Th>
      <Table.Td>
        <Text size="sm" fw={600} c={`${status.color}.8`} data-status={connection?.status ?? 'none'}>
          {t(status.label)}
        </Text>
        {connection?.status === 'expired' && connection.flagged_at && (
          <Text size="xs" c="dimmed">
            {t('conn.since', { date: f.dateTime(connection.flagged_at, org.timezone) })}
          </Text>
        )}
        {connection?.last_error && connection.status !== 'active' && (
          <Text size="xs" c="dimmed">
            {connection.last_error}
          </Text>
        )}
      </Table.Td>
      {canManage && (
        <Table.Td>
          <Stack gap={4}>
            <Group gap={4} wrap="wrap">
              {connection?.status !== 'active' && (
                <Anchor href={`/api/connections/${enc(account.platform)}/authorize?account=${enc(account.handle)}`} aria-label={`${t(connection?.status === 'expired' ? 'conn.connectAgain' : 'conn.connect')}: ${name}`} className="mantine-focus-auto" fz="sm" fw={600}>
                  {t(connection?.status === 'expired' ? 'conn.connectAgain' : 'conn.connect')}
                </Anchor>
              )}
              <Button size="compact-xs" variant="default" loading={sync.isPending} onClick={() => sync.mutate()} aria-label={`${t('conn.sync')}: ${name}`}>
                {t('conn.sync')}
              </Button>
              {live && (
                <Button size="compact-xs" color="red" variant="light" loading={disconnect.isPending} aria-label={`${t('conn.disconnect')}: ${name}`} onClick={() => window.confirm(t('conn.confirmDisconnect', { account: name })) && disconnect.mutate()}>
                  {t('conn.disconnect')}
                </Button>
              )}
            </Group>
            {disconnect.isError && <ErrorAlert error={disconnect.error} />}
            {sync.isError && <ErrorAlert error={sync.error} />}
            {report && <SyncResult report={report} name={name} />}
          </Stack>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

function SyncResult({ report, name }: { report: SyncReport; name: string }) {
  const { t } = useOpsText();
  return (
    <div role="status" data-testid="sync-result">
      <Text size="xs" fw={600}>
        {t('conn.syncResult', { account: name })}
      </Text>
      {report.streams.map((s) => (
        <Text size="xs" key={s.stream} c={s.status === 'failed' ? 'red' : undefined}>
          {t('conn.stream', { stream: s.stream, status: t(`conn.stream.${s.status}`) })}
          {s.stream === 'posts' && s.status !== 'failed' ? ` · ${t('conn.posts', { added: s.posts_added, updated: s.posts_updated })}` : ''}
          {s.error ? ` · ${s.error}` : ''}
        </Text>
      ))}
    </div>
  );
}
