// Cadence per account and week against its target, and the form that sets an account's target.
import { Box, Button, Group, NativeSelect, NumberInput, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { platformName, type CadenceReport } from '../../api/types.ts';
import { useCan } from '../../app/auth.tsx';
import { MutationForm, SavedAlert } from '../MutationForm.tsx';
import { usePlanningText } from './texts.ts';

export function CadenceTable({ report }: { report: CadenceReport }) {
  const { t, f } = usePlanningText();
  return (
    <Box style={{ overflowX: 'auto' }}>
      <Table withTableBorder miw={Math.max(420, 160 + report.weeks.length * 90)} data-testid="cadence-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('cadence.account')}</Table.Th>
            <Table.Th scope="col">{t('cadence.target')}</Table.Th>
            {report.weeks.map((w) => (
              <Table.Th scope="col" key={w.start}>
                {f.shortDate(w.start)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.accounts.map((a) => (
            <Table.Tr key={`${a.platform}/${a.handle}`} data-account={`${a.platform}/${a.handle}`}>
              <Table.Th scope="row" fw={400}>
                {platformName(a.platform)} @{a.handle}
              </Table.Th>
              <Table.Td>{a.posts_per_week ?? <Text span size="sm" c="dimmed">{t('cadence.none')}</Text>}</Table.Td>
              {a.weeks.map((w) => (
                <Table.Td
                  key={w.start}
                  data-state={w.state}
                  title={t('cadence.cellTitle', { planned: w.planned, scheduled: w.scheduled, items: w.published_items, posts: w.published_posts })}
                  style={{ background: w.state === 'gap' ? 'var(--mantine-color-red-0)' : w.state === 'met' ? 'var(--mantine-color-teal-0)' : undefined }}
                >
                  <Text size="sm">{w.target === null ? t('cadence.cellNoTarget', { covered: w.covered }) : t('cadence.cell', { covered: w.covered, target: w.target })}</Text>
                  {w.state === 'gap' && (
                    <Text size="xs" c="red">
                      {t('cadence.short', { gap: w.gap })}
                    </Text>
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

export function TargetForm({ code, report }: { code: string; report: CadenceReport }) {
  const { t } = usePlanningText();
  const client = useQueryClient();
  const canEdit = useCan('edit-data');
  const first = report.accounts[0];
  const [account, setAccount] = useState(first ? `${first.platform}/${first.handle}` : '');
  const current = report.accounts.find((a) => `${a.platform}/${a.handle}` === account);
  const [value, setValue] = useState<number | string>(current?.posts_per_week ?? '');
  const save = useMutation({
    mutationFn: (n: number | null) => {
      const [platform, ...rest] = account.split('/');
      return api(`/api/accounts/${encodeURIComponent(platform ?? '')}/${encodeURIComponent(rest.join('/'))}/cadence`, { method: 'PUT', body: { posts_per_week: n } });
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: ['organizations', code, 'cadence'] }),
  });
  if (!canEdit || !first) return null;
  return (
    <MutationForm
      mutation={{ ...save, mutate: () => save.mutate(value === '' ? null : Number(value)) }}
      id="cadence-form-title"
      title={t('cadence.setTitle')}
      level={3}
      style={{ marginTop: 12 }}
      success={<SavedAlert>{t('cadence.saved')}</SavedAlert>}
    >
      <NativeSelect
        label={t('cadence.account')}
        value={account}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setAccount(v);
          setValue(report.accounts.find((a) => `${a.platform}/${a.handle}` === v)?.posts_per_week ?? '');
        }}
        data={report.accounts.map((a) => ({ value: `${a.platform}/${a.handle}`, label: `${platformName(a.platform)} @${a.handle}` }))}
        w={{ base: '100%', xs: 240 }}
      />
      <NumberInput label={t('cadence.perWeek')} value={value} onChange={setValue} min={0} max={200} allowDecimal={false} w={{ base: '100%', xs: 140 }} />
      <Group gap="xs">
        <Button type="submit" loading={save.isPending && save.variables !== null} disabled={value === ''}>
          {t('cadence.save')}
        </Button>
        {current?.posts_per_week !== null && current?.posts_per_week !== undefined && (
          <Button variant="default" onClick={() => save.mutate(null)} loading={save.isPending && save.variables === null}>
            {t('cadence.remove')}
          </Button>
        )}
      </Group>
    </MutationForm>
  );
}
