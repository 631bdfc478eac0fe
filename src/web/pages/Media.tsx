// Media library of an organisation: upload with alt text and tags, a grid of thumbnails with filters,
// alt text editing (images need it before they go into a post), delete when unused.
import { Alert, Anchor, Badge, Button, Card, FileInput, Group, Image, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, apiRaw, qs } from '../api/client.ts';
import type { Page } from '../api/types.ts';
import { useCan } from '../app/auth.tsx';
import { OrgPage } from '../components/OrgHeader.tsx';
import { Section } from '../components/Section.tsx';
import { Empty, ErrorAlert, Loading } from '../components/States.tsx';
import { useI18n } from '../i18n/index.tsx';

const KINDS = ['image', 'video', 'gif', 'document'] as const;
type Kind = (typeof KINDS)[number];

interface MediaItem {
  id: number;
  kind: Kind;
  mime: string;
  file_name: string;
  bytes: number;
  width: number | null;
  height: number | null;
  duration_sec: number | null;
  alt_text: string | null;
  tags: string[];
  file_url: string;
  thumbnail_url: string | null;
  used_by: number;
  duplicate?: boolean;
}

const base = (code: string) => `/api/organizations/${encodeURIComponent(code)}`;

export default function Media({ code }: { code: string }) {
  const { t } = useI18n();
  const canEdit = useCan('edit-data');
  return (
    <OrgPage code={code} page={t('media.title')}>
      {() => (
        <>
          <Text size="sm">{t('media.intro')}</Text>
          {canEdit && <UploadForm code={code} />}
          <Library code={code} canEdit={canEdit} />
        </>
      )}
    </OrgPage>
  );
}

