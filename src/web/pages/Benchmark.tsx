// Benchmark of a group: league table per platform and pillar (sortable, with percentile bars), and the
// cross-platform composite ranking. Organisation names lead to their overview.
import { Alert, Badge, Group, NativeSelect, Progress, Stack, Table, Text } from '@mantine/core';
import { useBenchmark, useGroupMembers } from '../api/page-queries.ts';
import { useComposite, type Period } from '../api/queries.ts';
import { PILLARS, platformName, PLATFORM_NAMES, type Benchmark as BenchmarkData, type Composite, type Organization } from '../api/types.ts';
import { Link, useRouter } from '../app/router.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { GroupSelect, useGroupParam } from '../components/GroupSelect.tsx';
import { PeriodPicker, usePeriod } from '../components/PeriodPicker.tsx';
import { PageTitle, Section } from '../components/Section.tsx';
import { SortHeader, sortRows, type Dir } from '../components/SortHeader.tsx';
import { QueryState } from '../components/States.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import type { Formatters } from '../i18n/format.ts';

function formatMetric(f: Formatters, metric: string, v: number | null | undefined): string {
  switch (metric) {
    case 'er': return f.pct(v, 2);
    case 'growth_pct': return f.signedPct(v);
    case 'posts_per_week': return f.dec(v);
    default: return f.pct(v);
  }
}

export default function Benchmark() {
  const { t } = useI18n();
  const { location, setQuery } = useRouter();
  const { groups, group } = useGroupParam();
  const { period, valid } = usePeriod('UTC');
  const platform = location.query.get('platform') ?? 'instagram';
  const members = useGroupMembers(group);
  const names = new Map((members.data?.items ?? []).map((o) => [o.code, o]));
  const groupName = groups.data?.items.find((g) => g.code === group)?.name ?? group ?? '';
  return (
    <Stack gap="md">
      <PageTitle>{t('bench.title')}</PageTitle>
      {(members.data?.items ?? []).some((o) => o.synthetic) && (
        <Alert color="yellow" variant="light" py="xs">
          <Text size="sm">{t('synthetic.org', { name: groupName })}</Text>
        </Alert>
      )}
      <Group align="flex-end" wrap="wrap" gap="sm">
        <GroupSelect groups={groups.data?.items} group={group} width={280} />
        <NativeSelect
          label={t('bench.platform')}
          value={platform}
          onChange={(e) => setQuery({ platform: e.currentTarget.value })}
          data={Object.keys(PLATFORM_NAMES).map((p) => ({ value: p, label: platformName(p, period.to) }))}
          w={{ base: '100%', xs: 180 }}
        />
      </Group>
      <PeriodPicker />
      {valid && group && (
        <>
          <LeagueTable group={group} groupName={groupName} platform={platform} period={period} names={names} />
          <CompositeRanking group={group} groupName={groupName} period={period} names={names} />
        </>
      )}
    </Stack>
  );
}

function OrgCell({ code, names, period }: { code: string; names: Map<string, Organization>; period: Period }) {
  const o = names.get(code);
  return (
    <Table.Th scope="row" fw={400}>
      <Link to={`/org/${encodeURIComponent(code)}?from=${period.from}&to=${period.to}`}>{o?.name ?? code}</Link>{' '}
      <Text span size="xs" c="dimmed">
        {code}
      </Text>
    </Table.Th>
  );
}

