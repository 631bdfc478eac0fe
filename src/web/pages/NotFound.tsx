// The page for an address the app does not know.
import { Stack, Text, Title } from '@mantine/core';
import { Link } from '../app/router.tsx';
import { useI18n } from '../i18n/index.tsx';

export default function NotFound() {
  const { t } = useI18n();
  return (
    <Stack>
      <Title order={1}>{t('page.notFound')}</Title>
      <Text>{t('page.notFoundText')}</Text>
      <Link to="/">{t('page.home')}</Link>
    </Stack>
  );
}
