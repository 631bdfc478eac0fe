// An organisation's name, its time zone and the synthetic-data notice, at the top of its pages.
import { Alert, Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useOrganization } from '../api/queries.ts';
import type { Organization, OrganizationDetail } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { utcOffset } from '../i18n/format.ts';
import { QueryState } from './States.tsx';

export function SyntheticNote({ org }: { org: Organization }) {
  const { t } = useI18n();
  if (!org.synthetic) return null;
  return (
    <Alert color="yellow" variant="light" py="xs" my="xs" data-testid="synthetic-note">
      <Text size="sm">{org.code === 'BSN' ? t('synthetic.bsn') : t('synthetic.org', { name: org.name })}</Text>
    </Alert>
  );
}

export function OrgHeader({ org, page }: { org: Organization; page: string }) {
  const { t } = useI18n();
  return (
    <header>
      <Group gap="xs" align="baseline" wrap="wrap">
        <Title order={1} size="h2">
          {org.name}
        </Title>
        <Badge variant="outline" color="gray">
          {org.code}
        </Badge>
        {org.synthetic && (
          <Badge color="yellow" variant="light">
            {t('synthetic.badge')}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {page} · {t('org.timezone', { zone: org.timezone, offset: utcOffset(org.timezone) })}
      </Text>
      <SyntheticNote org={org} />
    </header>
  );
}

/** A page of one organisation: loads it, then shows its header and the page's content. */
export function OrgPage({ code, page, children }: { code: string; page: string; children: (org: OrganizationDetail) => ReactNode }) {
  const org = useOrganization(code);
  return (
    <QueryState query={org}>
      {(o) => (
        <Stack gap="md">
          <OrgHeader org={o} page={page} />
          {children(o)}
        </Stack>
      )}
    </QueryState>
  );
}
