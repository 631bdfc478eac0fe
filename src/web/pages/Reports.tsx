// Reports: make an evaluation (one organisation) or a benchmark (one group) report, list them, download.
import { Anchor, Button, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { useReports } from '../api/page-queries.ts';
import { useGroups, useOrganizations } from '../api/queries.ts';
import type { ReportItem } from '../api/types.ts';
import { useCan } from '../app/auth.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { codeOptions } from '../components/GroupSelect.tsx';
import { MutationForm, SavedAlert } from '../components/MutationForm.tsx';
import { usePeriod } from '../components/PeriodPicker.tsx';
import { PageTitle, Section } from '../components/Section.tsx';
import { QueryState } from '../components/States.tsx';
import { useI18n } from '../i18n/index.tsx';

const FORMATS = ['pdf', 'html', 'xlsx', 'csv'] as const;

function rememberedOrg(): string {
  try {
    return localStorage.getItem('socialbench.org') ?? 'BSN';
  } catch {
    return 'BSN';
  }
}

const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

export default function Reports() {
  const { t, f } = useI18n();
  const canMake = useCan('make-reports');
  const reports = useReports();
  return (
    <Stack gap="md">
      <PageTitle>{t('reports.title')}</PageTitle>
      {canMake && <MakeReport />}
      <Section id="reports-list" title={t('reports.list')}>
        <QueryState query={reports} isEmpty={(d) => d.length === 0} empty={t('reports.none')}>
          {(d) => (
            <DataTable testId="reports-table" miw={520} columns={[t('reports.created'), t('reports.kind'), t('reports.subject'), t('reports.format'), t('reports.download')]}>
              {d.map((r) => {
                const p = r.params;
                const subject = [p.org ?? p.group, p.from && p.to ? `${f.date(String(p.from))} – ${f.date(String(p.to))}` : null].filter(Boolean).join(', ');
                const href = r.download_url.startsWith('/api/') ? r.download_url : `/api/reports/${r.id}/download`;
                return (
                  <Table.Tr key={r.id}>
                    <Table.Td>{f.dateTime(r.created_at, localZone)}</Table.Td>
                    <Table.Td>{r.kind === 'benchmark' ? t('reports.kind.benchmark') : r.kind === 'practice' ? t('reports.kind.practice') : t('reports.kind.evaluation')}</Table.Td>
                    <Table.Td>
                      {r.title}
                      <Text size="xs" c="dimmed">
                        {subject}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {r.format.toUpperCase()} · {f.int(Math.ceil(r.size / 1024))} KB
                    </Table.Td>
                    <Table.Td>
                      <Anchor href={href} download={r.filename}>
                        {t('reports.download')}
                        <span className="visually-hidden-inline"> {r.filename}</span>
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </DataTable>
          )}
        </QueryState>
      </Section>
    </Stack>
  );
}

function MakeReport() {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const orgs = useOrganizations();
  const groups = useGroups();
  const { period } = usePeriod('UTC');
  const [kind, setKind] = useState<'evaluation' | 'benchmark' | 'practice'>('evaluation');
  const [subject, setSubject] = useState('');
  const [format, setFormat] = useState<(typeof FORMATS)[number]>('pdf');
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const options = codeOptions(kind === 'evaluation' ? orgs.data?.items : kind === 'practice' ? groups.data?.items.filter((g) => g.kind === 'network') : groups.data?.items);
  const preferred = kind === 'evaluation' ? rememberedOrg() : 'ISO';
  const chosen = subject || options.find((o) => o.value === preferred)?.value || options[0]?.value || '';
  const make = useMutation({
    mutationFn: () =>
      api<ReportItem>('/api/reports', {
        method: 'POST',
        // A practice report covers an assessment period (the year of "from"), not a date range.
        body:
          kind === 'practice'
            ? { kind, format: format === 'html' ? 'html' : 'pdf', params: { group: chosen, period: from.slice(0, 4), lang } }
            : { kind, format, params: { ...(kind === 'evaluation' ? { org: chosen } : { group: chosen }), from, to, lang } },
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['reports'] }),
  });
  return (
    <MutationForm mutation={make} id="make-title" title={t('reports.make')} success={<SavedAlert>{t('reports.made')}</SavedAlert>}>
      <NativeSelect
        label={t('reports.kind')}
        value={kind}
        onChange={(e) => {
          setKind(e.currentTarget.value as 'evaluation' | 'benchmark' | 'practice');
          setSubject('');
        }}
        data={[
          { value: 'evaluation', label: t('reports.kind.evaluation') },
          { value: 'benchmark', label: t('reports.kind.benchmark') },
          { value: 'practice', label: t('reports.kind.practice') },
        ]}
        w={{ base: '100%', xs: 240 }}
      />
      <NativeSelect label={t('reports.subject')} value={chosen} onChange={(e) => setSubject(e.currentTarget.value)} data={options} w={{ base: '100%', xs: 280 }} />
      <TextInput type="date" label={t('period.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} required w={{ base: '47%', xs: 160 }} />
      <TextInput type="date" label={t('period.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} required w={{ base: '47%', xs: 160 }} />
      <NativeSelect label={t('reports.format')} value={format} onChange={(e) => setFormat(e.currentTarget.value as (typeof FORMATS)[number])} data={FORMATS.map((x) => ({ value: x, label: x.toUpperCase() }))} w={{ base: '100%', xs: 110 }} />
      <Button type="submit" loading={make.isPending} disabled={!chosen || from > to}>
        {t('reports.submit')}
      </Button>
    </MutationForm>
  );
}
