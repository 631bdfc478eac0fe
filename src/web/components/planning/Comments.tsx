// A content item's comment thread, oldest first, and a field to add one.
import { Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import type { ContentComment } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { QueryState } from '../States.tsx';
import { PlanError } from './PlanError.tsx';
import { useComments } from './api.ts';
import { usePlanningText } from './texts.ts';

export function Comments({ id, zone, names }: { id: number; zone: string; names: (id: number) => string }) {
  const { t } = usePlanningText();
  const { f } = useI18n();
  const comments = useComments(id);
  const client = useQueryClient();
  const [body, setBody] = useState('');
  const add = useMutation({
    mutationFn: () => api<ContentComment>(`/api/content/${id}/comments`, { method: 'POST', body: { body } }),
    onSuccess: () => {
      setBody('');
      void client.invalidateQueries({ queryKey: ['content', id, 'comments'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (body.trim()) add.mutate();
  };
  return (
    <section aria-labelledby="comments-title">
      <Title order={3} size="h4" id="comments-title">
        {t('comments.title')}
      </Title>
      <QueryState query={comments}>
        {(d) =>
          d.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('comments.none')}
            </Text>
          ) : (
            <Stack gap={6} data-testid="comments">
              {d.items.map((c) => (
                <Paper key={c.id} withBorder p="xs">
                  <Text size="xs" c="dimmed">
                    {names(c.author_id)} · {f.dateTime(c.created_at, zone)}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {c.body}
                  </Text>
                </Paper>
              ))}
            </Stack>
          )
        }
      </QueryState>
      <form onSubmit={submit} aria-label={t('comments.add')}>
        <Textarea label={t('comments.new')} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={2} maxRows={6} mt="xs" />
        <Button type="submit" size="xs" mt="xs" loading={add.isPending} disabled={!body.trim()}>
          {t('comments.add')}
        </Button>
        {add.isError && <PlanError error={add.error} />}
      </form>
    </section>
  );
}
