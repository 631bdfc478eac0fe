// A variant's media: each with its alt text, added from the media library (when the server has one)
// or by address with its kind, size and dimensions.
import { Button, Fieldset, Group, NativeSelect, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ContentMedia } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useMediaLibrary, type LibraryMedia } from './api.ts';
import { usePlanningText } from './texts.ts';

const KINDS = ['image', 'video', 'gif'] as const;

/** A library file as a variant's media entry (documents cannot be posted); saved as {media_id}. */
export function fromLibrary(m: LibraryMedia): ContentMedia | null {
  if (m.kind !== 'image' && m.kind !== 'video' && m.kind !== 'gif') return null;
  return {
    media_id: m.id,
    kind: m.kind,
    url: m.file_url ?? `/api/media/${m.id}/file`,
    bytes: Number(m.bytes) || 0,
    width: m.width ?? 0,
    height: m.height ?? 0,
    ...(m.duration_sec ? { durationSec: m.duration_sec } : {}),
    ...(m.alt_text ? { altText: m.alt_text } : {}),
  };
}

/** What the API takes for a media entry: a library reference, or the hand-described file. */
export function mediaInput(m: ContentMedia): unknown {
  if (m.media_id !== undefined) return { media_id: m.media_id };
  const { media_id: _id, thumbnail_url: _thumb, ...file } = m;
  return file;
}

export function MediaEditor({ code, media, readOnly, onChange }: { code: string; media: ContentMedia[]; readOnly: boolean; onChange: (m: ContentMedia[]) => void }) {
  const { t } = usePlanningText();
  const { f } = useI18n();
  const library = useMediaLibrary(code);
  const [pick, setPick] = useState('');
  const [draft, setDraft] = useState({ url: '', kind: 'image' as ContentMedia['kind'], width: 1080 as number | string, height: 1080 as number | string, bytes: 500_000 as number | string, durationSec: '' as number | string, altText: '' });
  const update = (n: number, patch: Partial<ContentMedia>) => onChange(media.map((m, i) => (i === n ? { ...m, ...patch } : m)));
  const usable = (library.data ?? []).filter((m) => fromLibrary(m) !== null);
  const addByUrl = () => {
    if (!draft.url.trim()) return;
    onChange([
      ...media,
      {
        kind: draft.kind, url: draft.url.trim(), width: Number(draft.width) || 0, height: Number(draft.height) || 0, bytes: Number(draft.bytes) || 0,
        ...(draft.kind === 'video' && draft.durationSec !== '' ? { durationSec: Number(draft.durationSec) } : {}),
        ...(draft.altText.trim() ? { altText: draft.altText.trim() } : {}),
      },
    ]);
    setDraft({ ...draft, url: '', altText: '' });
  };
  return (
    <Fieldset legend={t('media.title')} p="xs">
      <Stack gap="xs">
        {media.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('media.none')}
          </Text>
        )}
        {media.map((m, n) => (
          <Group key={`${m.url}-${n}`} gap="xs" align="flex-end" wrap="wrap" data-testid="media-row">
            <Text size="sm" style={{ overflowWrap: 'anywhere', flex: '1 1 200px' }}>
              {t(`media.kind.${m.kind}`)} · {m.width}×{m.height} · {f.int(Math.round(m.bytes / 1024))} KB · {m.url}
            </Text>
            <TextInput
              label={t('media.altText')}
              description={m.media_id !== undefined ? t('media.fromLibraryAlt') : undefined}
              size="xs"
              value={m.altText ?? ''}
              readOnly={readOnly || m.media_id !== undefined}
              onChange={(e) => update(n, { altText: e.currentTarget.value })}
              w={{ base: '100%', xs: 220 }}
            />
            {!readOnly && (
              <Button size="xs" variant="default" onClick={() => onChange(media.filter((_, i) => i !== n))} aria-label={t('media.removeN', { n: n + 1 })}>
                {t('media.remove')}
              </Button>
            )}
          </Group>
        ))}
        {!readOnly && library.data && usable.length > 0 && (
          <Group gap="xs" align="flex-end" wrap="wrap">
            <NativeSelect
              label={t('media.fromLibrary')}
              size="xs"
              value={pick}
              onChange={(e) => setPick(e.currentTarget.value)}
              data={[{ value: '', label: '–' }, ...usable.map((m) => ({ value: String(m.id), label: `${m.file_name ?? `#${m.id}`} (${m.kind})` }))]}
              w={{ base: '100%', xs: 260 }}
            />
            <Button size="xs" variant="light" disabled={!pick} onClick={() => {
              const m = usable.find((x) => String(x.id) === pick);
              const ref = m ? fromLibrary(m) : null;
              if (ref) onChange([...media, ref]);
              setPick('');
            }}>
              {t('media.add')}
            </Button>
          </Group>
        )}
        {!readOnly && (
          <Group gap="xs" align="flex-end" wrap="wrap">
            <TextInput type="url" size="xs" label={t('media.url')} value={draft.url} onChange={(e) => setDraft({ ...draft, url: e.currentTarget.value })} w={{ base: '100%', xs: 240 }} />
            <NativeSelect size="xs" label={t('media.kind')} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.currentTarget.value as ContentMedia['kind'] })} data={KINDS.map((k) => ({ value: k, label: t(`media.kind.${k}`) }))} />
            <NumberInput size="xs" label={t('media.width')} value={draft.width} onChange={(v) => setDraft({ ...draft, width: v })} min={0} allowDecimal={false} w={90} />
            <NumberInput size="xs" label={t('media.height')} value={draft.height} onChange={(v) => setDraft({ ...draft, height: v })} min={0} allowDecimal={false} w={90} />
            <NumberInput size="xs" label={t('media.bytes')} value={draft.bytes} onChange={(v) => setDraft({ ...draft, bytes: v })} min={0} allowDecimal={false} w={120} />
            {draft.kind === 'video' && <NumberInput size="xs" label={t('media.duration')} value={draft.durationSec} onChange={(v) => setDraft({ ...draft, durationSec: v })} min={0} w={110} />}
            <TextInput size="xs" label={t('media.altText')} value={draft.altText} onChange={(e) => setDraft({ ...draft, altText: e.currentTarget.value })} w={{ base: '100%', xs: 200 }} />
            <Button size="xs" variant="light" onClick={addByUrl} disabled={!draft.url.trim()}>
              {t('media.add')}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
