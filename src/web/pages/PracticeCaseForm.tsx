// The coordinator's form for a case page of the good-practice library: texts in both languages, the
// practices it illustrates, the member it describes, and whether members see it yet.
import { Button, Checkbox, Group, NativeSelect, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { SavedAlert } from '../components/MutationForm.tsx';
import { ErrorAlert } from '../components/States.tsx';
import { useI18n } from '../i18n/index.tsx';
import { tr, type Bilingual, type CaseDetail, type Framework } from './PracticeShared.tsx';

const empty: Bilingual = { id: '', en: '' };

export function CaseForm({ network, framework, members, existing, onSaved }: {
  network: string;
  framework: Framework;
  members: { code: string; name: string }[];
  existing?: CaseDetail;
  onSaved?: (c: CaseDetail) => void;
}) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const [slug, setSlug] = useState(existing?.slug ?? '');
  const [title, setTitle] = useState<Bilingual>(existing?.title ?? empty);
  const [summary, setSummary] = useState<Bilingual>(existing?.summary ?? empty);
  const [body, setBody] = useState<Bilingual>(existing?.body ?? empty);
  const [practices, setPractices] = useState<string[]>(existing?.practices ?? []);
  const [org, setOrg] = useState(existing?.org ?? '');
  const [published, setPublished] = useState(existing?.published ?? false);
  const save = useMutation({
    mutationFn: () => {
      const payload = { slug, title, summary, body, practices, org: org || null, published };
      return existing
        ? api<CaseDetail>(`/api/practice-cases/${existing.id}`, { method: 'PATCH', body: payload })
        : api<CaseDetail>(`/api/groups/${encodeURIComponent(network)}/practice-cases`, { method: 'POST', body: payload });
    },
    onSuccess: (c) => {
      void client.invalidateQueries({ queryKey: ['groups', network, 'practice-cases'] });
      void client.invalidateQueries({ queryKey: ['practice-cases', c.id] });
      onSaved?.(c);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const pair = (label: string, v: Bilingual, set: (b: Bilingual) => void, rows?: number) => (
    <Group grow align="flex-start" wrap="wrap">
      <Textarea label={`${label} (Bahasa Indonesia)`} value={v.id} onChange={(e) => set({ ...v, id: e.currentTarget.value })} required autosize minRows={rows ?? 1} miw={240} />
      <Textarea label={`${label} (English)`} value={v.en} onChange={(e) => set({ ...v, en: e.currentTarget.value })} required autosize minRows={rows ?? 1} miw={240} />
    </Group>
  );
  const formId = existing ? `case-edit-${existing.id}` : 'case-new';
  return (
    <form onSubmit={submit} aria-labelledby={formId}>
      <Title order={3} size="h4" id={formId}>{existing ? t('cases.edit') : t('cases.new')}</Title>
      <Stack gap="xs">
        <Group align="flex-end" wrap="wrap">
          <TextInput label={t('cases.slug')} description={t('cases.slugHelp')} value={slug} onChange={(e) => setSlug(e.currentTarget.value)} required w={{ base: '100%', xs: 240 }} />
          <NativeSelect label={t('cases.member')} value={org} onChange={(e) => setOrg(e.currentTarget.value)} data={[{ value: '', label: '–' }, ...members.map((m) => ({ value: m.code, label: `${m.name} (${m.code})` }))]} w={{ base: '100%', xs: 280 }} />
        </Group>
        {pair(t('cases.titleField'), title, setTitle)}
        {pair(t('cases.summary'), summary, setSummary, 2)}
        {pair(t('cases.body'), body, setBody, 6)}
        <Checkbox.Group label={t('cases.practices')} value={practices} onChange={setPractices}>
          <Group gap="sm" mt={4}>
            {framework.practices.map((p) => <Checkbox key={p.id} value={p.id} label={tr(p.name, lang)} />)}
          </Group>
        </Checkbox.Group>
        <Checkbox label={t('cases.published')} checked={published} onChange={(e) => setPublished(e.currentTarget.checked)} />
        <Group>
          <Button type="submit" loading={save.isPending}>{t('cases.save')}</Button>
        </Group>
        {save.isError && <ErrorAlert error={save.error} />}
        {save.isSuccess && <SavedAlert>{t('cases.saved')}</SavedAlert>}
      </Stack>
    </form>
  );
}