function LeagueTable({ group, groupName, platform, period, names }: { group: string; groupName: string; platform: string; period: Period; names: Map<string, Organization> }) {
  const { t, f } = useI18n();
  const { location, setQuery } = useRouter();
  const bench = useBenchmark(group, platform, period);
  const sort = location.query.get('sort') ?? 'composite';
  const dir: Dir = location.query.get('dir') === 'asc' ? 'asc' : 'desc';
  // Names start A to Z, figures best first; a second click reverses.
  const onSort = (column: string) => {
    const first: Dir = column === 'org' ? 'asc' : 'desc';
    setQuery({ sort: column, dir: sort === column ? (dir === 'asc' ? 'desc' : 'asc') : first }, { replace: true });
  };
  const columnLabel = (c: string) => (c === 'composite' ? t('table.composite') : c === 'org' ? t('table.organisation') : t(`pillar.${c}` as MessageKey));
  return (
    <Section
      id="league-title"
      title={
        <>
          {t('bench.league')}: {platformName(platform, period.to)}
        </>
      }
    >
      <QueryState query={bench} isEmpty={(b) => b.organizations.every((o) => o.composite === null)}>
        {(b: BenchmarkData) => {
          const rows = sortRows(b.organizations.filter((o) => o.composite !== null), (o) => (sort === 'org' ? names.get(o.org)?.name ?? o.org : sort === 'composite' ? o.composite : o.values[sort]), dir);
          return (
            <DataTable
              testId="league-table"
              miw={760}
              highlightOnHover
              caption={
                <caption style={{ textAlign: 'left', captionSide: 'top', padding: '4px 0' }}>
                  <Text size="sm" c="dimmed" span>
                    {t('bench.caption', { group: groupName, platform: platformName(platform, period.to), from: f.date(period.from), to: f.date(period.to), column: columnLabel(sort) })}
                  </Text>
                </caption>
              }
              head={
                <Table.Tr>
                  <Table.Th scope="col">#</Table.Th>
                  <SortHeader column="org" label={t('table.organisation')} sort={sort} dir={dir} onSort={onSort} align="left" />
                  {PILLARS.map((m) => (
                    <SortHeader key={m} column={m} label={<>{t(`pillar.${m}` as MessageKey)}<br /><Text span size="xs" fw={400}>{t(`metric.${m}` as MessageKey)}</Text></>} sort={sort} dir={dir} onSort={onSort} />
                  ))}
                  <SortHeader column="composite" label={t('table.composite')} sort={sort} dir={dir} onSort={onSort} />
                </Table.Tr>
              }
              foot={
                <Table.Tr>
                  <Table.Td />
                  <Table.Th scope="row">{t('bench.median')}</Table.Th>
                  {PILLARS.map((m) => (
                    <Table.Td key={m} ta="right">
                      {formatMetric(f, m, b.stats[m]?.median)}
                      <Text size="xs" c="dimmed">
                        n = {b.stats[m]?.n ?? 0}
                      </Text>
                    </Table.Td>
                  ))}
                  <Table.Td />
                </Table.Tr>
              }
            >
              {rows.map((o, i) => (
                <Table.Tr key={o.org} data-org={o.org}>
                  <Table.Td>{i + 1}</Table.Td>
                  <OrgCell code={o.org} names={names} period={period} />
                  {PILLARS.map((m) => {
                    const pct = o.percentiles[m];
                    return (
                      <Table.Td key={m} ta="right">
                        <Text size="sm">{formatMetric(f, m, o.values[m])}</Text>
                        {typeof pct === 'number' ? (
                          <>
                            <Progress value={pct} size="sm" aria-label={t('bench.percentileOf', { metric: t(`pillar.${m}` as MessageKey), pct: f.dec(pct, 0) })} />
                            <Text size="xs" c="dimmed">
                              P{f.dec(pct, 0)} · #{o.ranks[m]}
                            </Text>
                          </>
                        ) : (
                          <Text size="xs" c="dimmed">
                            {t('bench.noValue')}
                          </Text>
                        )}
                      </Table.Td>
                    );
                  })}
                  <Table.Td ta="right" fw={700}>
                    {f.dec(o.composite)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          );
        }}
      </QueryState>
    </Section>
  );
}

function CompositeRanking({ group, groupName, period, names }: { group: string; groupName: string; period: Period; names: Map<string, Organization> }) {
  const { t, f } = useI18n();
  const comp = useComposite(group, period);
  return (
    <Section id="composite-title" title={t('bench.composite')}>
      <QueryState query={comp} isEmpty={(c) => c.organizations.length === 0}>
        {(c: Composite) => {
          const rows = sortRows(c.organizations, (o) => o.composite, 'desc');
          return (
            <DataTable
              testId="composite-table"
              miw={560}
              caption={
                <caption style={{ textAlign: 'left', captionSide: 'top', padding: '4px 0' }}>
                  <Text size="sm" c="dimmed" span>
                    {t('bench.compositeCaption', { group: groupName, from: f.date(period.from), to: f.date(period.to) })}
                  </Text>
                </caption>
              }
              columns={[t('table.rank'), t('table.organisation'), ...c.platforms.map((p) => ({ key: p, label: platformName(p, period.to), align: 'right' as const })), { label: t('table.composite'), align: 'right' }]}
            >
              {rows.map((o) => {
                const rank = typeof o.composite === 'number' ? 1 + rows.filter((r) => typeof r.composite === 'number' && r.composite > (o.composite ?? 0)).length : null;
                return (
                  <Table.Tr key={o.org}>
                    <Table.Td>{rank ?? '–'}</Table.Td>
                    <OrgCell code={o.org} names={names} period={period} />
                    {c.platforms.map((p) => (
                      <Table.Td key={p} ta="right">
                        {f.dec(o.platforms[p])}
                      </Table.Td>
                    ))}
                    <Table.Td ta="right" miw={120}>
                      <Group gap={6} justify="flex-end" wrap="nowrap">
                        <Progress value={o.composite ?? 0} size="sm" w={60} aria-hidden="true" />
                        <Badge variant="light">{f.dec(o.composite)}</Badge>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </DataTable>
          );
        }}
      </QueryState>
    </Section>
  );
}
