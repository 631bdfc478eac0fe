// Sign-in page: e-mail and password; wrong credentials and too many attempts are said plainly.
import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { useAuth } from '../app/auth.tsx';
import { errorMessage } from '../components/States.tsx';
import { useI18n } from '../i18n/index.tsx';

export default function Login() {
  const { t } = useI18n();
  const { login } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email.trim(), password);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? t('login.failed') : errorMessage(err, t));
      setBusy(false);
    }
  };

  return (
    <main id="main" style={{ display: 'flex', justifyContent: 'center', padding: '2rem 1rem' }}>
      <Paper withBorder p="lg" w="100%" maw={400}>
        <form onSubmit={(e) => void submit(e)} noValidate={false}>
          <Stack>
            <Title order={1} size="h2">
              {t('login.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('login.intro')}
            </Text>
            {error && (
              <Alert color="red" role="alert" data-testid="login-error">
                {error}
              </Alert>
            )}
            <TextInput label={t('login.email')} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
            <PasswordInput label={t('login.password')} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
            <Button type="submit" loading={busy}>
              {t('login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </main>
  );
}
