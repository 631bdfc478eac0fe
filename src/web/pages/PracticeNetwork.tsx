// The network's practice benchmark (coordinator view): members' maturity and stages, levels per practice,
// peer groups, practice against outcome (as an association), the case library and the framework editor.
import { Alert, Anchor, Badge, Group, NativeSelect, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../api/client.ts';
import { useGroupMembers } from '../api/page-queries.ts';
import { useGroups } from '../api/queries.ts';
import { PLATFORM_NAMES, platformName } from '../api/types.ts';
import { useCan } from '../app/auth.tsx';
import { Link, useRouter } from '../app/router.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { PageTitle, Section } from '../components/Section.tsx';
import { QueryState } from '../components/States.tsx';
import { useI18n } from '../i18n/index.tsx';
import { CaseForm } from './PracticeCaseForm.tsx';
import { FrameworkEditor } from './PracticeFramework.tsx';
import { PeriodSelect, tr, useCases, useFramework, usePracticePeriod, type Bilingual, type CaseSummary, type Framework } from './PracticeShared.tsx';

interface Standing { memberId: string; groups: string[]; score: number | null; answered: number; total: number; stage: string | null; percentile: number | null }
interface Summary { n: number; median: number | null; q1: number | null; q3: number | null }
interface Bench {
  members: number;
  assessed: number;
  distribution: { practiceId: string; counts: number[]; answered: number; unanswered: number }[];
  standings: Standing[];
  overall: Summary;
  groups: (Summary & { group: string; members: number })[];
  positions: { memberId: string; groups: { group: string; differenceFromMedian: number | null }[] }[];
  stage_names: Record<string, Bilingual>;
}
interface Association {
  practiceId: string; n: number; rho: number | null; hidden: boolean; hiddenReason: Bilingual | null; caution: Bilingual | null;
  interval: { low: number; high: number } | null; byLevel: { level: number; n: number; median: number | null; q1: number | null; q3: number | null }[];
}
interface Outcomes { metric: string; platform: string | null; from: string; to: string; assessed: number; min_pairs: number; items: Association[]; note: Bilingual }

const METRICS = ['composite', 'er', 'growth_pct', 'posts_per_week', 'visual_share', 'mention_share', 'engagements_per_post', 'end'];
const enc = encodeURIComponent;

export default function PracticeNetwork() {
  const { t } = useI18n();
  const { location, setQuery } = useRouter();
  const groups = useGroups();
  const networks = (groups.data?.items ?? []).filter((g) => g.kind === 'network');
  const network = location.query.get('group') ?? networks[0]?.code ?? null;
  const { period, setPeriod } = usePracticePeriod();
  const coordinator = useCan('manage-network');
  const framework = useFramework(network);
  const bench = useQuery({
    queryKey: ['groups', network, 'practice-benchmark', period],
    queryFn: () => api<Bench>(`/api/groups/${enc(network ?? '')}/practice-benchmark${qs({ period })}`),
    enabled: Boolean(network),
  });
  const cases = useCases(network, coordinator);
  return (
    <Stack gap="md">
      <PageTitle>{t('practiceNet.title')}</PageTitle>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect label={t('practiceNet.network')} value={network ?? ''} onChange={(e) => setQuery({ group: e.currentTarget.value })} data={networks.map((g) => ({ value: g.code, label: `${g.name} (${g.code})` }))} w={{ base: '100%', xs: 280 }} />
        <PeriodSelect period={period} onChange={setPeriod} />
      </Group>
      {network && (
        <QueryState query={framework}>
          {(fw) => (
            <QueryState query={bench}>
              {(b) => (
                <>
                  <Overview bench={b} />
                  <Positions bench={b} period={period} />
                  <Distribution bench={b} framework={fw.framework} cases={cases.data?.items ?? []} />
                  <PeerGroups bench={b} />
                  <OutcomeTable network={network} period={period} framework={fw.framework} />
                </>
              )}
            </QueryState>
          )}
        </QueryState>
      )}
      {network && <Library network={network} framework={framework.data?.framework} cases={cases.data?.items} coordinator={coordinator} />}
      {network && coordinator && framework.data && <FrameworkEditor key={`${network}-${framework.data.framework.version}`} network={network} framework={framework.data.framework} stored={framework.data.stored} />}
    </Stack>
  );
}

function Overview({ bench }: { bench: Bench }) {
  const { t, lang, f } = useI18n();
  const stages = ['experimentation', 'order', 'institutionalisation'];
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} data-testid="practice-overview">
      <Text>{t('practiceNet.assessed', { assessed: f.int(bench.assessed), members: f.int(bench.members) })}</Text>
      <Text>{t('practiceNet.median', { median: f.dec(bench.overall.median, 1), n: f.int(bench.overall.n) })}</Text>
      {stages.map((s) => (
        <Text key={s}>
          {tr(bench.stage_names[s], lang)}: <strong>{f.int(bench.standings.filter((x) => x.stage === s).length)}</strong>
        </Text>
      ))}
    </SimpleGrid>
  );
}

