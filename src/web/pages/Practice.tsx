// A member's practice self-assessment for a period: each practice with its levels as choices, evidence,
// and beside it the level proposed from what socialbench observed; saving makes a new version.
import { Alert, Anchor, Badge, Button, Card, Group, Radio, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { useGroups, useOrganization } from '../api/queries.ts';
import { currentRole, useAuth, useCan } from '../app/auth.tsx';
import { Link } from '../app/router.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { MutationForm, SavedAlert } from '../components/MutationForm.tsx';
import { PageTitle, Section } from '../components/Section.tsx';
import { ErrorAlert, Loading, QueryState } from '../components/States.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import {
  PeriodSelect, tr, useAssessment, useCases, useFramework, useHistory, useObserved, usePracticePeriod,
  type Answer, type Assessment, type CaseSummary, type Framework, type Observed, type Practice as PracticeDef,
} from './PracticeShared.tsx';

const FIGURES = new Set([
  'accounts', 'with_holder', 'posts', 'planned_posts', 'share', 'posts_per_week', 'with_target', 'visual_posts',
  'run', 'passed', 'entries', 'answered', 'median_hours', 'contacts', 'named', 'reports', 'ever', 'held', 'per_month',
]);

export default function Practice({ code }: { code: string }) {
  const { t } = useI18n();
  const { period, setPeriod } = usePracticePeriod();
  const org = useOrganization(code);
  const groups = useGroups();
  const assessment = useAssessment(code, period);
  const observed = useObserved(code, period);
  const networks = new Set((groups.data?.items ?? []).filter((g) => g.kind === 'network').map((g) => g.code));
  const network = assessment.data?.network ?? org.data?.groups.find((g) => networks.has(g)) ?? null;
  const framework = useFramework(network);
  const cases = useCases(network);
  const { state } = useAuth();
  const role = currentRole(state);
  // The organisation's manager fills the assessment (admins may too; an open server lets everyone).
  const canEdit = state.status === 'open' || role === 'manager' || role === 'admin';
  const canReview = useCan('manage-network');
  return (
    <Stack gap="md">
      <PageTitle>{t('practice.title', { name: org.data?.name ?? code })}</PageTitle>
      <Text size="sm" c="dimmed">{t('practice.intro')}</Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <PeriodSelect period={period} onChange={setPeriod} />
        {network && (
          <Anchor component={Link} to={`/practice?group=${encodeURIComponent(network)}&period=${encodeURIComponent(period)}`}>
            {t('practice.toNetwork', { network })}
          </Anchor>
        )}
      </Group>
      {org.data && groups.data && !network && <Alert color="yellow">{t('practice.noNetwork')}</Alert>}
      {assessment.data && <ReviewBanners assessment={assessment.data} framework={framework.data?.framework} />}
      {assessment.error ? <ErrorAlert error={assessment.error} onRetry={() => void assessment.refetch()} /> : null}
      <QueryState query={framework}>
        {(fw) =>
          assessment.isPending ? (
            <Loading />
          ) : (
            <AssessmentForm
              key={`${code}-${period}-${assessment.data?.version ?? 0}`}
              code={code}
              period={period}
              framework={fw.framework}
              assessment={assessment.data ?? null}
              observed={observed.data ?? null}
              cases={cases.data?.items ?? []}
              canEdit={canEdit}
            />
          )
        }
      </QueryState>
      {canReview && assessment.data && <ReviewRequestForm code={code} period={period} />}
      <History code={code} period={period} />
    </Stack>
  );
}

function ReviewBanners({ assessment, framework }: { assessment: Assessment; framework: Framework | undefined }) {
  const { t, lang, f } = useI18n();
  const name = (id: string) => tr(framework?.practices.find((p) => p.id === id)?.name, lang) || id;
  const open = assessment.review_requests.filter((r) => r.status === 'requested');
  return (
    <>
      {open.map((r) => (
        <Alert key={r.id} color="orange" title={t('practice.reviewRequested', { version: r.version })} data-testid="review-request">
          <Text size="sm">{r.comment}</Text>
          <Text size="xs" c="dimmed">{f.date(r.created_at.slice(0, 10))}</Text>
        </Alert>
      ))}
      {(assessment.review_flags ?? []).length > 0 && (
        <Alert color="yellow" title={t('practice.flagsTitle')}>
          {(assessment.review_flags ?? []).map((x) => (
            <Text size="sm" key={x.practiceId}>
              {t('practice.flag', { practice: name(x.practiceId), declared: x.declared, proposed: x.proposed })}
            </Text>
          ))}
        </Alert>
      )}
    </>
  );
}

