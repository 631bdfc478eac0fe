// Overview of an organisation: per platform followers, growth, posts per week and ER against the
// previous period; the follower chart; the position in a peer group.
import { Badge, Card, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useComposite, useFollowerSeries, useGroups, useMetrics } from '../api/queries.ts';
import { platformName, type FollowerSeries, type MetricSet, type OrganizationDetail } from '../api/types.ts';
import { Link, useRouter } from '../app/router.tsx';
import { followerLineOption } from '../charts/followers.ts';
import { Delta } from '../components/Delta.tsx';
import { EChart } from '../components/EChart.tsx';
import { OrgPage } from '../components/OrgHeader.tsx';
import { PeriodPicker, usePeriod } from '../components/PeriodPicker.tsx';
import { Section } from '../components/Section.tsx';
import { Empty, QueryState } from '../components/States.tsx';
import { useI18n } from '../i18n/index.tsx';
import { addDays, daysBetween, LOCALES } from '../i18n/format.ts';
import type { Period } from '../api/queries.ts';

/** Dates on which BSN's follower counts are the ones it reported (seed/README.md). */
const BSN_REPORTED_DATES = new Set(['2019-01-01', '2019-08-09']);

function previousPeriod(p: Period): Period {
  const days = daysBetween(p.from, p.to) + 1;
  const to = addDays(p.from, -1);
  return { from: addDays(to, 1 - days), to };
}

export default function Overview({ code }: { code: string }) {
  const { t } = useI18n();
  return (
    <OrgPage code={code} page={t('overview.title')}>
      {(o) => (
        <>
          <PeriodPicker timeZone={o.timezone} showBsnPreset={o.code === 'BSN'} />
          <OverviewBody org={o} />
        </>
      )}
    </OrgPage>
  );
}

function OverviewBody({ org }: { org: OrganizationDetail }) {
  const { t } = useI18n();
  const { period, valid } = usePeriod(org.timezone);
  const prev = previousPeriod(period);
  const current = useMetrics(org.code, valid ? period : null);
  const previous = useMetrics(org.code, valid ? prev : null);
  if (org.accounts.length === 0) return <Empty>{t('overview.noAccounts')}</Empty>;
  if (!valid) return null;
  return (
    <>
      <section aria-labelledby="figures-title">
        <VisuallyHidden>
          <h2 id="figures-title">{t('overview.title')}</h2>
        </VisuallyHidden>
        <QueryState query={current}>
          {(m) => <PlatformCards org={org} metrics={m.platforms} previous={previous.data?.platforms} period={period} />}
        </QueryState>
      </section>
      {/* The chart's code and the peer figures wait for the key figures, which come first on screen. */}
      {current.data !== undefined && (
        <>
          <FollowerChart org={org} period={period} />
          <PeerPosition org={org} period={period} />
        </>
      )}
    </>
  );
}

