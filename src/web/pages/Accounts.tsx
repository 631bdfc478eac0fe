// Accounts of an organisation with the team members who hold them; editors enter follower counts by hand.
import { Alert, Anchor, Button, Group, NativeSelect, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { useAccounts, useMembers, useOrganization } from '../api/queries.ts';
import { platformName, type Account, type OrganizationDetail } from '../api/types.ts';
import { useCan } from '../app/auth.tsx';
import { OrgHeader } from '../components/OrgHeader.tsx';
import { ErrorAlert, QueryState } from '../components/States.tsx';
import { useI18n } from '../i18n/index.tsx';
import { todayIn } from '../i18n/format.ts';

export default function Accounts({ code }: { code: string }) {
  const { t } = useI18n();
  const org = useOrganization(code);
  return (
    <QueryState query={org}>
      {(o) => (
        <Stack gap="md">
          <OrgHeader org={o} page={t('accounts.title')} />
          <Text size="sm">{t('accounts.intro')}</Text>
          <AccountTable org={o} />
          <TeamTable org={o} />
        </Stack>
      )}
    </QueryState>
  );
}

function AccountTable({ org }: { org: OrganizationDetail }) {
  const { t } = useI18n();
  const accounts = useAccounts(org.code);
  const canEdit = useCan('edit-data');
  return (
    <section aria-labelledby="accounts-title">
      <Title order={2} size="h3" id="accounts-title">
        {t('accounts.title')}
      </Title>
      <QueryState query={accounts} isEmpty={(d) => d.items.length === 0} empty={t('overview.noAccounts')}>
        {(d) => (
          <>
            <div className="table-scroll">
              <Table striped withTableBorder data-testid="accounts-table" miw={560}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('table.platform')}</Table.Th>
                    <Table.Th scope="col">{t('accounts.handle')}</Table.Th>
                    <Table.Th scope="col">{t('accounts.name')}</Table.Th>
                    <Table.Th scope="col">{t('accounts.holders')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
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
                </Table.Tbody>
              </Table>
            </div>
            {canEdit && <FollowerEntry org={org} accounts={d.items} />}
          </>
        )}
      </QueryState>
    </section>
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
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} aria-labelledby="entry-title" style={{ marginTop: 16 }}>
      <Title order={3} size="h4" id="entry-title">
        {t('accounts.enterFollowers')}
      </Title>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect label={t('table.account')} value={account} onChange={(e) => setAccount(e.currentTarget.value)} data={accounts.map((a) => ({ value: `${a.platform}/${a.handle}`, label: `${platformName(a.platform)} @${a.handle}` }))} w={{ base: '100%', xs: 240 }} />
        <TextInput type="date" label={t('accounts.snapshotDate')} value={date} required onChange={(e) => setDate(e.currentTarget.value)} w={{ base: '100%', xs: 170 }} />
        <NumberInput label={t('accounts.snapshotCount')} value={count} onChange={setCount} min={0} allowDecimal={false} required thousandSeparator={f.int(1000).charAt(1)} decimalSeparator={f.dec(1.5).charAt(1)} w={{ base: '100%', xs: 160 }} />
        <Button type="submit" loading={save.isPending} disabled={count === ''}>
          {t('accounts.save')}
        </Button>
      </Group>
      {save.isError && <ErrorAlert error={save.error} />}
      {save.isSuccess && (
        <Alert color="teal" role="status" mt="xs">
          {t('accounts.saved', { count: f.int(Number(count)), date: f.date(date) })}
        </Alert>
      )}
    </form>
  );
}

function TeamTable({ org }: { org: OrganizationDetail }) {
  const { t } = useI18n();
  const members = useMembers(org.code);
  return (
    <section aria-labelledby="team-title">
      <Title order={2} size="h3" id="team-title">
        {t('accounts.team')}
      </Title>
      <QueryState query={members} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <div className="table-scroll">
            <Table striped withTableBorder data-testid="team-table" miw={560}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('accounts.member')}</Table.Th>
                  <Table.Th scope="col">{t('accounts.roleTitle')}</Table.Th>
                  <Table.Th scope="col">{t('accounts.email')}</Table.Th>
                  <Table.Th scope="col">{t('accounts.holds')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
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
              </Table.Tbody>
            </Table>
          </div>
        )}
      </QueryState>
    </section>
  );
}
