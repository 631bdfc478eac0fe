// The workflow moves the caller may make now (submit, approve, reject with a reason, schedule in the
// organisation's zone, ...), and the item's history of moves.
import { Badge, Button, Group, List, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { findRule } from '../../../core/content/workflow.ts';
import { api } from '../../api/client.ts';
import type { ContentItem, ContentStatus } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { addDays, todayIn, utcOffset } from '../../i18n/format.ts';
import { PlanError } from './PlanError.tsx';
import { usePlanningText, type PlanKey } from './texts.ts';
import { zonedInstant, zonedParts } from './zoned.ts';

const ACTION_LABEL: Record<string, PlanKey> = {
  draft: 'flow.draft', submit: 'flow.submit', withdraw: 'flow.withdraw', approve: 'flow.approve', reject: 'flow.reject',
  revise: 'flow.revise', schedule: 'flow.schedule', edit: 'flow.edit', publish: 'flow.publish',
};

export function StatusBadge({ status }: { status: ContentStatus }) {
  const { t } = usePlanningText();
  const color: Record<ContentStatus, string> = { idea: 'gray', draft: 'blue', in_review: 'orange', approved: 'teal', scheduled: 'grape', published: 'green', rejected: 'red' };
  return (
    <Badge color={color[status]} variant="light" data-testid="status-badge" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}

export function WorkflowActions({ item, dirty, onMoved }: { item: ContentItem; dirty: boolean; onMoved?: (item: ContentItem) => void }) {
  const { t } = usePlanningText();
  const client = useQueryClient();
  const zone = item.timezone;
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  const previous = item.scheduled_at ? zonedParts(item.scheduled_at, zone) : null;
  const [date, setDate] = useState(item.due_date ?? previous?.date ?? addDays(todayIn(zone), 1));
  const [time, setTime] = useState(previous?.time ?? '09:00');
  const move = useMutation({
    mutationFn: async (to: ContentStatus) => {
      const body: Record<string, string> = { to };
      if (comment.trim()) body.comment = comment.trim();
      if (to === 'rejected') body.reason = reason;
      if (to === 'scheduled') {
        const at = zonedInstant(date, time, zone);
        if (at) body.scheduled_at = at;
      }
      return api<ContentItem>(`/api/content/${item.id}/transitions`, { method: 'POST', body });
    },
    onSuccess: (next) => {
      setComment('');
      setReason('');
      client.setQueryData(['content', item.id], next);
      void client.invalidateQueries({ queryKey: ['organizations', item.org] });
      onMoved?.(next);
    },
  });
  const moves = item.allowed_transitions.map((to) => ({ to, action: findRule(item.status, to)?.action ?? to }));
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text size="sm">{t('flow.status')}</Text>
        <StatusBadge status={item.status} />
        {item.scheduled_at && (item.status === 'scheduled' || item.status === 'published') && (
          <Text size="sm" data-testid="scheduled-local">
            {t('flow.scheduledFor', { local: item.scheduled_local ?? '', zone })}
          </Text>
        )}
      </Group>
      {item.status === 'rejected' && item.rejection_reason && (
        <Text size="sm" c="red">
          {t('flow.rejectedBecause', { reason: item.rejection_reason })}
        </Text>
      )}
      {moves.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('flow.noMoves')}
        </Text>
      ) : (
        <>
          {dirty && (
            <Text size="sm" c="orange" role="status">
              {t('flow.saveFirst')}
            </Text>
          )}
          <Textarea label={t('flow.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={1} maxRows={4} />
          {moves.some((m) => m.to === 'rejected') && (
            <Textarea label={t('flow.reason')} description={t('flow.reasonHelp')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={1} maxRows={4} />
          )}
          {moves.some((m) => m.to === 'scheduled') && (
            <Group gap="xs" align="flex-end" wrap="wrap">
              <TextInput type="date" label={t('flow.publishDate')} value={date} onChange={(e) => setDate(e.currentTarget.value)} w={170} />
              <TextInput type="time" label={t('flow.publishTime')} value={time} onChange={(e) => setTime(e.currentTarget.value)} w={130} />
              <Text size="xs" c="dimmed" pb={8}>
                {t('flow.inZone', { zone, offset: utcOffset(zone) })}
              </Text>
            </Group>
          )}
          <Group gap="xs" wrap="wrap">
            {moves.map((m) => (
              <Button
                key={m.to}
                size="sm"
                color={m.to === 'rejected' ? 'red' : m.to === 'approved' ? 'teal' : undefined}
                variant={m.action === 'withdraw' || m.action === 'edit' ? 'default' : 'filled'}
                disabled={dirty || move.isPending || (m.to === 'rejected' && !reason.trim())}
                loading={move.isPending && move.variables === m.to}
                onClick={() => move.mutate(m.to)}
                data-to={m.to}
              >
                {t(ACTION_LABEL[m.action] ?? 'flow.move')}
              </Button>
            ))}
          </Group>
        </>
      )}
      {move.isError && <PlanError error={move.error} />}
    </Stack>
  );
}

export function History({ item, names }: { item: ContentItem; names: (id: number) => string }) {
  const { t } = usePlanningText();
  const { f } = useI18n();
  const list = item.transitions ?? [];
  return (
    <section aria-labelledby="history-title">
      <Title order={3} size="h4" id="history-title">
        {t('history.title')}
      </Title>
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('history.none')}
        </Text>
      ) : (
        <List spacing={4} data-testid="history" size="sm">
          {list.map((r, n) => (
            <List.Item key={n}>
              {t('history.line', { at: f.dateTime(r.at, item.timezone), who: names(r.actor_id), action: t(ACTION_LABEL[r.action] ?? 'flow.move'), from: t(`status.${r.from}`), to: t(`status.${r.to}`) })}
              {r.scheduled_at && ` · ${t('history.for', { at: f.dateTime(r.scheduled_at, item.timezone) })}`}
              {r.reason && ` · ${t('history.reason', { text: r.reason })}`}
              {r.comment && ` · “${r.comment}”`}
            </List.Item>
          ))}
        </List>
      )}
    </section>
  );
}
