// Meetings of an organisation: the list and a form for a new one; a meeting with its agenda (an evaluation's
// generated from the figures), minutes, decisions (which may create content ideas), action items and exports.
import { Badge, Button, Checkbox, Group, List, MultiSelect, NativeSelect, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, qs } from '../api/client.ts';
import { useMembers } from '../api/page-queries.ts';
import type { OrganizationDetail, Page } from '../api/types.ts';
import { useCan } from '../app/auth.tsx';
import { Link, useRouter } from '../app/router.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { MutationForm } from '../components/MutationForm.tsx';
import { OrgPage } from '../components/OrgHeader.tsx';
import { Section } from '../components/Section.tsx';
import { ErrorAlert, QueryState } from '../components/States.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';

type Status = 'planned' | 'held' | 'cancelled';
interface Summary { id: number; kind: 'planning' | 'evaluation'; title: string; starts_local: string; timezone: string; status: Status; open_action_items: number; period_from: string | null; period_to: string | null }
interface Figure { platform: string; metric: string; current: number | null; previous: number | null; change: number | null }
interface Post { platform: string; handle: string; date: string; text: string | null; er: number | null }
interface Agenda {
  period: { from: string; to: string };
  previous: { from: string; to: string };
  figures: Figure[];
  top_posts: Post[];
  bottom_posts: Post[];
  cadence_gaps: { platform: string; handle: string; kind: 'target' | 'quiet'; from: string; to: string; days: number; target: number | null; published: number | null }[];
  peers: { group: string; platform: string; rank: number | null; of: number }[];
  open_actions: { id: number; text: string; owner: string | null; due_date: string | null }[];
}
interface Meeting extends Summary {
  attendees: { id: number; name: string }[];
  agenda: { id: number; title: string; notes: string | null; section: string | null }[];
  agenda_data: Agenda | null;
  minutes: string;
  decisions: { id: number; text: string; content_items: { id: number; title: string; status: string }[] }[];
  action_items: { id: number; text: string; owner_name: string | null; due_date: string | null; status: 'open' | 'done' }[];
}

const orgBase = (code: string) => `/api/organizations/${encodeURIComponent(code)}`;

export default function Meetings({ code, id }: { code: string; id?: number }) {
  const { t } = useI18n();
  return (
    <OrgPage code={code} page={t('meetings.title')}>
      {(o) => (id ? <MeetingDetail org={o} id={id} /> : <MeetingList org={o} />)}
    </OrgPage>
  );
}

