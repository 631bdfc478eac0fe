// The network: its groups, the organisations of the chosen group, and their contact persons.
import { Badge, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useContacts, useGroupMembers, useGroups } from '../api/queries.ts';
import { Link, useRouter } from '../app/router.tsx';
import { QueryState } from '../components/States.tsx';
import { useI18n } from '../i18n/index.tsx';

export default function Network() {
  const { t, f } = useI18n();
  const { location, setQuery } = useRouter();
  const groups = useGroups();
  const group = location.query.get('group') ?? groups.data?.items.find((g) => g.kind === 'network')?.code ?? groups.data?.items[0]?.code ?? null;
  const members = useGroupMembers(group);
  const contacts = useContacts(group);
  const names = new Map((members.data?.items ?? []).map((o) => [o.code, o.name]));
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('network.title')}
      </Title>
      <section aria-labelledby="groups-title">
        <Title order={2} size="h3" id="groups-title">
          {t('network.groups')}
        </Title>
        <QueryState query={groups} isEmpty={(d) => d.items.length === 0}>
          {(d) => (
            <div className="table-scroll">
              <Table striped withTableBorder data-testid="groups-table">
                <Table.Tbody>
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
                </Table.Tbody>
              </Table>
            </div>
          )}
        </QueryState>
      </section>
      <Group>
        <NativeSelect
          label={t('bench.group')}
          value={group ?? ''}
          onChange={(e) => setQuery({ group: e.currentTarget.value })}
          data={(groups.data?.items ?? []).map((g) => ({ value: g.code, label: `${g.name} (${g.code})` }))}
          w={{ base: '100%', xs: 300 }}
        />
      </Group>
      <section aria-labelledby="members-title">
        <Title order={2} size="h3" id="members-title">
          {t('network.members')}
        </Title>
        <QueryState query={members} isEmpty={(d) => d.items.length === 0}>
          {(d) => (
            <div className="table-scroll">
              <Table striped withTableBorder data-testid="members-table" miw={480}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('table.organisation')}</Table.Th>
                    <Table.Th scope="col">{t('org.country')}</Table.Th>
                    <Table.Th scope="col">{t('org.languages')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
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
                </Table.Tbody>
              </Table>
            </div>
          )}
        </QueryState>
      </section>
      <section aria-labelledby="contacts-title">
        <Title order={2} size="h3" id="contacts-title">
          {t('network.contacts')}
        </Title>
        <QueryState query={contacts} isEmpty={(d) => d.items.length === 0} empty={t('network.noContacts')}>
          {(d) => (
            <div className="table-scroll">
              <Table striped withTableBorder data-testid="contacts-table" miw={560}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('settings.name')}</Table.Th>
                    <Table.Th scope="col">{t('table.organisation')}</Table.Th>
                    <Table.Th scope="col">{t('network.contactRole')}</Table.Th>
                    <Table.Th scope="col">{t('accounts.email')}</Table.Th>
                    <Table.Th scope="col">{t('network.since')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
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
                </Table.Tbody>
              </Table>
            </div>
          )}
        </QueryState>
      </section>
    </Stack>
  );
}