function AssessmentForm(props: { code: string; period: string; framework: Framework; assessment: Assessment | null; observed: Observed | null; cases: CaseSummary[]; canEdit: boolean }) {
  const { code, period, framework, assessment, observed, cases, canEdit } = props;
  const { t, lang, f } = useI18n();
  const client = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, Answer>>(() => assessment?.answers ?? {});
  const save = useMutation({
    mutationFn: () => {
      // Empty evidence is left out: the API takes a note or link only when there is one.
      const body = Object.fromEntries(
        Object.entries(answers).map(([id, a]) => [id, { level: a.level, ...(a.note?.trim() ? { note: a.note.trim() } : {}), ...(a.link?.trim() ? { link: a.link.trim() } : {}) }]),
      );
      return api<Assessment>(`/api/organizations/${encodeURIComponent(code)}/practice-assessments/${encodeURIComponent(period)}`, { method: 'PUT', body: { answers: body } });
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: ['organizations', code, 'practice-assessments'] }),
  });
  const set = (id: string, patch: Partial<Answer>) => setAnswers((a) => ({ ...a, [id]: { level: a[id]?.level ?? null, ...a[id], ...patch } }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} aria-labelledby="assessment-title">
      <Section
        id="assessment-title"
        title={t('practice.assessment')}
        control={
          assessment ? (
            <Group gap="xs" data-testid="maturity">
              <Badge size="lg" variant="light">{t('practice.version', { version: assessment.version })}</Badge>
              <Badge size="lg">{t('practice.score', { score: f.dec(assessment.maturity.score, 1) })}</Badge>
              <Badge size="lg" color="teal">{assessment.stage_name ? tr(assessment.stage_name, lang) : t('practice.noStage')}</Badge>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">{t('practice.notYet')}</Text>
          )
        }
      >
        {observed && <Text size="sm" c="dimmed">{t('practice.observedWindow', { from: f.date(observed.from), to: f.date(observed.to) })}</Text>}
        <Stack gap="lg" mt="sm">
          {framework.practices.map((p) => (
            <PracticeRow
              key={p.id}
              practice={p}
              answer={answers[p.id]}
              onChange={(patch) => set(p.id, patch)}
              observed={observed}
              cases={cases.filter((c) => c.practices.includes(p.id))}
              readOnly={!canEdit}
            />
          ))}
        </Stack>
        {canEdit && (
          <Group mt="md">
            <Button type="submit" loading={save.isPending}>{t('practice.save')}</Button>
          </Group>
        )}
        {save.isError && <ErrorAlert error={save.error} />}
        {save.isSuccess && <SavedAlert>{t('practice.saved', { version: save.data.version })}</SavedAlert>}
      </Section>
    </form>
  );
}

function PracticeRow({ practice, answer, onChange, observed, cases, readOnly }: {
  practice: PracticeDef; answer: Answer | undefined; onChange: (patch: Partial<Answer>) => void; observed: Observed | null; cases: CaseSummary[]; readOnly: boolean;
}) {
  const { t, lang } = useI18n();
  const proposal = observed?.proposals.find((x) => x.practiceId === practice.id);
  const inputs = observed?.inputs.filter((x) => x.practiceId === practice.id) ?? [];
  const titleId = `practice-${practice.id}`;
  return (
    <Card withBorder padding="sm" data-testid={`practice-${practice.id}`}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <div>
          <Radio.Group
            value={answer?.level === null || answer?.level === undefined ? '' : String(answer.level)}
            onChange={(v) => onChange({ level: v === '' ? null : Number(v) })}
            label={<Title order={3} size="h5" id={titleId}>{tr(practice.name, lang)}</Title>}
            description={tr(practice.description, lang)}
            readOnly={readOnly}
          >
            <Stack gap={6} mt="xs">
              {practice.levels.map((l) => (
                <Radio key={l.level} value={String(l.level)} disabled={readOnly} label={`${t('practice.level', { n: l.level })}: ${tr(l.description, lang)}`} />
              ))}
              <Radio value="" disabled={readOnly} label={t('practice.unanswered')} />
            </Stack>
          </Radio.Group>
          <Textarea
            mt="xs"
            label={t('practice.note')}
            description={practice.evidenceExpected ? t('practice.evidenceExpected') : undefined}
            value={answer?.note ?? ''}
            onChange={(e) => onChange({ note: e.currentTarget.value })}
            autosize
            minRows={1}
            maxLength={2000}
            readOnly={readOnly}
          />
          <TextInput mt="xs" type="url" label={t('practice.link')} placeholder="https://" value={answer?.link ?? ''} onChange={(e) => onChange({ link: e.currentTarget.value })} readOnly={readOnly} />
        </div>
        <ObservedBox proposal={proposal} inputs={inputs} onTake={readOnly || !proposal ? undefined : () => onChange({ level: proposal.level })} cases={cases} />
      </SimpleGrid>
    </Card>
  );
}

