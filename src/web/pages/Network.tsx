// The network: its groups, the organisations of the chosen group, and their contact persons.
import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useContacts, useGroupMembers } from '../api/page-queries.ts';
import { Link } from '../app/router.tsx';
import { DataTable, noItems } from '../components/DataTable.tsx';
import { GroupSelect, useGroupParam } from '../components/GroupSelect.tsx';
import { PageTitle, Section } from '../components/Section.tsx';
import { QueryState } from '../components/States.tsx';
import { useI18n } from '../i18n/index.tsx';

export default function Network() {
  const { t, f } = useI18n();
  const { groups, group } = useGroupParam();
  const members = useGroupMembers(group);
  const contacts = useContacts(group);
  const names = new Map((members.data?.items ?? []).map((o) => [o.code, o.name]));
  return (
    <Stack gap="md">
      <PageTitle>{t('network.title')}</PageTitle>
      <Section id="groups-title" title={t('network.groups')}>
        <QueryState query={groups} isEmpty={noItems}>
          {(d) => (
            <DataTable testId="groups-table">
              {d.items.map((g) => (
                <Table.Tr key={g.code} bg={g.code === group ? 'var(--mantine-color-blue-light)' : undefined}>
                  <Table.Th scope="row" fw={400}>
                    <Link to={`/network?group=${encodeURIComponent(g.code)}`} aria-current={g.code === group ? 'true' : undefined}>
                      {g.name}
                    </Link>{' '}
                    <Text span size="xs" c="dimmed">
                      {g.code}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    <Badge variant="light" color={g.kind === 'network' ? 'blue' : 'gray'}>
                      {t(`network.kind.${g.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{t('network.memberCount', { n: f.int(g.members ?? 0) })}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </QueryState>
      </Section>
      <Group>
        <GroupSelect groups={groups.data?.items} group={group} width={300} />
      </Group>
      <Section id="members-title" title={t('network.members')}>
        <QueryState query={members} isEmpty={noItems}>
          {(d) => (
            <DataTable testId="members-table" miw={480} columns={[t('table.organisation'), t('org.country'), t('org.languages')]}>
              {d.items.map((o) => (
                <Table.Tr key={o.code}>
                  <Table.Th scope="row" fw={400}>
                    <Link to={`/org/${encodeURIComponent(o.code)}`}>{o.name}</Link>{' '}
                    <Text span size="xs" c="dimmed">
                      {o.code}
                    </Text>{' '}
                    {o.synthetic && (
                      <Badge size="xs" color="yellow" variant="light">
                        {t('synthetic.badge')}
                      </Badge>
                    )}
                  </Table.Th>
                  <Table.Td>{o.country ?? '–'}</Table.Td>
                  <Table.Td>{o.languages.join(', ')}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </QueryState>
      </Section>
      <Section id="contacts-title" title={t('network.contacts')}>
        <QueryState query={contacts} isEmpty={noItems} empty={t('network.noContacts')}>
          {(d) => (
            <DataTable testId="contacts-table" miw={560} columns={[t('settings.name'), t('table.organisation'), t('network.contactRole'), t('accounts.email'), t('network.since')]}>
              {d.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row" fw={400}>
                    {c.name}
                  </Table.Th>
                  <Table.Td>{names.get(c.org) ?? c.org}</Table.Td>
                  <Table.Td>{c.role ?? '–'}</Table.Td>
                  <Table.Td>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : '–'}</Table.Td>
                  <Table.Td>{f.date(c.since)}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </QueryState>
      </Section>
    </Stack>
  );
}
