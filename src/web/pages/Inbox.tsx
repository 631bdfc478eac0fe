// The inbox of an organisation: comments and mentions of its accounts with filters, assignment, replies
// sent through the platform and marking done; above them, response rate and time to first reply.
import { Alert, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, Textarea } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, qs } from '../api/client.ts';
import { useMembers } from '../api/page-queries.ts';
import { platformName, type OrganizationDetail, type Page, type TeamMember } from '../api/types.ts';
import { useCan } from '../app/auth.tsx';
import { useRouter } from '../app/router.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { OrgPage } from '../components/OrgHeader.tsx';
import { PeriodPicker, usePeriod } from '../components/PeriodPicker.tsx';
import { Section } from '../components/Section.tsx';
import { ErrorAlert, QueryState } from '../components/States.tsx';
import { useI18n, type Translate } from '../i18n/index.tsx';
import type { Formatters } from '../i18n/format.ts';

interface InboxReply { id: number; text: string; state: 'sending' | 'sent' | 'failed' | 'needs_check'; via: 'socialbench' | 'platform'; error: string | null; created_at: string; sent_at: string | null }
interface InboxEntry {
  id: number; platform: string; handle: string; kind: 'comment' | 'reply' | 'mention'; author_handle: string | null; author_name: string | null;
  text: string; received_at: string; status: 'open' | 'done'; assignee: { id: number; name: string } | null; first_reply_at: string | null; replies: InboxReply[];
}
interface StatsLine { entries: number; answered: number; response_rate: number | null; median_first_reply_minutes: number | null }
interface InboxStats { accounts: (StatsLine & { platform: string; handle: string })[]; total: StatsLine }

const key = (code: string) => ['organizations', code, 'inbox'];

export default function Inbox({ code }: { code: string }) {
  const { t } = useI18n();
  return (
    <OrgPage code={code} page={t('inbox.title')}>
      {(o) => (
        <>
          <Text size="sm">{t('inbox.intro')}</Text>
          <PeriodPicker timeZone={o.timezone} showBsnPreset={false} />
          <StatsSection org={o} />
          <EntriesSection org={o} />
        </>
      )}
    </OrgPage>
  );
}

function minutes(m: number | null, t: Translate, f: Formatters): string {
  if (m === null) return '–';
  return m < 90 ? t('inbox.minutes', { n: f.int(m) }) : t('inbox.hours', { n: f.dec(m / 60, 1) });
}

function summary(s: StatsLine, t: Translate, f: Formatters): string {
  if (s.entries === 0) return t('inbox.summaryNone');
  if (s.answered === 0) return t('inbox.summaryUnanswered', { entries: f.int(s.entries) });
  return t('inbox.summary', { answered: f.int(s.answered), entries: f.int(s.entries), rate: f.pct(s.response_rate), median: minutes(s.median_first_reply_minutes, t, f) });
}

