// Settings: users and their roles (admins, coordinators and managers), and what each role may do.
import { Alert, Button, Group, NativeSelect, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { useGroups, useOrganizations } from '../api/queries.ts';
import { ROLES, type Role, type User } from '../api/types.ts';
import { currentRole, useAuth, useCan } from '../app/auth.tsx';
import { ErrorAlert, QueryState } from '../components/States.tsx';
import { useI18n } from '../i18n/index.tsx';

function listOf(body: unknown): User[] {
  if (Array.isArray(body)) return body as User[];
  if (body && typeof body === 'object' && 'items' in body && Array.isArray((body as { items: unknown }).items)) return (body as { items: User[] }).items;
  return [];
}

export default function Settings() {
  const { t } = useI18n();
  const { state } = useAuth();
  const allowed = useCan('manage-users');
  const role = currentRole(state);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('settings.title')}
      </Title>
      {allowed ? (
        <Users />
      ) : (
        <Alert color="orange" role="alert" data-testid="not-allowed">
          {t('role.notAllowed', { role: role ? t(`role.${role}`) : '' })}
        </Alert>
      )}
      <RolesTable />
    </Stack>
  );
}

function Users() {
  const { t } = useI18n();
  const users = useQuery({ queryKey: ['users'], queryFn: async () => listOf(await api<unknown>('/api/users?limit=500')) });
  return (
    <section aria-labelledby="users-title">
      <Title order={2} size="h3" id="users-title">
        {t('settings.users')}
      </Title>
      <QueryState query={users} isEmpty={(d) => d.length === 0}>
        {(d) => (
          <div className="table-scroll">
            <Table striped withTableBorder data-testid="users-table" miw={720}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('settings.name')}</Table.Th>
                  <Table.Th scope="col">{t('settings.email')}</Table.Th>
                  <Table.Th scope="col">{t('settings.role')}</Table.Th>
                  <Table.Th scope="col">{t('settings.org')}</Table.Th>
                  <Table.Th scope="col">{t('settings.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.map((u) => (
                  <UserRow key={u.id} user={u} />
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </QueryState>
      <AddUser />
    </section>
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
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={submit} aria-labelledby="add-user-title" style={{ marginTop: 16 }}>
      <Title order={3} size="h4" id="add-user-title">
        {t('settings.addUser')}
      </Title>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput label={t('settings.email')} type="email" required value={form.email} onChange={(e) => set('email')(e.currentTarget.value)} w={{ base: '100%', xs: 220 }} />
        <TextInput label={t('settings.name')} value={form.name} onChange={(e) => set('name')(e.currentTarget.value)} w={{ base: '100%', xs: 180 }} />
        <NativeSelect label={t('settings.role')} value={form.role} onChange={(e) => set('role')(e.currentTarget.value)} data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} w={{ base: '100%', xs: 200 }} />
        <NativeSelect label={t('settings.org')} value={form.org} onChange={(e) => set('org')(e.currentTarget.value)} data={[{ value: '', label: t('settings.none') }, ...(orgs.data?.items ?? []).map((o) => ({ value: o.code, label: o.code }))]} w={{ base: '47%', xs: 140 }} />
        <NativeSelect label={t('settings.network')} value={form.network} onChange={(e) => set('network')(e.currentTarget.value)} data={[{ value: '', label: t('settings.none') }, ...(groups.data?.items ?? []).filter((g) => g.kind === 'network').map((g) => ({ value: g.code, label: g.code }))]} w={{ base: '47%', xs: 140 }} />
        <PasswordInput label={t('settings.password')} required value={form.password} onChange={(e) => set('password')(e.currentTarget.value)} autoComplete="new-password" w={{ base: '100%', xs: 200 }} />
        <Button type="submit" loading={add.isPending}>
          {t('settings.create')}
        </Button>
      </Group>
      {add.isError && <ErrorAlert error={add.error} />}
      {add.isSuccess && (
        <Text size="sm" role="status">
          {t('settings.saved')}
        </Text>
      )}
    </form>
  );
}

function RolesTable() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="roles-title">
      <Title order={2} size="h3" id="roles-title">
        {t('settings.roles')}
      </Title>
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
    </section>
  );
}