function UploadForm({ code }: { code: string }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [tags, setTags] = useState('');
  const run = useMutation({
    mutationFn: async () => {
      if (!file) throw new Error('no file');
      const form = new FormData();
      // Fields first: the server reads them while the file streams to disk.
      if (alt.trim()) form.append('alt_text', alt.trim());
      if (tags.trim()) form.append('tags', tags);
      form.append('file', file);
      return (await (await apiRaw(`${base(code)}/media`, { method: 'POST', body: form })).json()) as MediaItem;
    },
    onSuccess: () => {
      setFile(null);
      setAlt('');
      setTags('');
      void client.invalidateQueries({ queryKey: ['media', code] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) run.mutate();
  };
  return (
    <Section id="media-upload" title={t('media.upload')}>
      <form onSubmit={submit} aria-labelledby="media-upload">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <FileInput label={t('media.file')} value={file} onChange={setFile} required clearable accept="image/*,video/*,application/pdf,.docx,.xlsx,.pptx" w={{ base: '100%', xs: 260 }} data-testid="media-file" />
          <TextInput label={t('media.altText')} description={t('media.altHint')} value={alt} onChange={(e) => setAlt(e.currentTarget.value)} maxLength={1000} w={{ base: '100%', xs: 320 }} />
          <TextInput label={t('media.tags')} description={t('media.tagsHint')} value={tags} onChange={(e) => setTags(e.currentTarget.value)} w={{ base: '100%', xs: 200 }} />
          <Button type="submit" loading={run.isPending} disabled={!file}>
            {t('media.submit')}
          </Button>
        </Group>
      </form>
      {run.isError && <ErrorAlert error={run.error} />}
      {run.data && (
        <Alert color="teal" role="status" mt="xs">
          {run.data.duplicate ? t('media.duplicate') : t('media.uploaded')} {run.data.file_name}
        </Alert>
      )}
    </Section>
  );
}

function Library({ code, canEdit }: { code: string; canEdit: boolean }) {
  const { t } = useI18n();
  const [kind, setKind] = useState('');
  const [tag, setTag] = useState('');
  const [q, setQ] = useState('');
  const tags = useQuery({ queryKey: ['media', code, 'tags'], queryFn: () => api<{ items: { tag: string; count: number }[] }>(`${base(code)}/media-tags`) });
  const list = useInfiniteQuery({
    queryKey: ['media', code, 'list', kind, tag, q],
    queryFn: ({ pageParam }) => api<Page<MediaItem>>(`${base(code)}/media${qs({ kind, tag, q, limit: 48, cursor: pageParam })}`),
    initialPageParam: '' as string,
    getNextPageParam: (p) => p.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Section id="media-library" title={t('media.title')}>
      <Group align="flex-end" gap="sm" wrap="wrap" my="xs" role="search" aria-label={t('media.filter')}>
        <NativeSelect label={t('media.kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value)} data={[{ value: '', label: t('media.kind.all') }, ...KINDS.map((k) => ({ value: k, label: t(`media.kind.${k}`) }))]} />
        <NativeSelect label={t('media.tag')} value={tag} onChange={(e) => setTag(e.currentTarget.value)} data={[{ value: '', label: t('media.tag.all') }, ...(tags.data?.items ?? []).map((x) => ({ value: x.tag, label: `${x.tag} (${x.count})` }))]} />
        <TextInput label={t('media.search')} type="search" value={q} onChange={(e) => setQ(e.currentTarget.value)} w={{ base: '100%', xs: 240 }} />
      </Group>
      {list.error && items.length === 0 ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty>{t('media.empty')}</Empty>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, xs: 2, sm: 3, lg: 4 }} spacing="sm" data-testid="media-grid">
            {items.map((m) => (
              <MediaCard key={m.id} code={code} m={m} canEdit={canEdit} />
            ))}
          </SimpleGrid>
          {list.hasNextPage && (
            <Button variant="default" mt="sm" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('media.more')}
            </Button>
          )}
        </>
      )}
    </Section>
  );
}

function sizeText(m: MediaItem, f: ReturnType<typeof useI18n>['f']): string {
  const parts = [`${f.int(Math.max(1, Math.round(m.bytes / 1024)))} KB`];
  if (m.width && m.height) parts.push(`${m.width} × ${m.height}`);
  if (m.duration_sec !== null) parts.push(`${f.int(Math.round(m.duration_sec))} s`);
  return parts.join(' · ');
}

function MediaCard({ code, m, canEdit }: { code: string; m: MediaItem; canEdit: boolean }) {
  const { t, f } = useI18n();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [alt, setAlt] = useState(m.alt_text ?? '');
  const [tags, setTags] = useState(m.tags.join(', '));
  const refresh = () => void client.invalidateQueries({ queryKey: ['media', code] });
  const save = useMutation({
    mutationFn: () => api<MediaItem>(`/api/media/${m.id}`, { method: 'PATCH', body: { alt_text: alt.trim() || null, tags } }),
    onSuccess: () => {
      setEditing(false);
      refresh();
    },
  });
  const remove = useMutation({ mutationFn: () => api<void>(`/api/media/${m.id}`, { method: 'DELETE' }), onSuccess: refresh });
  const needsAlt = (m.kind === 'image' || m.kind === 'gif') && !m.alt_text;
  return (
    <Card withBorder padding="xs" data-testid="media-card">
      <Card.Section>
        {m.thumbnail_url ? (
          <Image src={m.thumbnail_url} alt={m.alt_text ?? ''} h={160} fit="contain" bg="gray.1" loading="lazy" />
        ) : (
          <Group h={160} justify="center" bg="gray.1">
            <Text fw={700} c="dimmed">
              {m.file_name.split('.').pop()?.toUpperCase() ?? t('media.kind.document')}
            </Text>
          </Group>
        )}
      </Card.Section>
      <Stack gap={4} mt="xs">
        <Group gap={4} wrap="nowrap" justify="space-between">
          <Text size="sm" fw={600} truncate="end" title={m.file_name}>
            {m.file_name}
          </Text>
          <Badge variant="light" size="sm">
            {t(`media.kind.${m.kind}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {sizeText(m, f)}
        </Text>
        {needsAlt ? (
          <Badge color="orange" variant="light" size="sm">
            {t('media.noAlt')}
          </Badge>
        ) : (
          m.alt_text && (
            <Text size="xs" lineClamp={2}>
              {m.alt_text}
            </Text>
          )
        )}
        {m.tags.length > 0 && (
          <Group gap={4}>
            {m.tags.map((x) => (
              <Badge key={x} size="xs" variant="outline">
                {x}
              </Badge>
            ))}
          </Group>
        )}
        {m.used_by > 0 && (
          <Text size="xs" c="dimmed">
            {t('media.used', { count: m.used_by })}
          </Text>
        )}
        {editing ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate();
            }}
          >
            <Textarea label={t('media.altText')} value={alt} onChange={(e) => setAlt(e.currentTarget.value)} autosize minRows={2} maxLength={1000} />
            <TextInput label={t('media.tags')} value={tags} onChange={(e) => setTags(e.currentTarget.value)} />
            <Group gap="xs" mt={4}>
              <Button size="xs" type="submit" loading={save.isPending}>
                {t('media.save')}
              </Button>
            </Group>
            {save.isError && <ErrorAlert error={save.error} />}
          </form>
        ) : (
          <Group gap="xs">
            <Anchor href={m.file_url} target="_blank" rel="noopener" size="xs">
              {t('media.open')}
            </Anchor>
            {canEdit && (
              <Button size="compact-xs" variant="default" onClick={() => setEditing(true)}>
                {t('media.edit')}
              </Button>
            )}
            {canEdit && (
              <Button size="compact-xs" variant="subtle" color="red" disabled={m.used_by > 0} title={m.used_by > 0 ? t('media.deleteUsed') : undefined} onClick={() => remove.mutate()} loading={remove.isPending}>
                {t('media.delete')}
              </Button>
            )}
          </Group>
        )}
        {remove.isError && <ErrorAlert error={remove.error} />}
      </Stack>
    </Card>
  );
}
