// The group a page shows, kept in the address (?group=): by default the network, else the first group.
import { NativeSelect } from '@mantine/core';
import { useGroups } from '../api/queries.ts';
import type { Group } from '../api/types.ts';
import { useRouter } from '../app/router.tsx';
import { useI18n } from '../i18n/index.tsx';

/** Options "Name (CODE)" for a select of organisations or groups. */
export function codeOptions(items: readonly { code: string; name: string }[] | undefined): { value: string; label: string }[] {
  return (items ?? []).map((x) => ({ value: x.code, label: `${x.name} (${x.code})` }));
}

/** The groups, and the code of the one the address names (or the default). */
export function useGroupParam(): { groups: ReturnType<typeof useGroups>; group: string | null } {
  const { location } = useRouter();
  const groups = useGroups();
  const items: Group[] | undefined = groups.data?.items;
  const group = location.query.get('group') ?? items?.find((g) => g.kind === 'network')?.code ?? items?.[0]?.code ?? null;
  return { groups, group };
}

/** A select of the groups that writes the choice into the address. */
export function GroupSelect({ groups, group, width }: { groups: Group[] | undefined; group: string | null; width: number }) {
  const { t } = useI18n();
  const { setQuery } = useRouter();
  return <NativeSelect label={t('bench.group')} value={group ?? ''} onChange={(e) => setQuery({ group: e.currentTarget.value })} data={codeOptions(groups)} w={{ base: '100%', xs: width }} />;
}