function PlatformCards({ org, metrics, previous, period }: { org: OrganizationDetail; metrics: Record<string, MetricSet>; previous: Record<string, MetricSet> | undefined; period: Period }) {
  const { t, f } = useI18n();
  const platforms = Object.keys(metrics);
  if (platforms.length === 0) return <Empty>{t('overview.noData')}</Empty>;
  const total = platforms.reduce<number | null>((sum, p) => {
    const v = metrics[p]?.end;
    return typeof v === 'number' ? (sum ?? 0) + v : sum;
  }, null);
  const reported = org.code === 'BSN';
  return (
    <Stack gap="sm">
      <Card withBorder padding="sm">
        <Group justify="space-between" wrap="wrap">
          <div>
            <Text size="sm" c="dimmed">
              {t('overview.totalAudience')}
            </Text>
            <Text size="xl" fw={700} data-testid="total-audience">
              {f.int(total)}
            </Text>
          </div>
          <Text size="xs" c="dimmed" maw={360}>
            {t('overview.totalAudienceHelp')}
          </Text>
        </Group>
      </Card>
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm">
        {platforms.map((p) => {
          const m = metrics[p];
          if (!m) return null;
          const prev = previous?.[p];
          const name = platformName(p, period.to);
          return (
            <Card key={p} withBorder padding="sm" component="article" aria-labelledby={`card-${p}`} data-testid={`platform-${p}`}>
              <Title order={3} size="h4" id={`card-${p}`}>
                {name}
              </Title>
              <Text size="sm" c="dimmed">
                {p === 'youtube' ? t('overview.subscribers') : t('overview.followers')}
              </Text>
              <Group gap={6} align="baseline">
                <Text size="xl" fw={700} data-testid={`followers-${p}`}>
                  {f.int(m.end)}
                </Text>
                {reported && BSN_REPORTED_DATES.has(period.to) && (
                  <Badge size="xs" color="green" variant="light">
                    {t('synthetic.reported')}
                  </Badge>
                )}
              </Group>
              <Text size="sm" mt={6}>
                {t('overview.growthSince', { date: f.date(period.from) })}:{' '}
                <b data-testid={`growth-${p}`}>{f.signedInt(m.growth)}</b> ({f.signedPct(m.growth_pct)})
              </Text>
              {m.baseline === 'partial' && (
                <Text size="xs" c="dimmed">
                  {t('overview.partialBaseline')}
                </Text>
              )}
              <Delta current={m.growth} previous={prev?.growth} />
              <Text size="sm" mt={6}>
                {t('overview.postsPerWeek')}: <b>{f.dec(m.posts_per_week)}</b>
              </Text>
              <Delta current={m.posts_per_week} previous={prev?.posts_per_week} />
              <Text size="sm" mt={6}>
                {t('overview.er')}: <b>{f.pct(m.er, 2)}</b>
              </Text>
              <Delta current={m.er} previous={prev?.er} />
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}

function defaultInterval(p: Period): string {
  const days = daysBetween(p.from, p.to) + 1;
  return days > 400 ? 'month' : days > 92 ? 'week' : 'day';
}

function FollowerChart({ org, period }: { org: OrganizationDetail; period: Period }) {
  const { t, f, lang } = useI18n();
  const { location, setQuery } = useRouter();
  const interval = location.query.get('interval') ?? defaultInterval(period);
  const series = useFollowerSeries(org.code, period, interval);
  return (
    <Section
      id="chart-title"
      title={t('overview.chartTitle')}
      control={
        <NativeSelect
          label={t('overview.interval')}
          value={interval}
          onChange={(e) => setQuery({ interval: e.currentTarget.value }, { replace: true })}
          data={(['day', 'week', 'month'] as const).map((i) => ({ value: i, label: t(`overview.interval.${i}`) }))}
          w={160}
        />
      }
    >
      <QueryState query={series}>{(d) => <FollowerChartBody data={d} period={period} lang={lang} fmt={f} t={t} />}</QueryState>
    </Section>
  );
}

function FollowerChartBody({ data, period, lang, fmt, t }: { data: FollowerSeries; period: Period; lang: 'en' | 'id'; fmt: ReturnType<typeof useI18n>['f']; t: ReturnType<typeof useI18n>['t'] }) {
  const lines = useMemo(
    () =>
      Object.entries(data.platforms).map(([p, points]) => ({
        name: platformName(p, period.to),
        points: points.map((pt) => ({ date: pt.end, value: pt.value })),
      })),
    [data, period.to],
  );
  const option = useMemo(() => followerLineOption(lines, { locale: LOCALES[lang], logScale: lines.length > 1 }), [lines, lang]);
  if (lines.length === 0 || lines.every((l) => l.points.every((p) => p.value === null))) return <Empty>{t('overview.noData')}</Empty>;
  const parts = lines.map((l) => {
    const values = l.points.filter((p) => p.value !== null);
    return t('overview.chartPart', { platform: l.name, start: fmt.int(values[0]?.value), end: fmt.int(values[values.length - 1]?.value) });
  });
  const dates = lines[0]?.points.map((p) => p.date) ?? [];
  const firstDate = lines.flatMap((l) => l.points.filter((p) => p.value !== null).map((p) => p.date)).sort()[0];
  return (
    <figure style={{ margin: 0 }}>
      <EChart option={option} kind="line" label="followers" />
      <figcaption>
        <Text size="sm" data-testid="chart-summary">
          {t('overview.chartSummary', { from: fmt.date(firstDate ?? period.from), to: fmt.date(dates[dates.length - 1] ?? period.to), parts: parts.join('; ') })}
        </Text>
      </figcaption>
      <VisuallyHidden>
        <table>
          <caption>{t('overview.chartTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('table.date')}</th>
              {lines.map((l) => (
                <th scope="col" key={l.name}>
                  {l.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {dates.map((d, i) => (
              <tr key={d}>
                <th scope="row">{fmt.date(d)}</th>
                {lines.map((l) => (
                  <td key={l.name}>{fmt.int(l.points[i]?.value)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </figure>
  );
}

/** Competition rank (1, 2, 2, 4) of a value among others, highest first. */
function rankOf(value: number, all: number[]): number {
  return 1 + all.filter((v) => v > value).length;
}

function PeerPosition({ org, period }: { org: OrganizationDetail; period: Period }) {
  const { t, f } = useI18n();
  const groups = useGroups();
  const ofOrg = (groups.data?.items ?? []).filter((g) => org.groups.includes(g.code));
  const sorted = [...ofOrg].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'peer' ? -1 : 1));
  const [chosen, setChosen] = useState<string | null>(null);
  const group = chosen ?? sorted[0]?.code ?? null;
  const composite = useComposite(group, period);
  if (org.groups.length === 0) return null;
  return (
    <Section
      id="position-title"
      title={t('overview.position')}
      control={
        <NativeSelect
          label={t('overview.peerGroup')}
          value={group ?? ''}
          onChange={(e) => setChosen(e.currentTarget.value)}
          data={sorted.map((g) => ({ value: g.code, label: `${g.name} (${g.code})` }))}
          w={{ base: '100%', xs: 300 }}
        />
      }
    >
      <Text size="xs" c="dimmed" my={4}>
        {t('overview.compositeHelp')}
      </Text>
      <QueryState query={composite}>
        {(c) => {
          const mine = c.organizations.find((o) => o.org === org.code);
          if (!mine) return <Empty />;
          const rows = [
            ...c.platforms.map((p) => ({ key: p, label: platformName(p, period.to), value: mine.platforms[p] ?? null, all: c.organizations.map((o) => o.platforms[p]) })),
            { key: 'all', label: t('overview.allPlatforms'), value: mine.composite, all: c.organizations.map((o) => o.composite) },
          ];
          return (
            <div className="table-scroll">
              <Table striped withTableBorder data-testid="peer-position">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('table.platform')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('table.composite')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('table.rank')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => {
                    const values = r.all.filter((v): v is number => typeof v === 'number');
                    return (
                      <Table.Tr key={r.key} fw={r.key === 'all' ? 700 : undefined}>
                        <Table.Th scope="row">{r.label}</Table.Th>
                        <Table.Td ta="right">{f.dec(r.value)}</Table.Td>
                        <Table.Td ta="right">{typeof r.value === 'number' ? t('overview.rankOf', { rank: rankOf(r.value, values), n: values.length }) : '–'}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
              <Text size="sm" mt={4}>
                <Link to={`/benchmark?group=${encodeURIComponent(c.group)}&from=${period.from}&to=${period.to}`}>{t('overview.openBenchmark')}</Link>
              </Text>
            </div>
          );
        }}
      </QueryState>
    </Section>
  );
}
