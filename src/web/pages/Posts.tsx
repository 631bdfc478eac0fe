// Posts of an organisation: a filterable table of top (or weakest) posts, and the best-times heat map.
import { Anchor, Group, NativeSelect, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useBestTimes, useTopPosts } from '../api/page-queries.ts';
import type { Period } from '../api/queries.ts';
import { platformName, type BestTimes, type OrganizationDetail } from '../api/types.ts';
import { useRouter } from '../app/router.tsx';
import { bestSlots, bestTimesOption } from '../charts/heatmap.ts';
import { EChart } from '../components/EChart.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { OrgPage } from '../components/OrgHeader.tsx';
import { PeriodPicker, usePeriod } from '../components/PeriodPicker.tsx';
import { Section } from '../components/Section.tsx';
import { QueryState } from '../components/States.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { LOCALES } from '../i18n/format.ts';

export default function Posts({ code }: { code: string }) {
  const { t } = useI18n();
  return (
    <OrgPage code={code} page={t('posts.title')}>
      {(o) => (
        <>
          <PeriodPicker timeZone={o.timezone} showBsnPreset={o.code === 'BSN'} />
          <PostsBody org={o} />
        </>
      )}
    </OrgPage>
  );
}

function PostsBody({ org }: { org: OrganizationDetail }) {
  const { period, valid } = usePeriod(org.timezone);
  const { location, setQuery } = useRouter();
  const platform = location.query.get('platform') ?? '';
  if (!valid) return null;
  return (
    <>
      <TopPosts org={org} period={period} platform={platform} setPlatform={(p) => setQuery({ platform: p || undefined }, { replace: true })} />
      <BestTimesMap org={org} period={period} platform={platform} />
    </>
  );
}

function TopPosts({ org, period, platform, setPlatform }: { org: OrganizationDetail; period: Period; platform: string; setPlatform: (p: string) => void }) {
  const { t, f } = useI18n();
  const [by, setBy] = useState<'engagements' | 'er'>('engagements');
  const [order, setOrder] = useState<'top' | 'bottom'>('top');
  const [limit, setLimit] = useState(25);
  const [search, setSearch] = useState('');
  const posts = useTopPosts(org.code, period, { platform: platform || undefined, by, order, limit });
  const platforms = [...new Set(org.accounts.map((a) => a.platform))];
  const needle = search.trim().toLowerCase();
  return (
    <Section id="top-title" title={t('posts.top')}>
      <Group align="flex-end" gap="sm" wrap="wrap" my="xs">
        <NativeSelect
          label={t('table.platform')}
          value={platform}
          onChange={(e) => setPlatform(e.currentTarget.value)}
          data={[{ value: '', label: t('posts.allPlatforms') }, ...platforms.map((p) => ({ value: p, label: platformName(p, period.to) }))]}
          w={{ base: '100%', xs: 170 }}
        />
        <NativeSelect label={t('posts.by')} value={by} onChange={(e) => setBy(e.currentTarget.value as 'engagements' | 'er')} data={(['engagements', 'er'] as const).map((v) => ({ value: v, label: t(`posts.by.${v}`) }))} w={{ base: '100%', xs: 190 }} />
        <NativeSelect label={t('posts.order')} value={order} onChange={(e) => setOrder(e.currentTarget.value as 'top' | 'bottom')} data={(['top', 'bottom'] as const).map((v) => ({ value: v, label: t(`posts.order.${v}`) }))} w={{ base: '47%', xs: 160 }} />
        <NativeSelect label={t('posts.limit')} value={String(limit)} onChange={(e) => setLimit(Number(e.currentTarget.value))} data={['10', '25', '50', '100']} w={{ base: '47%', xs: 100 }} />
        <TextInput label={t('posts.search')} type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={{ base: '100%', xs: 220 }} />
      </Group>
      <QueryState query={posts} isEmpty={(d) => d.posts.length === 0}>
        {(d) => {
          const shown = needle ? d.posts.filter((p) => (p.text ?? '').toLowerCase().includes(needle) || p.handle.toLowerCase().includes(needle)) : d.posts;
          return (
            <DataTable
              testId="posts-table"
              miw={640}
              columns={[t('posts.published'), t('table.account'), t('posts.text'), { label: t('posts.engagements'), align: 'right' }, { label: 'ER', align: 'right' }]}
            >
              {shown.map((p) => (
                <Table.Tr key={`${p.platform}/${p.post_id}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.dateTime(p.published_at, org.timezone)}</Table.Td>
                  <Table.Td>
                    {platformName(p.platform, p.date)}
                    <br />
                    <Text span size="xs" c="dimmed">
                      @{p.handle} · {p.type}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" className="post-text" data-testid="post-text">
                      {p.text ?? t('posts.noText')}
                    </Text>
                    {p.permalink && /^https?:\/\//i.test(p.permalink) && (
                      <Anchor href={p.permalink} target="_blank" rel="noopener noreferrer nofollow" size="xs">
                        {t('posts.open', { platform: platformName(p.platform, p.date) })}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{f.int(p.engagements)}</Table.Td>
                  <Table.Td ta="right">{f.pct(p.er, 2)}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          );
        }}
      </QueryState>
    </Section>
  );
}

function BestTimesMap({ org, period, platform }: { org: OrganizationDetail; period: Period; platform: string }) {
  const { t } = useI18n();
  const best = useBestTimes(org.code, period, platform || undefined);
  return (
    <Section id="best-title" title={t('posts.bestTimes')}>
      <Text size="sm" c="dimmed">
        {t('posts.bestTimesHelp', { zone: org.timezone })}
      </Text>
      <QueryState query={best}>{(b) => <BestTimesBody data={b} />}</QueryState>
    </Section>
  );
}

function BestTimesBody({ data }: { data: BestTimes }) {
  const { t, f, lang } = useI18n();
  const weekdays = useMemo(() => Array.from({ length: 7 }, (_, i) => t(`weekday.${i}` as MessageKey)), [t]);
  const option = useMemo(() => bestTimesOption(data.grid, { locale: LOCALES[lang], weekdays, postsLabel: t('nav.posts').toLowerCase() }), [data, lang, weekdays, t]);
  const slots = bestSlots(data.grid);
  return (
    <figure style={{ margin: 0 }}>
      <EChart option={option} kind="heatmap" height={300} label="best-times" />
      <figcaption>
        <Text size="sm" data-testid="best-times-summary">
          {slots.length === 0
            ? t('posts.bestTimesNone')
            : t('posts.bestTimesSummary', {
                slots: slots.map((s) => t('posts.bestTimesSlot', { day: weekdays[s.weekday] ?? '', hour: String(s.hour).padStart(2, '0'), er: f.pct(s.mean_er, 2), posts: s.posts })).join('; '),
              })}
        </Text>
      </figcaption>
      <VisuallyHidden>
        <table>
          <caption>{t('posts.bestTimes')}</caption>
          <tbody>
            {data.grid.map((row, w) => (
              <tr key={w}>
                <th scope="row">{weekdays[w]}</th>
                {row.map((c) => (
                  <td key={c.hour}>{c.posts > 0 ? `${String(c.hour).padStart(2, '0')}: ${f.pct(c.mean_er, 2)} (${c.posts})` : ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </figure>
  );
}
