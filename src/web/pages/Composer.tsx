// The composer: create or edit a content item, one variant per platform with live platform and voice
// checks (the server's own rules, run here while typing), the workflow moves, comments and history.
import { Alert, Button, Checkbox, Grid, Group, NativeSelect, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { useAccounts, useMembers, useUsers } from '../api/page-queries.ts';
import { platformName, type ContentItem, type OrganizationDetail } from '../api/types.ts';
import { useAuth, useCan } from '../app/auth.tsx';
import { Link, useRouter } from '../app/router.tsx';
import { OrgPage } from '../components/OrgHeader.tsx';
import { QueryState } from '../components/States.tsx';
import { PlanError } from '../components/planning/PlanError.tsx';
import { useContentItem, usePersona } from '../components/planning/api.ts';
import { Comments } from '../components/planning/Comments.tsx';
import { usePlanningText } from '../components/planning/texts.ts';
import { mediaInput } from '../components/planning/MediaEditor.tsx';
import { emptyVariant, VariantEditor, type VariantDraft } from '../components/planning/VariantEditor.tsx';
import { History, WorkflowActions } from '../components/planning/Workflow.tsx';
import type { Persona } from '../../core/content/persona/persona.ts';

export default function Composer({ code }: { code: string }) {
  const { t } = usePlanningText();
  const { location } = useRouter();
  const raw = Number(location.query.get('id'));
  const id = Number.isInteger(raw) && raw > 0 ? raw : null;
  const item = useContentItem(id);
  return (
    <OrgPage code={code} page={t(id ? 'composer.editTitle' : 'composer.newTitle')}>
      {(org) =>
        id === null ? (
          <ComposerLoaded org={org} item={null} due={location.query.get('due')} />
        ) : (
          <QueryState query={item}>{(i) => <ComposerLoaded key={i.updated_at} org={org} item={i} due={null} />}</QueryState>
        )
      }
    </OrgPage>
  );
}

interface Draft {
  title: string;
  campaign: string;
  pillar: string;
  accounts: string[];
  owner_id: string;
  reviewer_id: string;
  due_date: string;
  variants: VariantDraft[];
}

function toDraft(item: ContentItem | null, due: string | null): Draft {
  return {
    title: item?.title ?? '',
    campaign: item?.campaign ?? '',
    pillar: item?.pillar ?? '',
    accounts: item?.accounts.map((a) => `${a.platform}/${a.handle}`) ?? [],
    owner_id: item?.owner_id ? String(item.owner_id) : '',
    reviewer_id: item?.reviewer_id ? String(item.reviewer_id) : '',
    due_date: item?.due_date ?? (due && /^\d{4}-\d{2}-\d{2}$/.test(due) ? due : ''),
    variants: item?.variants.map((v) => ({ platform: v.platform, text: v.text, title: v.title ?? '', first_comment: v.first_comment ?? '', link: v.link ?? '', media: v.media })) ?? [],
  };
}

const platformOf = (key: string) => key.split('/')[0] ?? '';

function ComposerLoaded({ org, item, due }: { org: OrganizationDetail; item: ContentItem | null; due: string | null }) {
  const { t, f } = usePlanningText();
  const { navigate } = useRouter();
  const client = useQueryClient();
  const canEdit = useCan('edit-data');
  const accounts = useAccounts(org.code);
  const members = useMembers(org.code);
  const persona = usePersona(org.code);
  const users = useUsers();
  const { state } = useAuth();
  const initial = useMemo(() => toDraft(item, due), [item, due]);
  const [draft, setDraft] = useState<Draft>(initial);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const readOnly = !canEdit || item?.status === 'published';

  const platforms = [...new Set([...draft.accounts.map(platformOf), ...draft.variants.filter((v) => v.text || v.media.length).map((v) => v.platform)])].filter(Boolean).sort();
  const variantOf = (p: string) => draft.variants.find((v) => v.platform === p) ?? emptyVariant(p);
  const [tab, setTab] = useState<string | null>(platforms[0] ?? null);
  const activeTab = tab && platforms.includes(tab) ? tab : (platforms[0] ?? null);
  const setVariant = (v: VariantDraft) => setDraft((d) => ({ ...d, variants: [...d.variants.filter((x) => x.platform !== v.platform), v] }));

  const names = (id: number): string => {
    if (id === 0) return t('history.system');
    if (state.status === 'signed-in' && state.user.id === id) return state.user.name || state.user.email;
    const u = users.data?.find((x) => x.id === id);
    return u ? u.name || u.email : t('history.user', { id });
  };

  const save = useMutation({
    mutationFn: async () => {
      const body = {
        title: draft.title,
        campaign: draft.campaign.trim() || null,
        pillar: draft.pillar.trim() || null,
        accounts: draft.accounts.map((k) => ({ platform: platformOf(k), handle: k.slice(k.indexOf('/') + 1) })),
        variants: platforms.map(variantOf).map((v) => ({ platform: v.platform, text: v.text, title: v.title || null, first_comment: v.first_comment || null, link: v.link || null, media: v.media.map(mediaInput) })),
        owner_id: draft.owner_id ? Number(draft.owner_id) : null,
        reviewer_id: draft.reviewer_id ? Number(draft.reviewer_id) : null,
        due_date: draft.due_date || null,
      };
      if (item) return api<ContentItem>(`/api/content/${item.id}`, { method: 'PATCH', body });
      return api<ContentItem>(`/api/organizations/${encodeURIComponent(org.code)}/content`, { method: 'POST', body: { ...body, status: body.accounts.length ? 'draft' : 'idea' } });
    },
    onSuccess: (saved) => {
      client.setQueryData(['content', saved.id], saved);
      void client.invalidateQueries({ queryKey: ['organizations', org.code] });
      if (!item) navigate(`/org/${encodeURIComponent(org.code)}/compose?id=${saved.id}`, { replace: true });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const memberOptions = [{ value: '', label: '–' }, ...(members.data?.items ?? []).map((m) => ({ value: String(m.id), label: m.name }))];
  const p: Persona | null = persona.data?.persona ?? null;

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <form onSubmit={submit} aria-labelledby="composer-form-title">
          <Stack gap="sm">
            <Group justify="space-between" wrap="wrap">
              <Title order={2} size="h3" id="composer-form-title">
                {item ? t('composer.editing', { title: item.title }) : t('composer.newTitle')}
              </Title>
              <Link to={`/org/${encodeURIComponent(org.code)}/calendar`}>{t('composer.toCalendar')}</Link>
            </Group>
            {(item?.status === 'approved' || item?.status === 'scheduled') && !readOnly && (
              <Alert color="orange" role="note">
                {t('composer.editSendsBack')}
              </Alert>
            )}
            <TextInput label={t('composer.title')} required value={draft.title} readOnly={readOnly} onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })} />
            <Group grow wrap="wrap" gap="sm" align="flex-start">
              <TextInput label={t('composer.campaign')} value={draft.campaign} readOnly={readOnly} onChange={(e) => setDraft({ ...draft, campaign: e.currentTarget.value })} miw={160} />
              <TextInput label={t('composer.pillar')} value={draft.pillar} readOnly={readOnly} onChange={(e) => setDraft({ ...draft, pillar: e.currentTarget.value })} miw={160} />
            </Group>
            <QueryState query={accounts}>
              {(d) => (
                <Checkbox.Group label={t('composer.accounts')} description={t('composer.accountsHelp')} value={draft.accounts} onChange={(v) => !readOnly && setDraft({ ...draft, accounts: v })}>
                  <Group gap="md" mt={4} wrap="wrap">
                    {d.items.map((a) => (
                      <Checkbox key={`${a.platform}/${a.handle}`} value={`${a.platform}/${a.handle}`} label={`${platformName(a.platform)} @${a.handle}`} disabled={readOnly} />
                    ))}
                  </Group>
                </Checkbox.Group>
              )}
            </QueryState>
            <Group grow wrap="wrap" gap="sm" align="flex-start">
              <NativeSelect label={t('composer.owner')} value={draft.owner_id} disabled={readOnly} onChange={(e) => setDraft({ ...draft, owner_id: e.currentTarget.value })} data={memberOptions} miw={150} />
              <NativeSelect label={t('composer.reviewer')} value={draft.reviewer_id} disabled={readOnly} onChange={(e) => setDraft({ ...draft, reviewer_id: e.currentTarget.value })} data={memberOptions} miw={150} />
              <TextInput type="date" label={t('composer.due')} description={t('composer.dueHelp', { zone: org.timezone })} value={draft.due_date} readOnly={readOnly} onChange={(e) => setDraft({ ...draft, due_date: e.currentTarget.value })} miw={150} />
            </Group>
            {platforms.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('composer.chooseAccount')}
              </Text>
            ) : (
              <Tabs value={activeTab} onChange={setTab} keepMounted={false}>
                <Tabs.List aria-label={t('composer.variants')}>
                  {platforms.map((pl) => (
                    <Tabs.Tab key={pl} value={pl}>
                      {platformName(pl)}
                    </Tabs.Tab>
                  ))}
                </Tabs.List>
                {platforms.map((pl) => (
                  <Tabs.Panel key={pl} value={pl} pt="sm">
                    <VariantEditor code={org.code} variant={variantOf(pl)} persona={p} readOnly={readOnly} onChange={setVariant} />
                  </Tabs.Panel>
                ))}
              </Tabs>
            )}
            {!readOnly && (
              <Group gap="sm">
                <Button type="submit" loading={save.isPending} disabled={!draft.title.trim() || (item !== null && !dirty)}>
                  {item ? t('composer.save') : t('composer.create')}
                </Button>
                {dirty && (
                  <Text size="sm" c="dimmed" role="status">
                    {t('composer.unsaved')}
                  </Text>
                )}
              </Group>
            )}
            {save.isError && <PlanError error={save.error} />}
            {item && !dirty && (
              <Text size="sm" c="dimmed" data-testid="saved">
                {t('composer.lastSaved', { at: f.dateTime(item.updated_at, item.timezone) })}
              </Text>
            )}
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        {item ? (
          <Stack gap="lg">
            <section aria-labelledby="workflow-title">
              <Title order={2} size="h3" id="workflow-title">
                {t('flow.title')}
              </Title>
              <WorkflowActions item={item} dirty={dirty} />
            </section>
            <Comments id={item.id} zone={item.timezone} names={names} />
            <History item={item} names={names} />
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('composer.saveToStart')}
          </Text>
        )}
      </Grid.Col>
    </Grid>
  );
}