function ObservedBox({ proposal, inputs, onTake, cases }: {
  proposal: Observed['proposals'][number] | undefined; inputs: Observed['inputs']; onTake: (() => void) | undefined; cases: CaseSummary[];
}) {
  const { t, lang, f } = useI18n();
  const value = (k: string, v: number | boolean | null) =>
    v === null ? '–' : typeof v === 'boolean' ? t(v ? 'practice.yes' : 'practice.no') : k === 'share' ? f.pct(v, 1) : Number.isInteger(v) ? f.int(v) : f.dec(v, 2);
  return (
    <Stack gap={6} bg="var(--mantine-color-gray-0)" p="sm" style={{ borderRadius: 4 }}>
      <Text fw={600} size="sm">{t('practice.observed')}</Text>
      {proposal ? (
        <>
          <Group gap="xs">
            <Badge variant="outline" data-testid="proposal">{t('practice.proposed', { n: proposal.level })}</Badge>
            {onTake && <Button size="compact-xs" variant="light" onClick={onTake}>{t('practice.take')}</Button>}
          </Group>
          <Text size="sm">{tr(proposal.reason, lang)}</Text>
        </>
      ) : (
        <Text size="sm" c="dimmed">{t('practice.noProposal')}</Text>
      )}
      {inputs.map((i) => (
        <div key={i.input}>
          {Object.entries(i.values).filter(([k]) => FIGURES.has(k)).length > 0 && (
            <Text size="xs">
              {Object.entries(i.values)
                .filter(([k]) => FIGURES.has(k))
                .map(([k, v]) => `${t(`practice.figure.${k}` as MessageKey)}: ${value(k, v)}`)
                .join(' · ')}
            </Text>
          )}
          {i.note && <Text size="xs" c="dimmed">{tr(i.note, lang)}</Text>}
        </div>
      ))}
      {cases.length > 0 && (
        <Text size="xs">
          {t('practice.cases')}:{' '}
          {cases.map((c, j) => (
            <span key={c.id}>
              {j > 0 && ', '}
              <Anchor component={Link} to={`/practice/cases/${c.id}`} size="xs">{tr(c.title, lang)}</Anchor>
            </span>
          ))}
        </Text>
      )}
    </Stack>
  );
}

function ReviewRequestForm({ code, period }: { code: string; period: string }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [comment, setComment] = useState('');
  const request = useMutation({
    mutationFn: () => api(`/api/organizations/${encodeURIComponent(code)}/practice-assessments/${encodeURIComponent(period)}/review-request`, { method: 'POST', body: { comment } }),
    onSuccess: () => {
      setComment('');
      void client.invalidateQueries({ queryKey: ['organizations', code, 'practice-assessments'] });
    },
  });
  return (
    <MutationForm mutation={request} id="review-title" title={t('practice.requestReview')} success={<SavedAlert>{t('practice.requested')}</SavedAlert>}>
      <Textarea label={t('practice.reviewComment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} required maxLength={4000} autosize minRows={2} w={{ base: '100%', sm: 480 }} />
      <Button type="submit" loading={request.isPending} disabled={!comment.trim()}>{t('practice.requestReview')}</Button>
    </MutationForm>
  );
}

function History({ code, period }: { code: string; period: string }) {
  const { t, lang, f } = useI18n();
  const history = useHistory(code, period);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <Section id="history-title" title={t('practice.history')}>
      <QueryState query={history} isEmpty={(d) => d.items.length === 0} empty={t('practice.noHistory')}>
        {(d) => (
          <DataTable testId="practice-history" miw={480} columns={[t('practice.versionCol'), t('practice.savedAt'), t('practice.scoreCol'), t('practice.stageCol'), t('practice.answeredCol')]}>
            {d.items.map((v) => (
              <Table.Tr key={v.version}>
                <Table.Td>{v.version}</Table.Td>
                <Table.Td>{f.dateTime(v.created_at, zone)}</Table.Td>
                <Table.Td>{f.dec(v.maturity.score, 1)}</Table.Td>
                <Table.Td>{v.stage_name ? tr(v.stage_name, lang) : '–'}</Table.Td>
                <Table.Td>{`${v.maturity.answered} / ${v.maturity.total}`}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </QueryState>
    </Section>
  );
}
