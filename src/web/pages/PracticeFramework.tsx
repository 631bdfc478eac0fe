// The coordinator's editor of a network's practice framework: names, descriptions, weights and level
// texts in both languages; practices and levels can be added and removed. Saving stores a new version.
import { Accordion, Button, Checkbox, Group, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { SavedAlert } from '../components/MutationForm.tsx';
import { Section } from '../components/Section.tsx';
import { ErrorAlert } from '../components/States.tsx';
import { useI18n } from '../i18n/index.tsx';
import { tr, type Bilingual, type Framework, type Practice } from './PracticeShared.tsx';

function BilingualFields({ label, value, onChange, long }: { label: string; value: Bilingual; onChange: (v: Bilingual) => void; long?: boolean }) {
  const Field = long ? Textarea : TextInput;
  return (
    <Group grow align="flex-start" wrap="wrap">
      <Field label={`${label} (Bahasa Indonesia)`} value={value.id} onChange={(e) => onChange({ ...value, id: e.currentTarget.value })} required miw={220} {...(long ? { autosize: true, minRows: 1 } : {})} />
      <Field label={`${label} (English)`} value={value.en} onChange={(e) => onChange({ ...value, en: e.currentTarget.value })} required miw={220} {...(long ? { autosize: true, minRows: 1 } : {})} />
    </Group>
  );
}

function PracticeEditor({ practice, onChange, onRemove }: { practice: Practice; onChange: (p: Practice) => void; onRemove: () => void }) {
  const { t } = useI18n();
  const setLevel = (i: number, description: Bilingual) => onChange({ ...practice, levels: practice.levels.map((l, j) => (j === i ? { ...l, description } : l)) });
  return (
    <Stack gap="xs">
      <Group align="flex-end" wrap="wrap">
        <TextInput label={t('framework.id')} value={practice.id} onChange={(e) => onChange({ ...practice, id: e.currentTarget.value })} required w={220} />
        <NumberInput label={t('framework.weight')} value={practice.weight} min={0.1} step={0.5} decimalScale={2} onChange={(v) => onChange({ ...practice, weight: typeof v === 'number' ? v : Number(v) || 1 })} w={120} />
        <Checkbox label={t('framework.evidence')} checked={practice.evidenceExpected} onChange={(e) => onChange({ ...practice, evidenceExpected: e.currentTarget.checked })} mb={8} />
      </Group>
      <BilingualFields label={t('framework.name')} value={practice.name} onChange={(name) => onChange({ ...practice, name })} />
      <BilingualFields label={t('framework.description')} value={practice.description} onChange={(description) => onChange({ ...practice, description })} long />
      {practice.levels.map((l, i) => (
        <BilingualFields key={l.level} label={t('practice.level', { n: l.level })} value={l.description} onChange={(d) => setLevel(i, d)} long />
      ))}
      <Group gap="xs">
        <Button size="xs" variant="light" disabled={practice.levels.length >= 11} onClick={() => onChange({ ...practice, levels: [...practice.levels, { level: practice.levels.length, description: { id: '', en: '' } }] })}>
          {t('framework.addLevel')}
        </Button>
        <Button size="xs" variant="light" disabled={practice.levels.length <= 2} onClick={() => onChange({ ...practice, levels: practice.levels.slice(0, -1) })}>
          {t('framework.removeLevel')}
        </Button>
        <Button size="xs" variant="light" color="red" onClick={onRemove}>
          {t('framework.removePractice')}
        </Button>
      </Group>
    </Stack>
  );
}

const blank = (n: number): Practice => ({
  id: `practice_${n}`,
  name: { id: '', en: '' },
  description: { id: '', en: '' },
  area: 'organisation',
  weight: 1,
  evidenceExpected: true,
  levels: [0, 1, 2, 3].map((level) => ({ level, description: { id: '', en: '' } })),
  sources: [],
  outcomeOverlap: [],
});

export function FrameworkEditor({ network, framework, stored }: { network: string; framework: Framework; stored: boolean }) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Framework>(framework);
  const save = useMutation({
    mutationFn: () => api<{ framework: Framework }>(`/api/groups/${encodeURIComponent(network)}/practice-framework`, { method: 'PUT', body: draft }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['groups', network] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const setPractice = (i: number, p: Practice) => setDraft((d) => ({ ...d, practices: d.practices.map((x, j) => (j === i ? p : x)) }));
  return (
    <Section id="framework-title" title={t('framework.title')}>
      <Text size="sm" c="dimmed">{t(stored ? 'framework.stored' : 'framework.default', { version: framework.version })}</Text>
      <form onSubmit={submit} aria-labelledby="framework-title">
        <BilingualFields label={t('framework.frameworkName')} value={draft.name} onChange={(name) => setDraft((d) => ({ ...d, name }))} />
        <Accordion multiple mt="sm" variant="separated">
          {draft.practices.map((p, i) => (
            <Accordion.Item key={i} value={String(i)}>
              <Accordion.Control>{tr(p.name, lang) || p.id}</Accordion.Control>
              <Accordion.Panel>
                <PracticeEditor practice={p} onChange={(x) => setPractice(i, x)} onRemove={() => setDraft((d) => ({ ...d, practices: d.practices.filter((_, j) => j !== i) }))} />
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
        <Group mt="sm">
          <Button variant="default" onClick={() => setDraft((d) => ({ ...d, practices: [...d.practices, blank(d.practices.length + 1)] }))}>{t('framework.addPractice')}</Button>
          <Button type="submit" loading={save.isPending}>{t('framework.save')}</Button>
        </Group>
        {save.isError && <ErrorAlert error={save.error} />}
        {save.isSuccess && <SavedAlert>{t('framework.saved', { version: save.data.framework.version })}</SavedAlert>}
      </form>
    </Section>
  );
}