function Positions({ bench, period }: { bench: Bench; period: string }) {
  const { t, lang, f } = useI18n();
  const rows = [...bench.standings].sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || (a.memberId < b.memberId ? -1 : 1));
  const pos = new Map(bench.positions.map((p) => [p.memberId, p]));
  return (
    <Section id="positions-title" title={t('practiceNet.positions')}>
      <DataTable testId="practice-positions" miw={640} columns={[t('table.organisation'), t('practice.scoreCol'), t('practice.stageCol'), t('practiceNet.percentile'), t('practice.answeredCol'), t('practiceNet.vsPeers')]}>
        {rows.map((s) => (
          <Table.Tr key={s.memberId}>
            <Table.Th scope="row" fw={400}>
              <Link to={`/org/${enc(s.memberId)}/practice?period=${enc(period)}`}>{s.memberId}</Link>
            </Table.Th>
            <Table.Td>{f.dec(s.score, 1)}</Table.Td>
            <Table.Td>{s.answered === 0 ? t('practiceNet.notAssessed') : s.stage ? tr(bench.stage_names[s.stage], lang) : t('practice.noStage')}</Table.Td>
            <Table.Td>{f.dec(s.percentile, 0)}</Table.Td>
            <Table.Td>{`${s.answered} / ${s.total}`}</Table.Td>
            <Table.Td>{(pos.get(s.memberId)?.groups ?? []).map((g) => `${g.group} ${g.differenceFromMedian === null ? '–' : f.dec(g.differenceFromMedian, 1)}`).join(', ') || '–'}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Section>
  );
}

function Distribution({ bench, framework, cases }: { bench: Bench; framework: Framework; cases: CaseSummary[] }) {
  const { t, lang, f } = useI18n();
  const top = Math.max(0, ...bench.distribution.map((d) => d.counts.length - 1));
  const levels = Array.from({ length: top + 1 }, (_, i) => i);
  const name = (id: string) => tr(framework.practices.find((p) => p.id === id)?.name, lang) || id;
  return (
    <Section id="distribution-title" title={t('practiceNet.distribution')}>
      <DataTable testId="practice-distribution" miw={640} columns={[t('practiceNet.practice'), ...levels.map((l) => ({ label: t('practice.level', { n: l }), align: 'right' as const })), { label: t('practiceNet.unanswered'), align: 'right' }, t('practice.cases')]}>
        {bench.distribution.map((d) => (
          <Table.Tr key={d.practiceId}>
            <Table.Th scope="row" fw={400}>{name(d.practiceId)}</Table.Th>
            {levels.map((l) => <Table.Td key={l} ta="right">{l < d.counts.length ? f.int(d.counts[l] ?? 0) : ''}</Table.Td>)}
            <Table.Td ta="right">{f.int(d.unanswered)}</Table.Td>
            <Table.Td>
              {cases.filter((c) => c.practices.includes(d.practiceId)).map((c) => (
                <Anchor key={c.id} component={Link} to={`/practice/cases/${c.id}`} size="sm" mr="xs">{tr(c.title, lang)}</Anchor>
              ))}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Section>
  );
}

function PeerGroups({ bench }: { bench: Bench }) {
  const { t, f } = useI18n();
  return (
    <Section id="peers-title" title={t('practiceNet.peers')}>
      {bench.groups.length === 0 ? (
        <Text c="dimmed" size="sm">{t('practiceNet.noPeers')}</Text>
      ) : (
        <DataTable testId="practice-peers" miw={480} columns={[t('practiceNet.group'), t('practiceNet.members'), 'n', t('practiceNet.medianCol'), t('practiceNet.spread')]}>
          {bench.groups.map((g) => (
            <Table.Tr key={g.group}>
              <Table.Th scope="row" fw={400}>{g.group}</Table.Th>
              <Table.Td>{f.int(g.members)}</Table.Td>
              <Table.Td>{f.int(g.n)}</Table.Td>
              <Table.Td>{f.dec(g.median, 1)}</Table.Td>
              <Table.Td>{g.q1 === null ? '–' : `${f.dec(g.q1, 1)} – ${f.dec(g.q3, 1)}`}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Section>
  );
}

function OutcomeTable({ network, period, framework }: { network: string; period: string; framework: Framework }) {
  const { t, lang, f } = useI18n();
  const { location, setQuery } = useRouter();
  const metric = location.query.get('metric') ?? 'composite';
  const platform = location.query.get('platform') ?? undefined;
  const outcomes = useQuery({
    queryKey: ['groups', network, 'practice-outcomes', period, metric, platform],
    queryFn: () => api<Outcomes>(`/api/groups/${enc(network)}/practice-outcomes${qs({ period, metric, platform })}`),
  });
  const name = (id: string) => tr(framework.practices.find((p) => p.id === id)?.name, lang) || id;
  const spread = (g: { q1: number | null; q3: number | null }) => (g.q1 === null ? '–' : `${f.dec(g.q1, 2)} – ${f.dec(g.q3, 2)}`);
  return (
    <Section id="outcomes-title" title={t('practiceNet.outcomes')}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect label={t('practiceNet.metric')} value={metric} onChange={(e) => setQuery({ metric: e.currentTarget.value })} data={METRICS.map((m) => ({ value: m, label: m }))} w={{ base: '100%', xs: 200 }} />
        <NativeSelect label={t('bench.platform')} value={platform ?? outcomes.data?.platform ?? ''} onChange={(e) => setQuery({ platform: e.currentTarget.value })} data={Object.keys(PLATFORM_NAMES).map((p) => ({ value: p, label: platformName(p, outcomes.data?.to ?? '2026-01-01') }))} w={{ base: '100%', xs: 180 }} />
      </Group>
      <QueryState query={outcomes}>
        {(o) => (
          <>
            <Alert color="blue" variant="light" my="sm" data-testid="association-note">
              <Text size="sm">{tr(o.note, lang)}</Text>
              <Text size="xs" c="dimmed">{t('practiceNet.outcomeWindow', { from: f.date(o.from), to: f.date(o.to), min: o.min_pairs })}</Text>
            </Alert>
            <DataTable testId="practice-outcomes" miw={720} columns={[t('practiceNet.practice'), t('practice.levelCol'), 'n', t('practiceNet.medianCol'), t('practiceNet.spread'), 'rho', t('practiceNet.interval')]}>
              {o.items.map((a) => {
                const shown = a.hidden ? [] : a.byLevel;
                return [
                  <Table.Tr key={a.practiceId}>
                    <Table.Th scope="row" fw={600} rowSpan={shown.length + 1}>
                      {name(a.practiceId)}
                      {a.caution && <Text size="xs" c="orange">{tr(a.caution, lang)}</Text>}
                    </Table.Th>
                    <Table.Td>{a.hidden ? <Badge color="gray" variant="light">{t('practiceNet.hidden')}</Badge> : t('practiceNet.all')}</Table.Td>
                    <Table.Td>{f.int(a.n)}</Table.Td>
                    <Table.Td colSpan={a.hidden ? 4 : 2}>{a.hidden ? <Text size="xs">{tr(a.hiddenReason, lang)}</Text> : ''}</Table.Td>
                    {!a.hidden && <Table.Td>{f.dec(a.rho, 2)}</Table.Td>}
                    {!a.hidden && <Table.Td>{a.interval ? `${f.dec(a.interval.low, 2)} – ${f.dec(a.interval.high, 2)}` : '–'}</Table.Td>}
                  </Table.Tr>,
                  ...shown.map((g) => (
                    <Table.Tr key={`${a.practiceId}-${g.level}`}>
                      <Table.Td>{t('practice.level', { n: g.level })}</Table.Td>
                      <Table.Td>{f.int(g.n)}</Table.Td>
                      <Table.Td>{f.dec(g.median, 2)}</Table.Td>
                      <Table.Td>{spread(g)}</Table.Td>
                      <Table.Td colSpan={2} />
                    </Table.Tr>
                  )),
                ];
              })}
            </DataTable>
          </>
        )}
      </QueryState>
    </Section>
  );
}

function Library({ network, framework, cases, coordinator }: { network: string; framework: Framework | undefined; cases: CaseSummary[] | undefined; coordinator: boolean }) {
  const { t, lang } = useI18n();
  const members = useGroupMembers(coordinator ? network : null);
  return (
    <Section id="library-title" title={t('cases.library')}>
      {cases === undefined ? null : cases.length === 0 ? (
        <Text c="dimmed" size="sm">{t('cases.none')}</Text>
      ) : (
        <Stack gap="xs" mt="xs">
          {cases.map((c) => (
            <div key={c.id}>
              <Anchor component={Link} to={`/practice/cases/${c.id}`} fw={600}>{tr(c.title, lang)}</Anchor>{' '}
              {!c.published && <Badge size="xs" color="gray">{t('cases.draft')}</Badge>}
              <Text size="sm">{tr(c.summary, lang)}</Text>
            </div>
          ))}
        </Stack>
      )}
      {coordinator && framework && (
        <div style={{ marginTop: 16 }}>
          <CaseForm network={network} framework={framework} members={members.data?.items ?? []} />
        </div>
      )}
    </Section>
  );
}
