// One page of the good-practice library, in the interface's language (the other one a click away); the
// coordinator can edit it, publish or withdraw it.
import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useGroupMembers } from '../api/page-queries.ts';
import { useCan } from '../app/auth.tsx';
import { Link } from '../app/router.tsx';
import { PageTitle, Section } from '../components/Section.tsx';
import { QueryState } from '../components/States.tsx';
import { useI18n, type Lang } from '../i18n/index.tsx';
import { CaseForm } from './PracticeCaseForm.tsx';
import { PlainText, tr, useCase, useFramework, type CaseDetail } from './PracticeShared.tsx';

export default function PracticeCase({ id }: { id: number }) {
  const c = useCase(id);
  return <QueryState query={c}>{(d) => <CasePage c={d} />}</QueryState>;
}

function CasePage({ c }: { c: CaseDetail }) {
  const { t, lang } = useI18n();
  const [shown, setShown] = useState<Lang>(lang);
  const [editing, setEditing] = useState(false);
  const canEdit = useCan('manage-network');
  const framework = useFramework(c.network);
  const members = useGroupMembers(editing ? c.network : null);
  const name = (id: string) => tr(framework.data?.framework.practices.find((p) => p.id === id)?.name, lang) || id;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/practice?group=${encodeURIComponent(c.network)}#library-title`}>{t('cases.back')}</Anchor>
      <article lang={shown} aria-labelledby="case-title">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div id="case-title">
            <PageTitle>{tr(c.title, shown)}</PageTitle>
          </div>
          <SegmentedControl
            size="xs"
            aria-label={t('cases.language')}
            value={shown}
            onChange={(v) => setShown(v as Lang)}
            data={[{ value: 'id', label: 'Bahasa Indonesia' }, { value: 'en', label: 'English' }]}
          />
        </Group>
        {!c.published && <Badge color="gray" mt="xs">{t('cases.draft')}</Badge>}
        <Text fw={500} my="sm">{tr(c.summary, shown)}</Text>
        <div data-testid="case-body">
          <PlainText text={tr(c.body, shown)} />
        </div>
      </article>
      <Section id="case-practices" title={t('cases.illustrates')}>
        <Group gap="xs">
          {c.practices.map((p) => <Badge key={p} variant="light">{name(p)}</Badge>)}
        </Group>
        {c.org && (
          <Text size="sm" mt="xs">
            {t('cases.memberOf')}{' '}
            <Anchor component={Link} to={`/org/${encodeURIComponent(c.org)}/practice`}>{c.org}</Anchor>
          </Text>
        )}
      </Section>
      {canEdit && framework.data && (
        editing ? (
          <CaseForm network={c.network} framework={framework.data.framework} members={members.data?.items ?? []} existing={c} onSaved={() => setEditing(false)} />
        ) : (
          <Group>
            <Button variant="default" onClick={() => setEditing(true)}>{t('cases.edit')}</Button>
          </Group>
        )
      )}
    </Stack>
  );
}
