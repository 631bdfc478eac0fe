// The editorial calendar: content items and published posts by day (month, week, list), filters,
// moving items (drag, or the "Move" button from the keyboard), cadence gaps and the iCalendar feed.
import { Alert, Button, Group, NativeSelect, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { itemDate, weekStart } from '../../core/content/cadence.ts';
import { api } from '../api/client.ts';
import { platformName, type ContentItem, type OrganizationDetail } from '../api/types.ts';
import { useCan } from '../app/auth.tsx';
import { Link, useRouter } from '../app/router.tsx';
import { OrgPage } from '../components/OrgHeader.tsx';
import { Section } from '../components/Section.tsx';
import { QueryState } from '../components/States.tsx';
import { PlanError } from '../components/planning/PlanError.tsx';
import { useCadence, useContentRange } from '../components/planning/api.ts';
import { CadenceTable, TargetForm } from '../components/planning/Cadence.tsx';
import { ListView, MonthView, WeekView, type Entry, type ViewProps } from '../components/planning/CalendarViews.tsx';
import { FeedLink } from '../components/planning/FeedLink.tsx';
import { usePlanningText } from '../components/planning/texts.ts';
import { zonedParts } from '../components/planning/zoned.ts';
import { addDays, todayIn, utcOffset } from '../i18n/format.ts';
import { LOCALES } from '../i18n/index.tsx';

const VIEWS = ['month', 'week', 'list'] as const;
type View = (typeof VIEWS)[number];
const STATUSES = ['idea', 'draft', 'in_review', 'approved', 'scheduled', 'published', 'rejected'] as const;

export default function Calendar({ code }: { code: string }) {
  const { t } = usePlanningText();
  return <OrgPage code={code} page={t('calendar.title')}>{(org) => <CalendarBody org={org} />}</OrgPage>;
}

function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, m ?? 1, 0)).toISOString().slice(0, 10);
}

function shiftMonth(date: string, n: number): string {
  const [y, m] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1 + n, 1)).toISOString().slice(0, 10);
}

