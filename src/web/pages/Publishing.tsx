// The publishing queue of an organisation: each publication with its state, due time in the
// organisation's zone, attempts, last error and the post's link; managers settle the ones needing a check.
import { Anchor, Badge, Button, NativeSelect, Radio, Group, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { platformName, type OrganizationDetail } from '../api/types.ts';
import { useRouter } from '../app/router.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { MutationForm, SavedAlert } from '../components/MutationForm.tsx';
import { OrgPage } from '../components/OrgHeader.tsx';
import { Section } from '../components/Section.tsx';
import { QueryState } from '../components/States.tsx';
import { useCanManage, usePublications, type Publication, type PublicationState } from '../components/ops/api.ts';
import { useOpsText, type OpsKey } from '../components/ops/texts.ts';

const FILTERS: { value: string; label: OpsKey; states: string }[] = [
  { value: 'problems', label: 'pub.filter.problems', states: 'needs_check,failed' },
  { value: 'waiting', label: 'pub.filter.waiting', states: 'queued,retry_wait,claimed,publishing' },
  { value: 'published', label: 'pub.filter.published', states: 'published' },
  { value: 'all', label: 'pub.filter.all', states: '' },
];

const COLORS: Record<PublicationState, string> = {
  queued: 'blue', claimed: 'blue', publishing: 'blue', retry_wait: 'yellow', published: 'teal', needs_check: 'orange', failed: 'red', cancelled: 'gray',
};

export default function Publishing({ code }: { code: string }) {
  const { t } = useOpsText();
  return (
    <OrgPage code={code} page={t('pub.title')}>
      {(o) => <Queue org={o} />}
    </OrgPage>
  );
}

function Queue({ org }: { org: OrganizationDetail }) {
  const { t } = useOpsText();
  const { location, setQuery } = useRouter();
  const filter = FILTERS.find((x) => x.value === location.query.get('show')) ?? FILTERS[3]!;
  const pubs = usePublications(org.code, filter.states);
  const canManage = useCanManage(org.code);
  // Outside the form: settling the last row of the list removes the form with it.
  const [settled, setSettled] = useState(false);
  return (
    <Section
      id="publishing-title"
      title={t('pub.title')}
      control={
        <NativeSelect label={t('pub.filter')} value={filter.value} onChange={(e) => setQuery({ show: e.currentTarget.value === 'all' ? undefined : e.currentTarget.value }, { replace: true })} data={FILTERS.map((x) => ({ value: x.value, label: t(x.label) }))} w={{ base: '100%', xs: 200 }} />
      }
    >
      <Text size="sm" my="xs">
        {t('pub.intro', { zone: org.timezone })}
      </Text>
      {settled && <SavedAlert>{t('pub.settled')}</SavedAlert>}
      <QueryState query={pubs} isEmpty={(d) => d.items.length === 0} empty={t('pub.empty')}>
        {(d) => (
          <>
            <PublicationTable org={org} items={d.items} />
            {canManage && d.items.some((p) => p.state === 'needs_check' || p.state === 'failed') && <SettleForm org={org} items={d.items.filter((p) => p.state === 'needs_check' || p.state === 'failed')} onSettled={() => setSettled(true)} onStart={() => setSettled(false)} />}
          </>
        )}
      </QueryState>
    </Section>
  );
}

function PublicationTable({ org, items }: { org: OrganizationDetail; items: Publication[] }) {
  const { t, f } = useOpsText();
  return (
    <DataTable testId="publications-table" miw={720} columns={[t('pub.content'), t('pub.account'), t('pub.state'), t('pub.due'), { label: t('pub.attempts'), align: 'right' }, t('pub.error'), t('pub.link')]}>
      {items.map((p) => (
        <Table.Tr key={p.id} data-testid={`publication-${p.id}`}>
          <Table.Th scope="row" fw={400}>
            {p.item_title}
          </Table.Th>
          <Table.Td>
            {platformName(p.account.platform)} @{p.account.handle}
          </Table.Td>
          <Table.Td>
            <Badge color={COLORS[p.state] ?? 'gray'} variant="light">
              {t(`pub.state.${p.state}`)}
            </Badge>
          </Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.dateTime(p.due_at, org.timezone)}</Table.Td>
          <Table.Td ta="right">{f.int(p.attempts)}</Table.Td>
          <Table.Td>
            <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
              {p.last_error ?? '–'}
            </Text>
          </Table.Td>
          <Table.Td>
            {p.permalink && /^https?:\/\//i.test(p.permalink) ? (
              <Anchor href={p.permalink} target="_blank" rel="noopener noreferrer nofollow" size="sm">
                {t('pub.open')}
              </Anchor>
            ) : (
              '–'
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

function SettleForm({ org, items, onSettled, onStart }: { org: OrganizationDetail; items: Publication[]; onSettled: () => void; onStart: () => void }) {
  const { t } = useOpsText();
  const client = useQueryClient();
  const [id, setId] = useState(String(items[0]?.id ?? ''));
  const [outcome, setOutcome] = useState<'yes' | 'no'>('yes');
  const [url, setUrl] = useState('');
  const [postId, setPostId] = useState('');
  const chosen = items.find((p) => String(p.id) === id) ?? items[0];
  const settle = useMutation({
    mutationFn: () =>
      api(`/api/publications/${chosen?.id ?? 0}/settle`, {
        method: 'POST',
        body: outcome === 'yes' ? { published: true, url: url.trim(), ...(postId.trim() ? { post_id: postId.trim() } : {}) } : { published: false },
      }),
    onMutate: onStart,
    onSuccess: () => {
      onSettled();
      setUrl('');
      setPostId('');
      void client.invalidateQueries({ queryKey: ['organizations', org.code, 'publications'] });
      void client.invalidateQueries({ queryKey: ['me', 'alerts'] });
    },
  });
  return (
    <MutationForm mutation={settle} id="settle-title" title={t('pub.settle')} level={3} style={{ marginTop: 16 }} success={null}>
      <Text size="sm" w="100%">
        {t('pub.settleHelp')}
      </Text>
      <NativeSelect
        label={t('pub.which')}
        value={chosen ? String(chosen.id) : ''}
        onChange={(e) => setId(e.currentTarget.value)}
        data={items.map((p) => ({ value: String(p.id), label: `${p.item_title} · ${platformName(p.account.platform)} @${p.account.handle} (${t(`pub.state.${p.state}`)})` }))}
        w={{ base: '100%', xs: 320 }}
      />
      <Radio.Group label={t('pub.outcome')} value={outcome} onChange={(v) => setOutcome(v === 'no' ? 'no' : 'yes')}>
        <Group gap="sm" mt={4}>
          <Radio value="yes" label={t('pub.wasPublished')} />
          <Radio value="no" label={t('pub.notPublished')} />
        </Group>
      </Radio.Group>
      {outcome === 'yes' && (
        <>
          <TextInput label={t('pub.url')} type="url" required value={url} onChange={(e) => setUrl(e.currentTarget.value)} w={{ base: '100%', xs: 300 }} />
          <TextInput label={t('pub.postId')} value={postId} onChange={(e) => setPostId(e.currentTarget.value)} w={{ base: '100%', xs: 220 }} />
        </>
      )}
      <Button type="submit" loading={settle.isPending} disabled={!chosen || (outcome === 'yes' && !url.trim())}>
        {t('pub.save')}
      </Button>
    </MutationForm>
  );
}
