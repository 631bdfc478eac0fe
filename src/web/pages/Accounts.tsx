// Accounts of an organisation with the team members who hold them; editors enter follower counts by hand.
import { Anchor, Button, NativeSelect, NumberInput, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { useAccounts, useMembers } from '../api/page-queries.ts';
import { platformName, type Account, type OrganizationDetail } from '../api/types.ts';
import { useCan } from '../app/auth.tsx';
import { DataTable, noItems } from '../components/DataTable.tsx';
import { MutationForm, SavedAlert } from '../components/MutationForm.tsx';
import { OrgPage } from '../components/OrgHeader.tsx';
import { Section } from '../components/Section.tsx';
import { QueryState } from '../components/States.tsx';
import { useI18n } from '../i18n/index.tsx';
import { todayIn } from '../i18n/format.ts';
import { ConnectionsSection, ConnectNotice } from '../components/ops/Connections.tsx';

export default function Accounts({ code }: { code: string }) {
  const { t } = useI18n();
  return (
    <OrgPage code={code} page={t('accounts.title')}>
      {(o) => (
        <>
          <ConnectNotice />
          <Text size="sm">{t('accounts.intro')}</Text>
          <AccountTable org={o} />
          <ConnectionsSection org={o} />
          <TeamTable org={o} />
        </>
      )}
    </OrgPage>
  );
}

function AccountTable({ org }: { org: OrganizationDetail }) {
  const { t } = useI18n();
  const accounts = useAccounts(org.code);
  const canEdit = useCan('edit-data');
  return (
    <Section id="accounts-title" title={t('accounts.title')}>
      <QueryState query={accounts} isEmpty={noItems} empty={t('overview.noAccounts')}>
        {(d) => (
          <>
            <DataTable testId="accounts-table" miw={560} columns={[t('table.platform'), t('accounts.handle'), t('accounts.name'), t('accounts.holders')]}>
              {d.items.map((a) => (
                <Table.Tr key={`${a.platform}/${a.handle}`}>
                  <Table.Td>{platformName(a.platform)}</Table.Td>
                  <Table.Th scope="row" fw={400}>
                    {a.url && /^https?:\/\//i.test(a.url) ? (
                      <Anchor href={a.url} target="_blank" rel="noopener noreferrer nofollow">
                        @{a.handle}
                      </Anchor>
                    ) : (
                      `@${a.handle}`
                    )}
                    {a.owned && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        · {t('accounts.owned')}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td>{a.display_name ?? '–'}</Table.Td>
                  <Table.Td>{a.holders && a.holders.length > 0 ? a.holders.map((h) => h.name).join(', ') : <Text span c="dimmed" size="sm">{t('accounts.noHolders')}</Text>}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            {canEdit && <FollowerEntry org={org} accounts={d.items} />}
          </>
        )}
      </QueryState>
    </Section>
  );
}

function FollowerEntry({ org, accounts }: { org: OrganizationDetail; accounts: Account[] }) {
  const { t, f } = useI18n();
  const client = useQueryClient();
  const [account, setAccount] = useState(accounts[0] ? `${accounts[0].platform}/${accounts[0].handle}` : '');
  const [date, setDate] = useState(todayIn(org.timezone));
  const [count, setCount] = useState<number | string>('');
  const save = useMutation({
    mutationFn: async () => {
      const [platform, handle] = account.split('/');
      return api(`/api/accounts/${encodeURIComponent(platform ?? '')}/${encodeURIComponent(handle ?? '')}/snapshots/${date}`, { method: 'PUT', body: { followers: Number(count) } });
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: ['organizations', org.code] }),
  });
  return (
    <MutationForm
      mutation={save}
      id="entry-title"
      title={t('accounts.enterFollowers')}
      level={3}
      style={{ marginTop: 16 }}
      success={<SavedAlert>{t('accounts.saved', { count: f.int(Number(count)), date: f.date(date) })}</SavedAlert>}
    >
      <NativeSelect label={t('table.account')} value={account} onChange={(e) => setAccount(e.currentTarget.value)} data={accounts.map((a) => ({ value: `${a.platform}/${a.handle}`, label: `${platformName(a.platform)} @${a.handle}` }))} w={{ base: '100%', xs: 240 }} />
      <TextInput type="date" label={t('accounts.snapshotDate')} value={date} required onChange={(e) => setDate(e.currentTarget.value)} w={{ base: '100%', xs: 170 }} />
      <NumberInput label={t('accounts.snapshotCount')} value={count} onChange={setCount} min={0} allowDecimal={false} required thousandSeparator={f.int(1000).charAt(1)} decimalSeparator={f.dec(1.5).charAt(1)} w={{ base: '100%', xs: 160 }} />
      <Button type="submit" loading={save.isPending} disabled={count === ''}>
        {t('accounts.save')}
      </Button>
    </MutationForm>
  );
}

function TeamTable({ org }: { org: OrganizationDetail }) {
  const { t } = useI18n();
  const members = useMembers(org.code);
  return (
    <Section id="team-title" title={t('accounts.team')}>
      <QueryState query={members} isEmpty={noItems}>
        {(d) => (
          <DataTable testId="team-table" miw={560} columns={[t('accounts.member'), t('accounts.roleTitle'), t('accounts.email'), t('accounts.holds')]}>
            {d.items.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Th scope="row" fw={400}>
                  {m.name}
                </Table.Th>
                <Table.Td>{m.role_title ?? '–'}</Table.Td>
                <Table.Td>{m.email ?? '–'}</Table.Td>
                <Table.Td>{m.accounts.map((a) => `${platformName(a.platform)} @${a.handle}`).join(', ') || '–'}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryState>
    </Section>
  );
}
