// The calendar's month, week and list views of content items and published posts. Items the caller may
// move can be dragged to another day; each also has a "Move" button, the keyboard's way to do it.
import { Anchor, Box, Button, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState, type DragEvent, type ReactNode } from 'react';
import { platformName, type CadenceReport, type ContentItem } from '../../api/types.ts';
import { Link } from '../../app/router.tsx';
import { StatusBadge } from './Workflow.tsx';
import { usePlanningText } from './texts.ts';

export type Post = NonNullable<CadenceReport['posts']>[number];

export type Entry =
  | { kind: 'item'; key: string; date: string; time: string | null; item: ContentItem; movable: boolean }
  | { kind: 'post'; key: string; date: string; time: string | null; post: Post };

export interface ViewProps {
  code: string;
  entries: Entry[];
  /** Local dates shown, whole weeks from Monday. */
  days: string[];
  /** The month shown (YYYY-MM), for dimming days outside it; null in the week view. */
  month: string | null;
  today: string;
  /** Per week start: the accounts short of their target. */
  weekGaps: Map<string, string[]>;
  onMove: (item: ContentItem) => void;
  onDrop: (itemId: number, date: string) => void;
}

const DRAG_TYPE = 'application/x-socialbench-content';

function EntryCard({ entry, code, onMove, compact }: { entry: Entry; code: string; onMove: (item: ContentItem) => void; compact: boolean }) {
  const { t } = usePlanningText();
  if (entry.kind === 'post') {
    const p = entry.post;
    return (
      <Paper withBorder p={4} bg="var(--mantine-color-gray-0)" data-testid="calendar-post">
        <Text size="xs" c="dimmed" lineClamp={1}>
          {entry.time} · {platformName(p.platform)}
          {compact ? '' : ` @${p.handle}`}
        </Text>
        <Text size="xs" lineClamp={compact ? 1 : 4} style={{ overflowWrap: 'anywhere' }}>
          {p.permalink && /^https?:\/\//i.test(p.permalink) ? (
            <Anchor href={p.permalink} target="_blank" rel="noopener noreferrer nofollow" size="xs">
              {p.text || t('calendar.post')}
            </Anchor>
          ) : (
            p.text || t('calendar.post')
          )}
        </Text>
      </Paper>
    );
  }
  const i = entry.item;
  const drag = (e: DragEvent) => {
    e.dataTransfer.setData(DRAG_TYPE, String(i.id));
    e.dataTransfer.setData('text/plain', i.title);
    e.dataTransfer.effectAllowed = 'move';
  };
  return (
    <Paper withBorder p={4} draggable={entry.movable} onDragStart={entry.movable ? drag : undefined} style={{ cursor: entry.movable ? 'grab' : undefined }} data-testid="calendar-item" data-id={i.id}>
      <Group gap={4} wrap="wrap">
        <StatusBadge status={i.status} />
        {entry.time && (
          <Text size="xs" c="dimmed">
            {entry.time}
          </Text>
        )}
      </Group>
      <Anchor component={Link} to={`/org/${encodeURIComponent(code)}/compose?id=${i.id}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
        {i.title}
      </Anchor>
      {!compact && (
        <Text size="xs" c="dimmed">
          {i.accounts.map((a) => `${platformName(a.platform)} @${a.handle}`).join(', ')}
        </Text>
      )}
      {entry.movable && (
        <Button size="compact-xs" variant="subtle" onClick={() => onMove(i)} aria-label={t('move.buttonFor', { title: i.title })}>
          {t('move.button')}
        </Button>
      )}
    </Paper>
  );
}

function DayCell({ date, children, onDrop, label, code, dim }: { date: string; children: ReactNode; onDrop: (id: number, date: string) => void; label: string; code: string; dim: boolean }) {
  const { t } = usePlanningText();
  const [over, setOver] = useState(false);
  return (
    <Box
      data-date={date}
      data-testid="calendar-day"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        const id = Number(e.dataTransfer.getData(DRAG_TYPE));
        if (id > 0) {
          e.preventDefault();
          onDrop(id, date);
        }
      }}
      style={{ minHeight: 90, padding: 4, height: '100%', outline: over ? '2px dashed var(--mantine-color-blue-5)' : undefined, opacity: dim ? 0.6 : 1 }}
    >
      <Group justify="space-between" gap={2} wrap="nowrap">
        <Text size="xs" fw={600}>
          {label}
        </Text>
        <Anchor component={Link} to={`/org/${encodeURIComponent(code)}/compose?due=${date}`} size="xs" aria-label={t('calendar.addOn', { date })} title={t('calendar.addOn', { date })}>
          +
        </Anchor>
      </Group>
      <Stack gap={4}>{children}</Stack>
    </Box>
  );
}

function WeekGap({ start, gaps }: { start: string; gaps: Map<string, string[]> }) {
  const { t } = usePlanningText();
  const list = gaps.get(start);
  if (!list) return null;
  return list.length ? (
    <Text size="xs" c="red" fw={600} title={t('calendar.weekGapTitle', { list: list.join(', ') })} data-testid="week-gap">
      {t('calendar.weekShort', { n: list.length })}
      <VisuallyHidden>: {list.join(', ')}</VisuallyHidden>
    </Text>
  ) : (
    <Text size="xs" c="teal" fw={600}>
      {t('calendar.weekMet')}
    </Text>
  );
}

/** Short weekday names from Monday (1 January 2024 was a Monday). */
function weekdays(lang: string): string[] {
  const fmt = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { weekday: 'short', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, n) => fmt.format(new Date(Date.UTC(2024, 0, 1 + n))));
}

export function MonthView(p: ViewProps) {
  const { t, f, lang } = usePlanningText();
  const weeks: string[][] = [];
  for (let n = 0; n < p.days.length; n += 7) weeks.push(p.days.slice(n, n + 7));
  const names = weekdays(lang);
  return (
    <Box style={{ overflowX: 'auto' }}>
      <Table withTableBorder withColumnBorders miw={760} layout="fixed" data-testid="calendar-month">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>{t('calendar.weekCol')}</Table.Th>
            {names.map((d) => (
              <Table.Th key={d}>{d}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {weeks.map((w) => (
            <Table.Tr key={w[0]}>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <WeekGap start={w[0] ?? ''} gaps={p.weekGaps} />
              </Table.Td>
              {w.map((d) => (
                <Table.Td key={d} p={0} style={{ verticalAlign: 'top', background: d === p.today ? 'var(--mantine-color-blue-0)' : undefined }}>
                  <DayCell date={d} onDrop={p.onDrop} code={p.code} label={f.shortDate(d)} dim={p.month !== null && !d.startsWith(p.month)}>
                    {p.entries.filter((e) => e.date === d).map((e) => (
                      <EntryCard key={e.key} entry={e} code={p.code} onMove={p.onMove} compact />
                    ))}
                  </DayCell>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

export function WeekView(p: ViewProps) {
  const { f, lang } = usePlanningText();
  const names = weekdays(lang);
  return (
    <Stack gap="xs">
      <WeekGap start={p.days[0] ?? ''} gaps={p.weekGaps} />
      <Box data-testid="calendar-week" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 8 }}>
        {p.days.map((d, n) => (
          <Paper key={d} withBorder style={{ background: d === p.today ? 'var(--mantine-color-blue-0)' : undefined }}>
            <DayCell date={d} onDrop={p.onDrop} code={p.code} label={`${names[n] ?? ''} ${f.shortDate(d)}`} dim={false}>
              {p.entries.filter((e) => e.date === d).map((e) => (
                <EntryCard key={e.key} entry={e} code={p.code} onMove={p.onMove} compact={false} />
              ))}
            </DayCell>
          </Paper>
        ))}
      </Box>
    </Stack>
  );
}

export function ListView(p: ViewProps) {
  const { t, f } = usePlanningText();
  const rows = [...p.entries].sort((a, b) => (a.date + (a.time ?? '')).localeCompare(b.date + (b.time ?? '')));
  if (rows.length === 0)
    return (
      <Text c="dimmed" py="md" role="status">
        {t('calendar.empty')}
      </Text>
    );
  return (
    <Stack gap={6} data-testid="calendar-list">
      {rows.map((e) => (
        <Group key={e.key} gap="sm" wrap="nowrap" align="flex-start">
          <Text size="sm" w={90} style={{ flexShrink: 0 }}>
            {f.shortDate(e.date)}
            {e.date === p.today ? ' •' : ''}
          </Text>
          <Box style={{ flex: 1, minWidth: 0 }}>
            <EntryCard entry={e} code={p.code} onMove={p.onMove} compact={false} />
          </Box>
        </Group>
      ))}
    </Stack>
  );
}