function CalendarBody({ org }: { org: OrganizationDetail }) {
  const { t, f, lang } = usePlanningText();
  const { location, setQuery } = useRouter();
  const q = location.query;
  const zone = org.timezone;
  const today = todayIn(zone);
  const view: View = (VIEWS as readonly string[]).includes(q.get('view') ?? '') ? (q.get('view') as View) : 'month';
  const anchor = /^\d{4}-\d{2}-\d{2}$/.test(q.get('date') ?? '') ? (q.get('date') as string) : today;
  const month = anchor.slice(0, 7);
  const from = view === 'week' ? weekStart(anchor) : weekStart(`${month}-01`);
  const to = view === 'week' ? addDays(from, 6) : addDays(weekStart(monthEnd(month)), 6);
  const days = useMemo(() => Array.from({ length: Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1 }, (_, n) => addDays(from, n)), [from, to]);
  const filter = { account: q.get('account') ?? '', platform: q.get('platform') ?? '', status: q.get('status') ?? '' };

  const content = useContentRange(org.code, from, to);
  const cadence = useCadence(org.code, from, to, true);
  const canEdit = useCan('edit-data');

  const entries = useMemo((): Entry[] => {
    const accountOk = (platform: string, handle: string) => (!filter.account || filter.account === `${platform}/${handle}`) && (!filter.platform || filter.platform === platform);
    const items = (content.data ?? []).flatMap((i): Entry[] => {
      if (filter.status && filter.status !== i.status) return [];
      if ((filter.account || filter.platform) && !i.accounts.some((a) => accountOk(a.platform, a.handle))) return [];
      const date = itemDate({ status: i.status, dueDate: i.due_date, scheduledAt: i.scheduled_at, publishedAt: i.published_at }, zone);
      if (!date || date < from || date > to) return [];
      const goesOut = (i.status === 'scheduled' || i.status === 'published') && i.scheduled_at;
      const movable = canEdit && i.status !== 'published' && i.allowed_transitions.length > 0;
      return [{ kind: 'item', key: `i${i.id}`, date, time: goesOut && i.scheduled_at ? zonedParts(i.scheduled_at, zone).time : null, item: i, movable }];
    });
    const posts = filter.status && filter.status !== 'post' ? [] : (cadence.data?.posts ?? []).flatMap((p): Entry[] => {
      if (!accountOk(p.platform, p.handle)) return [];
      return [{ kind: 'post', key: `p${p.platform}/${p.post_id}`, date: p.local.slice(0, 10), time: p.local.slice(11), post: p }];
    });
    return [...items, ...posts].sort((a, b) => (a.time ?? '').localeCompare(b.time ?? ''));
  }, [content.data, cadence.data, filter.account, filter.platform, filter.status, zone, from, to, canEdit]);

  const weekGaps = useMemo(() => {
    const map = new Map<string, string[]>();
    const report = cadence.data;
    if (!report) return map;
    const relevant = report.accounts.filter((a) => a.posts_per_week !== null && (!filter.account || filter.account === `${a.platform}/${a.handle}`) && (!filter.platform || filter.platform === a.platform));
    if (relevant.length === 0) return map;
    report.weeks.forEach((w, n) => map.set(w.start, relevant.filter((a) => a.weeks[n]?.state === 'gap').map((a) => `${platformName(a.platform)} @${a.handle}`)));
    return map;
  }, [cadence.data, filter.account, filter.platform]);

  // Moving: a drop on another day, or the keyboard's "Move" button, ends here.
  const client = useQueryClient();
  const [moving, setMoving] = useState<{ item: ContentItem; date: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const move = useMutation({
    mutationFn: ({ item, date }: { item: ContentItem; date: string }) =>
      api<ContentItem>(`/api/content/${item.id}`, { method: 'PATCH', body: { due_date: date, comment: t('move.comment', { date }) } }),
    onSuccess: (saved, { date }) => {
      setMoving(null);
      setDone(t('move.done', { title: saved.title, date: f.date(date) }));
      client.setQueryData(['content', saved.id], saved);
      void client.invalidateQueries({ queryKey: ['organizations', org.code] });
    },
  });
  const dateOf = (i: ContentItem) => itemDate({ status: i.status, dueDate: i.due_date, scheduledAt: i.scheduled_at, publishedAt: i.published_at }, zone) ?? today;
  const onDrop: ViewProps['onDrop'] = (id, date) => {
    const item = content.data?.find((i) => i.id === id);
    if (!item || dateOf(item) === date) return;
    setDone(null);
    move.reset();
    // Approved and scheduled content goes back to review when moved: the planner confirms first.
    if (item.status === 'approved' || item.status === 'scheduled') setMoving({ item, date });
    else move.mutate({ item, date });
  };
  const onMove: ViewProps['onMove'] = (item) => {
    setDone(null);
    move.reset();
    setMoving({ item, date: dateOf(item) });
  };

  const step = (n: number) => setQuery({ date: view === 'week' ? addDays(anchor, 7 * n) : shiftMonth(anchor, n) });
  const props: ViewProps = { code: org.code, entries, days, month: view === 'week' ? null : month, today, weekGaps, onMove, onDrop };
  const platforms = [...new Set(org.accounts.map((a) => a.platform))];
  const title = view === 'week' ? `${f.date(from)} – ${f.date(to)}` : new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <SegmentedControl aria-label={t('calendar.view')} value={view} onChange={(v) => setQuery({ view: v === 'month' ? undefined : v })} data={VIEWS.map((v) => ({ value: v, label: t(`calendar.${v}`) }))} />
        <Button component={Link} to={`/org/${encodeURIComponent(org.code)}/compose`} size="sm">
          {t('calendar.new')}
        </Button>
      </Group>
      <Group gap="xs" wrap="wrap" align="flex-end">
        <Button variant="default" size="xs" onClick={() => step(-1)}>
          {t('calendar.previous')}
        </Button>
        <Button variant="default" size="xs" onClick={() => setQuery({ date: undefined })}>
          {t('calendar.today')}
        </Button>
        <Button variant="default" size="xs" onClick={() => step(1)}>
          {t('calendar.next')}
        </Button>
        <Title order={2} size="h3" id="calendar-period" aria-live="polite">
          {title}
        </Title>
      </Group>
      <Group gap="xs" wrap="wrap" align="flex-end">
        <NativeSelect label={t('calendar.account')} value={filter.account} onChange={(e) => setQuery({ account: e.currentTarget.value })}
          data={[{ value: '', label: t('calendar.all') }, ...org.accounts.map((a) => ({ value: `${a.platform}/${a.handle}`, label: `${platformName(a.platform)} @${a.handle}` }))]} w={{ base: '100%', xs: 220 }} />
        <NativeSelect label={t('calendar.platform')} value={filter.platform} onChange={(e) => setQuery({ platform: e.currentTarget.value })}
          data={[{ value: '', label: t('calendar.all') }, ...platforms.map((p) => ({ value: p, label: platformName(p) }))]} w={{ base: '48%', xs: 150 }} />
        <NativeSelect label={t('calendar.status')} value={filter.status} onChange={(e) => setQuery({ status: e.currentTarget.value })}
          data={[{ value: '', label: t('calendar.all') }, ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })), { value: 'post', label: t('calendar.posts') }]} w={{ base: '48%', xs: 150 }} />
      </Group>
      <Text size="sm" c="dimmed">
        {t('calendar.zone', { zone, offset: utcOffset(zone) })} {canEdit ? t('calendar.dragHint') : ''}
      </Text>
      {moving && <MovePanel moving={moving} pending={move.isPending} onChange={(date) => setMoving({ ...moving, date })} onSubmit={() => move.mutate(moving)} onCancel={() => setMoving(null)} />}
      {move.isError && <PlanError error={move.error} />}
      {done && (
        <Alert color="teal" role="status" data-testid="move-done">
          {done}
        </Alert>
      )}
      <QueryState query={content}>
        {() => (
          <>
            {view === 'month' && <MonthView {...props} />}
            {view === 'week' && <WeekView {...props} />}
            {view === 'list' && <ListView {...props} />}
          </>
        )}
      </QueryState>
      {cadence.data?.posts_truncated && (
        <Text size="sm" c="dimmed">
          {t('calendar.truncated', { n: cadence.data.posts?.length ?? 0 })}
        </Text>
      )}
      <Section id="cadence-title" title={t('cadence.title')}>
        <Text size="sm" c="dimmed" mb="xs">
          {t('cadence.intro')}
        </Text>
        <QueryState query={cadence}>
          {(r) => (
            <>
              <CadenceTable report={r} />
              <TargetForm key={r.accounts.map((a) => a.posts_per_week).join(',')} code={org.code} report={r} />
            </>
          )}
        </QueryState>
      </Section>
      <Section id="feed-title" title={t('feed.title')}>
        <FeedLink code={org.code} />
      </Section>
    </Stack>
  );
}

function MovePanel({ moving, pending, onChange, onSubmit, onCancel }: { moving: { item: ContentItem; date: string }; pending: boolean; onChange: (date: string) => void; onSubmit: () => void; onCancel: () => void }) {
  const { t } = usePlanningText();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), [moving.item.id]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  const backToReview = moving.item.status === 'approved' || moving.item.status === 'scheduled';
  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} aria-labelledby="move-title" data-testid="move-panel">
      <Title order={3} size="h5" id="move-title">
        {t('move.title', { title: moving.item.title })}
      </Title>
      {backToReview && (
        <Text size="sm" c="orange" role="note">
          {t('move.backToReview', { status: t(`status.${moving.item.status}`) })}
        </Text>
      )}
      <Group gap="xs" align="flex-end" wrap="wrap" mt="xs">
        <TextInput ref={input} type="date" label={t('move.date')} value={moving.date} onChange={(e) => onChange(e.currentTarget.value)} required w={170} />
        <Button type="submit" loading={pending}>
          {t('move.submit')}
        </Button>
        <Button variant="default" onClick={onCancel}>
          {t('move.cancel')}
        </Button>
      </Group>
    </Paper>
  );
}
