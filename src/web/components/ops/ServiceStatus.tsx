// Service status for admins (Settings): the database, each worker with its last heartbeat, and the
// publishing queue's counts, from /api/health.
import { Alert, Badge, Button, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { DataTable } from '../DataTable.tsx';
import { Section } from '../Section.tsx';
import { QueryState } from '../States.tsx';
import { useHealth, type Health } from './api.ts';
import { useOpsText, type OpsKey } from './texts.ts';

const UTC = 'UTC';

export function ServiceStatus() {
  const { t } = useOpsText();
  const health = useHealth();
  return (
    <Section
      id="status-title"
      title={t('status.title')}
      control={
        <Button size="xs" variant="default" onClick={() => void health.refetch()} loading={health.isFetching}>
          {t('status.refresh')}
        </Button>
      }
    >
      <QueryState query={health}>{(h) => <StatusBody h={h} />}</QueryState>
    </Section>
  );
}

function StatusBody({ h }: { h: Health }) {
  const { t, f } = useOpsText();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || UTC;
  const queue: { key: OpsKey; value: number | undefined }[] = [
    { key: 'status.q.due', value: h.publishing?.due },
    { key: 'status.q.waiting', value: h.publishing?.waiting },
    { key: 'status.q.publishing', value: h.publishing?.publishing },
    { key: 'status.q.needs_check', value: h.publishing?.needs_check },
    { key: 'status.q.failed', value: h.publishing?.failed },
  ];
  return (
    <div data-testid="service-status">
      <Alert color={h.status === 'ok' ? 'teal' : 'red'} variant="light" my="xs" role="status">
        {t(h.status === 'ok' ? 'status.overall.ok' : 'status.overall.degraded')} · {t('status.version', { version: h.version })}
      </Alert>
      <Title order={3} size="h4">
        {t('status.database')}
      </Title>
      <Text size="sm" data-testid="status-database">
        {t('status.dbLine', { dialect: h.database.dialect, status: t(h.database.status === 'ok' ? 'status.ok' : 'status.error'), ms: f.int(h.database.latency_ms) })}
        {h.database.error ? ` · ${h.database.error}` : ''}
      </Text>
      <Title order={3} size="h4" mt="sm">
        {t('status.workers')}
      </Title>
      {h.workers.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('status.noWorkers')}
        </Text>
      ) : (
        <DataTable testId="status-workers" miw={520} columns={[t('status.kind'), t('status.host'), t('status.started'), t('status.lastBeat'), t('status.alive')]}>
          {h.workers.map((w) => (
            <Table.Tr key={w.id}>
              <Table.Th scope="row" fw={400}>
                {w.kind}
              </Table.Th>
              <Table.Td>
                {w.host} · {w.pid}
              </Table.Td>
              <Table.Td>{f.dateTime(w.started_at, zone)}</Table.Td>
              <Table.Td>{f.dateTime(w.last_beat_at, zone)}</Table.Td>
              <Table.Td>
                <Badge color={w.alive ? 'teal' : 'red'} variant="light">
                  {t(w.alive ? 'status.yes' : 'status.no')}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      {h.publishing && (
        <>
          <Title order={3} size="h4" mt="sm">
            {t('status.queue')}
          </Title>
          <SimpleGrid cols={{ base: 2, xs: 3, md: 6 }} spacing="xs" data-testid="status-queue">
            {queue.map((q) => (
              <div key={q.key}>
                <Text size="xs" c="dimmed">
                  {t(q.key)}
                </Text>
                <Text fw={600}>{f.int(q.value ?? 0)}</Text>
              </div>
            ))}
            <div>
              <Text size="xs" c="dimmed">
                {t('status.q.oldest')}
              </Text>
              <Group gap={4}>
                <Text fw={600} size="sm">
                  {f.dateTime(h.publishing.oldest_due_at, zone)}
                </Text>
              </Group>
            </div>
          </SimpleGrid>
        </>
      )}
    </div>
  );
}
