// Settings: users and their roles (admins, coordinators and managers), and what each role may do.
import { Button, Group, NativeSelect, PasswordInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { useUsers } from '../api/page-queries.ts';
import { useGroups, useOrganizations } from '../api/queries.ts';
import { ROLES, type Role, type User } from '../api/types.ts';
import { Allowed } from '../components/Allowed.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { MutationForm } from '../components/MutationForm.tsx';
import { PageTitle, Section } from '../components/Section.tsx';
import { ErrorAlert, QueryState } from '../components/States.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useIsAdmin } from '../components/ops/api.ts';
import { ConnectNotice } from '../components/ops/Connections.tsx';
import { ServiceStatus } from '../components/ops/ServiceStatus.tsx';

export default function Settings() {
  const { t } = useI18n();
  const isAdmin = useIsAdmin();
  return (
    <Stack gap="md">
      <PageTitle>{t('settings.title')}</PageTitle>
      <ConnectNotice />
      {isAdmin && <ServiceStatus />}
      <Allowed ability="manage-users">
        <Users />
      </Allowed>
      <RolesTable />
    </Stack>
  );
}

function Users() {
  const { t } = useI18n();
  const users = useUsers();
  return (
    <Section id="users-title" title={t('settings.users')}>
      <QueryState query={users} isEmpty={(d) => d.length === 0}>
        {(d) => (
          <DataTable testId="users-table" miw={720} columns={[t('settings.name'), t('settings.email'), t('settings.role'), t('settings.org'), t('settings.actions')]}>
            {d.map((u) => (
              <UserRow key={u.id} user={u} />
            ))}
          </DataTable>
        )}
      </QueryState>
      <AddUser />
    </Section>
  );
}

function UserRow({ user }: { user: User }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [password, setPassword] = useState('');
  const done = () => void client.invalidateQueries({ queryKey: ['users'] });
  const patch = useMutation({ mutationFn: (role: Role) => api(`/api/users/${user.id}`, { method: 'PATCH', body: { role } }), onSuccess: done });
  const reset = useMutation({ mutationFn: () => api(`/api/users/${user.id}/password`, { method: 'POST', body: { password } }), onSuccess: () => setPassword('') });
  const remove = useMutation({ mutationFn: () => api(`/api/users/${user.id}`, { method: 'DELETE' }), onSuccess: done });
  const error = patch.error ?? reset.error ?? remove.error;
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={400}>
        {user.name || '–'}
      </Table.Th>
      <Table.Td>{user.email}</Table.Td>
      <Table.Td>
        <NativeSelect
          aria-label={`${t('settings.role')}: ${user.email}`}
          value={user.role}
          onChange={(e) => patch.mutate(e.currentTarget.value as Role)}
          data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          size="xs"
        />
      </Table.Td>
      <Table.Td>{user.org ?? user.network ?? t('settings.none')}</Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <PasswordInput aria-label={`${t('settings.newPassword')}: ${user.email}`} placeholder={t('settings.newPassword')} size="xs" value={password} onChange={(e) => setPassword(e.currentTarget.value)} w={150} />
          <Button size="xs" variant="default" disabled={password.length === 0} loading={reset.isPending} onClick={() => reset.mutate()}>
            {t('settings.resetPassword')}
          </Button>
          <Button size="xs" color="red" variant="light" loading={remove.isPending} onClick={() => window.confirm(t('settings.confirmDelete', { email: user.email })) && remove.mutate()}>
            {t('settings.delete')}
          </Button>
        </Group>
        {error ? <ErrorAlert error={error} /> : reset.isSuccess ? <Text size="xs" role="status">{t('settings.saved')}</Text> : null}
      </Table.Td>
    </Table.Tr>
  );
}

function AddUser() {
  const { t } = useI18n();
  const client = useQueryClient();
  const orgs = useOrganizations();
  const groups = useGroups();
  const [form, setForm] = useState({ email: '', name: '', role: 'viewer' as Role, org: '', network: '', password: '' });
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const add = useMutation({
    mutationFn: () =>
      api('/api/users', {
        method: 'POST',
        body: { email: form.email, name: form.name || undefined, role: form.role, org: form.org || undefined, network: form.network || undefined, password: form.password },
      }),
    onSuccess: () => {
      setForm((f) => ({ ...f, email: '', name: '', password: '' }));
      void client.invalidateQueries({ queryKey: ['users'] });
    },
  });
  return (
    <MutationForm
      mutation={add}
      id="add-user-title"
      title={t('settings.addUser')}
      level={3}
      style={{ marginTop: 16 }}
      success={
        <Text size="sm" role="status">
          {t('settings.saved')}
        </Text>
      }
    >
      <TextInput label={t('settings.email')} type="email" required value={form.email} onChange={(e) => set('email')(e.currentTarget.value)} w={{ base: '100%', xs: 220 }} />
      <TextInput label={t('settings.name')} value={form.name} onChange={(e) => set('name')(e.currentTarget.value)} w={{ base: '100%', xs: 180 }} />
      <NativeSelect label={t('settings.role')} value={form.role} onChange={(e) => set('role')(e.currentTarget.value)} data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} w={{ base: '100%', xs: 200 }} />
      <NativeSelect label={t('settings.org')} value={form.org} onChange={(e) => set('org')(e.currentTarget.value)} data={[{ value: '', label: t('settings.none') }, ...(orgs.data?.items ?? []).map((o) => ({ value: o.code, label: o.code }))]} w={{ base: '47%', xs: 140 }} />
      <NativeSelect label={t('settings.network')} value={form.network} onChange={(e) => set('network')(e.currentTarget.value)} data={[{ value: '', label: t('settings.none') }, ...(groups.data?.items ?? []).filter((g) => g.kind === 'network').map((g) => ({ value: g.code, label: g.code }))]} w={{ base: '47%', xs: 140 }} />
      <PasswordInput label={t('settings.password')} required value={form.password} onChange={(e) => set('password')(e.currentTarget.value)} autoComplete="new-password" w={{ base: '100%', xs: 200 }} />
      <Button type="submit" loading={add.isPending}>
        {t('settings.create')}
      </Button>
    </MutationForm>
  );
}

function RolesTable() {
  const { t } = useI18n();
  return (
    <Section id="roles-title" title={t('settings.roles')}>
      <div className="table-scroll">
        <Table withTableBorder>
          <Table.Tbody>
            {ROLES.map((r) => (
              <Table.Tr key={r}>
                <Table.Th scope="row">{t(`role.${r}`)}</Table.Th>
                <Table.Td>{t(`role.${r}.help`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Section>
  );
}