function MeetingList({ org }: { org: OrganizationDetail }) {
  const { t } = useI18n();
  const canEdit = useCan('edit-data');
  const list = useQuery({ queryKey: ['meetings', org.code], queryFn: () => api<Page<Summary>>(`${orgBase(org.code)}/meetings${qs({ limit: 200 })}`) });
  return (
    <>
      <Text size="sm">{t('meetings.intro')}</Text>
      {canEdit && <NewMeeting org={org} />}
      <Section id="meetings-list" title={t('meetings.list')}>
        <QueryState query={list} isEmpty={(d) => d.items.length === 0} empty={t('meetings.empty')}>
          {(d) => (
            <DataTable testId="meetings-table" miw={480} columns={[t('meetings.when', { zone: org.timezone }), t('meetings.meetingTitle'), t('meetings.kind'), t('meetings.status'), t('meetings.actions')]}>
              {d.items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{m.starts_local}</Table.Td>
                  <Table.Th scope="row" fw={400}>
                    <Link to={`/org/${encodeURIComponent(org.code)}/meetings/${m.id}`}>{m.title}</Link>
                  </Table.Th>
                  <Table.Td>{t(`meetings.kind.${m.kind}`)}</Table.Td>
                  <Table.Td>{t(`meetings.status.${m.status}`)}</Table.Td>
                  <Table.Td>{m.open_action_items ? t('meetings.openActions', { count: m.open_action_items }) : '–'}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </QueryState>
      </Section>
    </>
  );
}

function NewMeeting({ org }: { org: OrganizationDetail }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const client = useQueryClient();
  const members = useMembers(org.code);
  const [kind, setKind] = useState<'planning' | 'evaluation'>('planning');
  const [when, setWhen] = useState('');
  const [title, setTitle] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [attendees, setAttendees] = useState<string[]>([]);
  const create = useMutation({
    mutationFn: () =>
      api<Meeting>(`${orgBase(org.code)}/meetings`, {
        method: 'POST',
        body: { kind, starts_local: when.replace('T', ' '), attendee_ids: attendees.map(Number), ...(title.trim() ? { title: title.trim() } : {}), ...(kind === 'evaluation' && from && to ? { period_from: from, period_to: to } : {}) },
      }),
    onSuccess: (m) => {
      void client.invalidateQueries({ queryKey: ['meetings', org.code] });
      navigate(`/org/${encodeURIComponent(org.code)}/meetings/${m.id}`);
    },
  });
  return (
    <MutationForm mutation={create} id="meeting-new" title={t('meetings.new')} success={null}>
      <NativeSelect label={t('meetings.kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value as typeof kind)} data={(['planning', 'evaluation'] as const).map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))} />
      <TextInput label={t('meetings.when', { zone: org.timezone })} type="datetime-local" required value={when} onChange={(e) => setWhen(e.currentTarget.value)} />
      <TextInput label={t('meetings.meetingTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={300} />
      {kind === 'evaluation' && (
        <>
          <TextInput label={t('meetings.periodFrom')} type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          <TextInput label={t('meetings.periodTo')} type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        </>
      )}
      <MultiSelect label={t('meetings.attendees')} data={(members.data?.items ?? []).map((m) => ({ value: String(m.id), label: m.name }))} value={attendees} onChange={setAttendees} searchable w={{ base: '100%', xs: 280 }} />
      <Button type="submit" loading={create.isPending} disabled={!when}>
        {t('meetings.create')}
      </Button>
    </MutationForm>
  );
}

function MeetingDetail({ org, id }: { org: OrganizationDetail; id: number }) {
  const { t } = useI18n();
  const canEdit = useCan('edit-data');
  const { navigate } = useRouter();
  const client = useQueryClient();
  const key = ['meetings', org.code, id];
  const meeting = useQuery({ queryKey: key, queryFn: () => api<Meeting>(`/api/meetings/${id}`) });
  const set = (m: Meeting) => {
    client.setQueryData(key, m);
    void client.invalidateQueries({ queryKey: ['meetings', org.code], exact: true });
  };
  const patch = useMutation({ mutationFn: (body: Record<string, unknown>) => api<Meeting>(`/api/meetings/${id}`, { method: 'PATCH', body }), onSuccess: set });
  const regenerate = useMutation({ mutationFn: () => api<Meeting>(`/api/meetings/${id}/agenda/generate`, { method: 'POST' }), onSuccess: set });
  const remove = useMutation({
    mutationFn: () => api<void>(`/api/meetings/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['meetings', org.code] });
      navigate(`/org/${encodeURIComponent(org.code)}/meetings`);
    },
  });
  const refresh = () => void client.invalidateQueries({ queryKey: key });
  return (
    <QueryState query={meeting}>
      {(m) => (
        <Stack gap="md">
          <Link to={`/org/${encodeURIComponent(org.code)}/meetings`}>← {t('meetings.back')}</Link>
          <Group justify="space-between" wrap="wrap">
            <div>
              <Title order={2} size="h3" data-testid="meeting-title">
                {m.title}
              </Title>
              <Text size="sm" c="dimmed">
                {m.starts_local} ({m.timezone}) · {t(`meetings.kind.${m.kind}`)} · <Badge size="sm" variant="light">{t(`meetings.status.${m.status}`)}</Badge>
              </Text>
              <Text size="sm">
                {t('meetings.attendees')}: {m.attendees.map((a) => a.name).join(', ') || '–'}
              </Text>
            </div>
            <Group gap="xs">
              <Button component="a" href={`/api/meetings/${id}/minutes.md`} download variant="default" size="xs">
                {t('meetings.exportMd')}
              </Button>
              <Button component="a" href={`/api/meetings/${id}/minutes.pdf`} download variant="default" size="xs">
                {t('meetings.exportPdf')}
              </Button>
              {canEdit && m.status !== 'held' && (
                <Button size="xs" onClick={() => patch.mutate({ status: 'held' })} loading={patch.isPending}>
                  {t('meetings.markHeld')}
                </Button>
              )}
              {canEdit && (
                <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
                  {t('meetings.delete')}
                </Button>
              )}
            </Group>
          </Group>
          {[patch, regenerate, remove].map((x, i) => x.isError && <ErrorAlert key={i} error={x.error} />)}
          <Section id="meeting-agenda" title={t('meetings.agenda')} control={canEdit && m.kind === 'evaluation' ? <Button size="xs" variant="default" onClick={() => regenerate.mutate()} loading={regenerate.isPending}>{t('meetings.regenerate')}</Button> : undefined}>
            {m.agenda_data && <AgendaView a={m.agenda_data} />}
            <List mt="xs">
              {m.agenda.filter((a) => !m.agenda_data || a.section === null).map((a) => (
                <List.Item key={a.id}>
                  {a.title}
                  {a.notes ? `: ${a.notes}` : ''}
                </List.Item>
              ))}
            </List>
          </Section>
          <Minutes m={m} canEdit={canEdit} save={(minutes) => patch.mutate({ minutes })} saving={patch.isPending} />
          <Decisions m={m} canEdit={canEdit} onChange={refresh} />
          <Actions m={m} org={org} canEdit={canEdit} onChange={refresh} />
        </Stack>
      )}
    </QueryState>
  );
}

function AgendaView({ a }: { a: Agenda }) {
  const { t, f } = useI18n();
  const num = (metric: string, v: number | null) => (v === null ? '–' : metric === 'followers' || metric === 'growth' ? f.int(v) : f.dec(v));
  const posts = (title: MessageKey, list: Post[]) =>
    list.length > 0 && (
      <>
        <Text fw={600} size="sm" mt="xs">{t(title)}</Text>
        <List size="sm">
          {list.map((p, i) => (
            <List.Item key={i}>{`${p.date} · ${p.platform} @${p.handle} · ER ${p.er === null ? '–' : f.dec(p.er)} · ${(p.text ?? '').slice(0, 100)}`}</List.Item>
          ))}
        </List>
      </>
    );
  return (
    <Stack gap="xs" data-testid="meeting-generated-agenda">
      <Title order={3} size="h5">1. {t('meetings.figures', { from: a.previous.from, to: a.previous.to })}</Title>
      <DataTable testId="meeting-figures" miw={420} columns={[t('table.platform'), t('meetings.metric'), t('meetings.current'), t('meetings.previous'), t('meetings.change')]}>
        {a.figures.map((r) => (
          <Table.Tr key={`${r.platform}-${r.metric}`}>
            <Table.Td>{r.platform}</Table.Td>
            <Table.Td>{t(`meetings.m.${r.metric}` as MessageKey)}</Table.Td>
            <Table.Td>{num(r.metric, r.current)}</Table.Td>
            <Table.Td>{num(r.metric, r.previous)}</Table.Td>
            <Table.Td>{r.change === null ? '–' : `${r.change > 0 ? '+' : ''}${num(r.metric, r.change)}`}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <Title order={3} size="h5">2. {t('meetings.topPosts')} / {t('meetings.bottomPosts')}</Title>
      {posts('meetings.topPosts', a.top_posts)}
      {posts('meetings.bottomPosts', a.bottom_posts)}
      <Title order={3} size="h5">3. {t('meetings.gaps')}</Title>
      <Bullets items={a.cadence_gaps.map((g) => `@${g.handle} (${g.platform}): ${g.kind === 'target' ? t('meetings.gapTarget', { from: g.from, to: g.to, published: g.published ?? 0, target: g.target ?? 0 }) : t('meetings.gapQuiet', { days: g.days, from: g.from, to: g.to })}`)} />
      <Title order={3} size="h5">4. {t('meetings.peers')}</Title>
      <Bullets items={a.peers.map((p) => t('meetings.peer', { group: p.group, platform: p.platform, rank: p.rank ?? '–', of: p.of }))} />
      <Title order={3} size="h5">5. {t('meetings.openPrevious')}</Title>
      <Bullets items={a.open_actions.map((x) => `${x.text}${x.owner ? ` (${x.owner})` : ''}${x.due_date ? ` · ${x.due_date}` : ''}`)} />
    </Stack>
  );
}

function Bullets({ items }: { items: string[] }) {
  const { t } = useI18n();
  if (items.length === 0) return <Text size="sm" c="dimmed">{t('meetings.none')}</Text>;
  return (
    <List size="sm">
      {items.map((s, i) => (
        <List.Item key={i}>{s}</List.Item>
      ))}
    </List>
  );
}

function Minutes({ m, canEdit, save, saving }: { m: Meeting; canEdit: boolean; save: (minutes: string) => void; saving: boolean }) {
  const { t } = useI18n();
  const [text, setText] = useState(m.minutes);
  return (
    <Section id="meeting-minutes" title={t('meetings.minutes')}>
      {canEdit ? (
        <>
          <Textarea aria-labelledby="meeting-minutes" value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={5} maxLength={200_000} />
          <Button mt="xs" size="xs" onClick={() => save(text)} loading={saving} disabled={text === m.minutes}>
            {t('meetings.saveMinutes')}
          </Button>
        </>
      ) : (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{m.minutes || '–'}</Text>
      )}
    </Section>
  );
}

function Decisions({ m, canEdit, onChange }: { m: Meeting; canEdit: boolean; onChange: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [idea, setIdea] = useState('');
  const add = useMutation({
    mutationFn: () => api(`/api/meetings/${m.id}/decisions`, { method: 'POST', body: { text, create_content: idea.trim() ? [{ title: idea.trim() }] : [] } }),
    onSuccess: () => {
      setText('');
      setIdea('');
      onChange();
    },
  });
  return (
    <Section id="meeting-decisions" title={t('meetings.decisions')}>
      <Bullets items={m.decisions.map((d) => `${d.text}${d.content_items.length ? ` → ${d.content_items.map((c) => `#${c.id} ${c.title} (${c.status})`).join('; ')}` : ''}`)} />
      {canEdit && (
        <MutationForm mutation={add} id="decision-new" level={3} title={t('meetings.addDecision')} success={null}>
          <TextInput label={t('meetings.decision')} required value={text} onChange={(e) => setText(e.currentTarget.value)} w={{ base: '100%', sm: 360 }} />
          <TextInput label={t('meetings.ideaTitle')} value={idea} onChange={(e) => setIdea(e.currentTarget.value)} w={{ base: '100%', sm: 260 }} />
          <Button type="submit" loading={add.isPending} disabled={!text.trim()}>{t('meetings.addDecision')}</Button>
        </MutationForm>
      )}
    </Section>
  );
}

function Actions({ m, org, canEdit, onChange }: { m: Meeting; org: OrganizationDetail; canEdit: boolean; onChange: () => void }) {
  const { t } = useI18n();
  const members = useMembers(org.code);
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const add = useMutation({
    mutationFn: () => api(`/api/meetings/${m.id}/action-items`, { method: 'POST', body: { text, owner_id: owner ? Number(owner) : null, due_date: due || null } }),
    onSuccess: () => {
      setText('');
      setDue('');
      onChange();
    },
  });
  const toggle = useMutation({ mutationFn: (a: { id: number; done: boolean }) => api(`/api/action-items/${a.id}`, { method: 'PATCH', body: { status: a.done ? 'done' : 'open' } }), onSuccess: onChange });
  return (
    <Section id="meeting-actions" title={t('meetings.actions')}>
      {m.action_items.length === 0 ? (
        <Text size="sm" c="dimmed">{t('meetings.none')}</Text>
      ) : (
        <DataTable testId="meeting-actions" miw={420} columns={[t('meetings.done'), t('meetings.action'), t('meetings.owner'), t('meetings.due')]}>
          {m.action_items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Checkbox aria-label={`${t('meetings.done')}: ${a.text}`} checked={a.status === 'done'} disabled={!canEdit} onChange={(e) => toggle.mutate({ id: a.id, done: e.currentTarget.checked })} />
              </Table.Td>
              <Table.Td>{a.text}</Table.Td>
              <Table.Td>{a.owner_name ?? '–'}</Table.Td>
              <Table.Td>{a.due_date ?? '–'}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      {toggle.isError && <ErrorAlert error={toggle.error} />}
      {canEdit && (
        <MutationForm mutation={add} id="action-new" level={3} title={t('meetings.addAction')} success={null}>
          <TextInput label={t('meetings.action')} required value={text} onChange={(e) => setText(e.currentTarget.value)} w={{ base: '100%', sm: 320 }} />
          <NativeSelect label={t('meetings.owner')} value={owner} onChange={(e) => setOwner(e.currentTarget.value)} data={[{ value: '', label: '–' }, ...(members.data?.items ?? []).map((x) => ({ value: String(x.id), label: x.name }))]} />
          <TextInput label={t('meetings.due')} type="date" value={due} onChange={(e) => setDue(e.currentTarget.value)} />
          <Button type="submit" loading={add.isPending} disabled={!text.trim()}>{t('meetings.addAction')}</Button>
        </MutationForm>
      )}
    </Section>
  );
}