function StatsSection({ org }: { org: OrganizationDetail }) {
  const { t, f } = useI18n();
  const { period, valid } = usePeriod(org.timezone);
  const stats = useQuery({
    queryKey: [...key(org.code), 'stats', period.from, period.to],
    queryFn: () => api<InboxStats>(`/api/organizations/${encodeURIComponent(org.code)}/inbox/stats${qs({ from: period.from, to: period.to })}`),
    enabled: valid,
  });
  return (
    <Section id="inbox-stats-title" title={t('inbox.stats')}>
      <QueryState query={stats} isEmpty={(d) => d.accounts.length === 0} empty={t('inbox.noAccounts')}>
        {(d) => (
          <>
            <Text my="xs" data-testid="inbox-summary">{summary(d.total, t, f)}</Text>
            <DataTable testId="inbox-stats" miw={560} columns={[t('table.account'), { label: t('inbox.received'), align: 'right' }, { label: t('inbox.answered'), align: 'right' }, { label: t('inbox.rate'), align: 'right' }, { label: t('inbox.median'), align: 'right' }]}>
              {d.accounts.map((a) => (
                <Table.Tr key={`${a.platform}/${a.handle}`}>
                  <Table.Th scope="row" fw={400}>{`${platformName(a.platform, period.to)} @${a.handle}`}</Table.Th>
                  <Table.Td ta="right">{f.int(a.entries)}</Table.Td>
                  <Table.Td ta="right">{f.int(a.answered)}</Table.Td>
                  <Table.Td ta="right">{f.pct(a.response_rate)}</Table.Td>
                  <Table.Td ta="right">{minutes(a.median_first_reply_minutes, t, f)}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            <Text size="xs" c="dimmed" mt="xs">{t('inbox.definition')}</Text>
          </>
        )}
      </QueryState>
    </Section>
  );
}

function EntriesSection({ org }: { org: OrganizationDetail }) {
  const { t } = useI18n();
  const { location, setQuery } = useRouter();
  const client = useQueryClient();
  const canEdit = useCan('edit-data');
  const members = useMembers(org.code);
  const status = location.query.get('status') ?? 'open';
  const account = location.query.get('account') ?? '';
  const assignee = location.query.get('assignee') ?? '';
  const filters = { status: status === 'all' ? undefined : status, account: account || undefined, assignee: assignee || undefined };
  const entries = useInfiniteQuery({
    queryKey: [...key(org.code), 'list', filters],
    queryFn: ({ pageParam }) => api<Page<InboxEntry>>(`/api/organizations/${encodeURIComponent(org.code)}/inbox${qs({ ...filters, limit: 25, cursor: pageParam })}`),
    initialPageParam: '',
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const refresh = useMutation({
    mutationFn: () => api(`/api/organizations/${encodeURIComponent(org.code)}/inbox/sync`, { method: 'POST' }),
    onSettled: () => void client.invalidateQueries({ queryKey: key(org.code) }),
  });
  const owned = org.accounts.filter((a) => a.owned);
  const set = (k: string) => (e: { currentTarget: { value: string } }) => setQuery({ [k]: e.currentTarget.value || undefined }, { replace: true });
  const list = entries.data ? { items: entries.data.pages.flatMap((p) => p.items) } : undefined;
  return (
    <Section id="inbox-list-title" title={t('inbox.entries')} control={canEdit ? <Button variant="default" size="xs" loading={refresh.isPending} onClick={() => refresh.mutate()}>{t('inbox.readNow')}</Button> : undefined}>
      {refresh.isError && <ErrorAlert error={refresh.error} />}
      <Group align="flex-end" gap="sm" wrap="wrap" my="xs">
        <NativeSelect label={t('inbox.status')} value={status} onChange={set('status')} w={{ base: '100%', xs: 150 }}
          data={[{ value: 'open', label: t('inbox.status.open') }, { value: 'done', label: t('inbox.status.done') }, { value: 'all', label: t('inbox.status.all') }]} />
        <NativeSelect label={t('table.account')} value={account} onChange={set('account')} w={{ base: '100%', xs: 240 }}
          data={[{ value: '', label: t('inbox.allAccounts') }, ...owned.map((a) => ({ value: `${a.platform}/${a.handle}`, label: `${platformName(a.platform)} @${a.handle}` }))]} />
        <NativeSelect label={t('inbox.assignee')} value={assignee} onChange={set('assignee')} w={{ base: '100%', xs: 200 }}
          data={[{ value: '', label: t('inbox.anyone') }, { value: 'none', label: t('inbox.nobody') }, ...(members.data?.items ?? []).map((m) => ({ value: String(m.id), label: m.name }))]} />
      </Group>
      <QueryState query={{ data: list, error: entries.error, isPending: entries.isPending, refetch: entries.refetch }} isEmpty={(d) => d.items.length === 0} empty={t('inbox.empty')}>
        {(d) => (
          <Stack gap="sm" data-testid="inbox-entries">
            {d.items.map((e) => <EntryCard key={e.id} org={org} entry={e} members={members.data?.items ?? []} canEdit={canEdit} />)}
            {entries.hasNextPage && (
              <Button variant="default" onClick={() => void entries.fetchNextPage()} loading={entries.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
                {t('inbox.more')}
              </Button>
            )}
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}

const STATE_COLORS: Record<InboxReply['state'], string> = { sending: 'blue', sent: 'teal', failed: 'red', needs_check: 'orange' };

function EntryCard({ org, entry, members, canEdit }: { org: OrganizationDetail; entry: InboxEntry; members: TeamMember[]; canEdit: boolean }) {
  const { t, f } = useI18n();
  const client = useQueryClient();
  const [text, setText] = useState('');
  const done = () => void client.invalidateQueries({ queryKey: key(org.code) });
  const patch = useMutation({ mutationFn: (body: Record<string, unknown>) => api(`/api/inbox/${entry.id}`, { method: 'PATCH', body }), onSuccess: done });
  const reply = useMutation({
    mutationFn: () => api<{ reply: InboxReply }>(`/api/inbox/${entry.id}/reply`, { method: 'POST', body: { text, ...(entry.assignee ? { member_id: entry.assignee.id } : {}) } }),
    onSuccess: (r) => {
      if (r.reply.state === 'sent') setText('');
      done();
    },
    onError: done,
  });
  const settle = useMutation({ mutationFn: (v: { id: number; state: 'sent' | 'failed' }) => api(`/api/inbox/${entry.id}/replies/${v.id}`, { method: 'PATCH', body: { state: v.state } }), onSuccess: done });
  const pending = entry.replies.find((r) => r.state === 'needs_check' || r.state === 'sending');
  const author = entry.author_handle ? `@${entry.author_handle}` : (entry.author_name ?? t('inbox.unknownAuthor'));
  const labelId = `entry-${entry.id}`;
  return (
    <Paper withBorder p="sm" component="article" aria-labelledby={labelId}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" fw={600} id={labelId}>
          {t(`inbox.kind.${entry.kind}`, { author })} · {platformName(entry.platform)} @{entry.handle}
        </Text>
        <Group gap="xs">
          <Badge variant="light" color={entry.status === 'done' ? 'gray' : 'blue'}>{t(`inbox.status.${entry.status}`)}</Badge>
          <Text size="xs" c="dimmed">{f.dateTime(entry.received_at, org.timezone)}</Text>
        </Group>
      </Group>
      {/* Untrusted text from the platform: rendered as text only. */}
      <Text size="sm" my="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{entry.text}</Text>
      {entry.replies.length > 0 && (
        <Stack gap={4} pl="md" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
          {entry.replies.map((r) => (
            <Text size="sm" key={r.id} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              <Badge size="xs" variant="light" color={STATE_COLORS[r.state]} mr={6}>{t(`inbox.reply.${r.state}`)}</Badge>
              {r.text}
              <Text span size="xs" c="dimmed"> · {f.dateTime(r.sent_at ?? r.created_at, org.timezone)}{r.via === 'platform' ? ` · ${t('inbox.viaPlatform')}` : ''}</Text>
            </Text>
          ))}
        </Stack>
      )}
      {pending && canEdit && (
        <Alert color="orange" mt="xs" role="status" title={t('inbox.checkTitle')}>
          <Text size="sm">{t('inbox.checkText')}</Text>
          <Group gap="xs" mt="xs">
            <Button size="xs" variant="light" onClick={() => settle.mutate({ id: pending.id, state: 'sent' })}>{t('inbox.wasSent')}</Button>
            <Button size="xs" variant="light" color="gray" onClick={() => settle.mutate({ id: pending.id, state: 'failed' })}>{t('inbox.wasNotSent')}</Button>
          </Group>
          {settle.isError && <ErrorAlert error={settle.error} />}
        </Alert>
      )}
      {canEdit && (
        <Group align="flex-end" gap="sm" wrap="wrap" mt="xs">
          <NativeSelect label={t('inbox.assignee')} size="xs" value={entry.assignee ? String(entry.assignee.id) : ''} w={{ base: '100%', xs: 180 }}
            onChange={(e) => patch.mutate({ assignee_id: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
            data={[{ value: '', label: t('inbox.nobody') }, ...members.map((m) => ({ value: String(m.id), label: m.name }))]} />
          <Button size="xs" variant="default" loading={patch.isPending} onClick={() => patch.mutate({ status: entry.status === 'done' ? 'open' : 'done' })}>
            {entry.status === 'done' ? t('inbox.reopen') : t('inbox.markDone')}
          </Button>
        </Group>
      )}
      {patch.isError && <ErrorAlert error={patch.error} />}
      {canEdit && !pending && (
        <form onSubmit={(ev) => { ev.preventDefault(); reply.mutate(); }}>
          <Textarea label={t('inbox.replyLabel')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} maxLength={5000} mt="xs" />
          <Button type="submit" size="xs" mt="xs" loading={reply.isPending} disabled={text.trim() === ''}>{t('inbox.send')}</Button>
          {reply.isError && <ErrorAlert error={reply.error} />}
        </form>
      )}
    </Paper>
  );
}
