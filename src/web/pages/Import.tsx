// Import: upload a file and read the validation report, which names each problem's file, row and column.
import { Alert, Badge, Button, FileInput, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, apiRaw } from '../api/client.ts';
import { useAccounts } from '../api/page-queries.ts';
import { platformName, type ImportFileReport, type ImportReport } from '../api/types.ts';
import { Allowed } from '../components/Allowed.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { PageTitle } from '../components/Section.tsx';
import { ErrorAlert } from '../components/States.tsx';
import { useI18n } from '../i18n/index.tsx';

async function upload(file: File, account: string, locale: string): Promise<ImportReport> {
  const form = new FormData();
  form.append('file', file);
  if (account) form.append('account', account);
  if (locale) form.append('locale', locale);
  try {
    const res = await apiRaw('/api/imports', { method: 'POST', body: form });
    return (await res.json()) as ImportReport;
  } catch (e) {
    // 422: the file was rejected; the body is the report itself.
    if (e instanceof ApiError && e.status === 422 && e.body && typeof e.body === 'object' && 'files' in e.body) return e.body as ImportReport;
    throw e;
  }
}

export default function Import() {
  const { t } = useI18n();
  return (
    <Stack gap="md">
      <PageTitle>{t('import.title')}</PageTitle>
      <Text size="sm">{t('import.intro')}</Text>
      <Allowed ability="edit-data">
        <ImportForm />
      </Allowed>
    </Stack>
  );
}

function ImportForm() {
  const { t } = useI18n();
  const client = useQueryClient();
  const accounts = useAccounts('');
  const [file, setFile] = useState<File | null>(null);
  const [account, setAccount] = useState('');
  const [locale, setLocale] = useState('');
  const run = useMutation({
    mutationFn: () => (file ? upload(file, account, locale) : Promise.reject(new Error('no file'))),
    onSuccess: (r) => {
      if (!r.rejected) void client.invalidateQueries();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) run.mutate();
  };
  return (
    <>
      <form onSubmit={submit}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <FileInput label={t('import.file')} placeholder={t('import.filePlaceholder')} value={file} onChange={setFile} required clearable accept=".csv,.xlsx,.jsonl,.json,.txt" w={{ base: '100%', xs: 280 }} data-testid="import-file" />
          <NativeSelect
            label={t('import.account')}
            value={account}
            onChange={(e) => setAccount(e.currentTarget.value)}
            data={[{ value: '', label: t('import.accountNone') }, ...(accounts.data?.items ?? []).map((a) => ({ value: `${a.platform}/${a.handle}`, label: `${platformName(a.platform)} @${a.handle} (${a.org})` }))]}
            w={{ base: '100%', xs: 280 }}
          />
          <NativeSelect
            label={t('import.locale')}
            value={locale}
            onChange={(e) => setLocale(e.currentTarget.value)}
            data={[
              { value: '', label: `${t('import.locale.auto')} (8470)` },
              { value: 'id', label: 'Indonesia (8.470)' },
            ]}
            w={{ base: '100%', xs: 200 }}
          />
          <Button type="submit" loading={run.isPending} disabled={!file}>
            {t('import.submit')}
          </Button>
        </Group>
      </form>
      {run.isError && <ErrorAlert error={run.error} />}
      {run.data && <ImportResult report={run.data} />}
    </>
  );
}

function ImportResult({ report }: { report: ImportReport }) {
  const { t, f } = useI18n();
  return (
    <section aria-live="polite" data-testid="import-report">
      {report.files.map((file) => (
        <FileResult key={file.file} file={file} t={t} fmt={f.int} />
      ))}
    </section>
  );
}

function FileResult({ file, t, fmt }: { file: ImportFileReport; t: ReturnType<typeof useI18n>['t']; fmt: (n: number) => string }) {
  const ok = file.status === 'committed' || file.status === 'dry-run';
  const summary = Object.entries(file.counts)
    .map(([kind, c]) => `${kind}: +${fmt(c.added)} / ~${fmt(c.updated)} / =${fmt(c.unchanged)}`)
    .join('; ');
  return (
    <Stack gap="xs" my="sm">
      <Group gap="xs">
        <Title order={2} size="h4">
          {file.file}
        </Title>
        <Badge color={ok ? 'teal' : 'red'}>{file.status}</Badge>
      </Group>
      {ok ? (
        <Alert color="teal" role="status">
          {t('import.ok', { summary: summary || '0' })}
        </Alert>
      ) : (
        <Alert color="red" role="alert">
          {t('import.failed')}
        </Alert>
      )}
      {file.notes.map((n) => (
        <Text size="sm" key={n}>
          {n}
        </Text>
      ))}
      {file.problems.length > 0 && (
        <DataTable
          testId="import-problems"
          columns={[t('import.fileName'), t('import.row'), t('import.column'), t('import.problem')]}
          after={
            file.problem_count > file.problems.length && (
              <Text size="sm" c="dimmed">
                … +{fmt(file.problem_count - file.problems.length)}
              </Text>
            )
          }
        >
          {file.problems.map((p, i) => (
            <Table.Tr key={i}>
              <Table.Td>{p.file ?? file.file}{p.sheet ? ` · ${p.sheet}` : ''}</Table.Td>
              <Table.Td>{p.row ?? '–'}</Table.Td>
              <Table.Td>{p.column ?? '–'}</Table.Td>
              <Table.Td>{p.message}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Stack>
  );
}
