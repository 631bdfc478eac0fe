// An organisation's name, its time zone and the synthetic-data notice, at the top of its pages.
import { Alert, Badge, Group, Text, Title } from '@mantine/core';
import type { Organization } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { utcOffset } from '../i18n/format.ts';

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
