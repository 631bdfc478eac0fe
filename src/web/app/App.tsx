// The shell: header (language, user), navigation, and the page the address names (pages load on demand).
import { AppShell, Burger, Button, Group, NavLink, ScrollArea, SegmentedControl, Select, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { useOrganizations } from '../api/queries.ts';
// The overview is the usual first page: it is part of the main bundle (no second round trip, no
// suspense before its first paint); every other page loads when first opened.
import Overview from '../pages/Overview.tsx';
import { ErrorAlert, Loading } from '../components/States.tsx';
import { useI18n, type Lang, type MessageKey } from '../i18n/index.tsx';
import { AlertsBanner } from './AlertsBanner.tsx';
import { useAuth } from './auth.tsx';
import { Link, match, useRouter, withPeriod } from './router.tsx';

const Accounts = lazy(() => import('../pages/Accounts.tsx'));
const Posts = lazy(() => import('../pages/Posts.tsx'));
const Inbox = lazy(() => import('../pages/Inbox.tsx'));
const Calendar = lazy(() => import('../pages/Calendar.tsx'));
const Publishing = lazy(() => import('../pages/Publishing.tsx'));
const Composer = lazy(() => import('../pages/Composer.tsx'));
const Media = lazy(() => import('../pages/Media.tsx'));
const Meetings = lazy(() => import('../pages/Meetings.tsx'));
const Benchmark = lazy(() => import('../pages/Benchmark.tsx'));
const Practice = lazy(() => import('../pages/Practice.tsx'));
const PracticeNetwork = lazy(() => import('../pages/PracticeNetwork.tsx'));
const PracticeCase = lazy(() => import('../pages/PracticeCase.tsx'));
const Network = lazy(() => import('../pages/Network.tsx'));
const Reports = lazy(() => import('../pages/Reports.tsx'));
const Import = lazy(() => import('../pages/Import.tsx'));
const Settings = lazy(() => import('../pages/Settings.tsx'));
const Login = lazy(() => import('../pages/Login.tsx'));
const NotFound = lazy(() => import('../pages/NotFound.tsx'));

const ORG_KEY = 'socialbench.org';

function rememberedOrg(): string | null {
  try {
    return localStorage.getItem(ORG_KEY);
  } catch {
    return null;
  }
}

function Page({ path }: { path: string }): ReactNode {
  let m: Record<string, string> | null;
  if ((m = match('/org/:code', path))) return <Overview code={m.code ?? ''} />;
  if ((m = match('/org/:code/accounts', path))) return <Accounts code={m.code ?? ''} />;
  if ((m = match('/org/:code/posts', path))) return <Posts code={m.code ?? ''} />;
  if ((m = match('/org/:code/inbox', path))) return <Inbox code={m.code ?? ''} />;
  if ((m = match('/org/:code/calendar', path))) return <Calendar code={m.code ?? ''} />;
  if ((m = match('/org/:code/publishing', path))) return <Publishing code={m.code ?? ''} />;
  if ((m = match('/org/:code/compose', path))) return <Composer code={m.code ?? ''} />;
  if ((m = match('/org/:code/media', path))) return <Media code={m.code ?? ''} />;
  if ((m = match('/org/:code/meetings', path))) return <Meetings code={m.code ?? ''} />;
  if ((m = match('/org/:code/meetings/:id', path)) && /^\d+$/.test(m.id ?? '')) return <Meetings code={m.code ?? ''} id={Number(m.id)} />;
  if ((m = match('/org/:code/practice', path))) return <Practice code={m.code ?? ''} />;
  if (match('/benchmark', path)) return <Benchmark />;
  if (match('/practice', path)) return <PracticeNetwork />;
  if ((m = match('/practice/cases/:id', path)) && /^[1-9][0-9]*$/.test(m.id ?? '')) return <PracticeCase id={Number(m.id)} />;
  if (match('/network', path)) return <Network />;
  if (match('/reports', path)) return <Reports />;
  if (match('/import', path)) return <Import />;
  if (match('/settings', path)) return <Settings />;
  return <NotFound />;
}

function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={lang}
      onChange={(v) => setLang(v as Lang)}
      data={[
        { value: 'en', label: 'EN' },
        { value: 'id', label: 'ID' },
      ]}
    />
  );
}

export function App() {
  const { state } = useAuth();
  const { t } = useI18n();
  // While the sign-in check runs, the shell and page render and start their requests; a 401 from
  // any of them (or from the check) shows the sign-in page instead.
  if (state.status === 'error')
    return (
      <main style={{ padding: 16 }}>
        <ErrorAlert error={state.error} onRetry={() => window.location.reload()} />
      </main>
    );
  if (state.status === 'anonymous')
    return (
      <Suspense fallback={<Loading />}>
        <header style={{ display: 'flex', justifyContent: 'space-between', padding: 12, alignItems: 'center' }}>
          <Text fw={700}>{t('app.name')}</Text>
          <LanguageSwitch />
        </header>
        <Login />
      </Suspense>
    );
  return <Shell />;
}

function Shell() {
  const { t } = useI18n();
  const { state, logout } = useAuth();
  const { location, navigate } = useRouter();
  const [opened, { toggle, close }] = useDisclosure(false);
  const orgs = useOrganizations();
  const mainRef = useRef<HTMLElement>(null);
  const path = location.path;

  const fromPath = match('/org/:code', path) ?? match('/org/:code/:tab', path);
  const userOrg = state.status === 'signed-in' ? state.user.org : null;
  const firstOrg = orgs.data?.items.find((o) => o.code === 'BSN')?.code ?? orgs.data?.items[0]?.code ?? null;
  const org = fromPath?.code ?? rememberedOrg() ?? userOrg ?? firstOrg;

  useEffect(() => {
    if (fromPath?.code) {
      try {
        localStorage.setItem(ORG_KEY, fromPath.code);
      } catch {
        // not remembered
      }
    }
  }, [fromPath?.code]);

  // "/" (and "/login" once signed in) lead to the overview of the current organisation.
  useEffect(() => {
    if (state.status === 'checking') return;
    if ((path === '/' || path === '/login') && org) navigate(withPeriod(`/org/${encodeURIComponent(org)}`, location.query), { replace: true });
  }, [path, org, navigate, location.query, state.status]);

  // Move focus to the page after navigation, so keyboard and screen-reader users start there.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus();
    close();
  }, [path, close]);

  const orgItems: { key: MessageKey; to: string }[] = org
    ? [
        { key: 'nav.overview', to: `/org/${encodeURIComponent(org)}` },
        { key: 'nav.accounts', to: `/org/${encodeURIComponent(org)}/accounts` },
        { key: 'nav.posts', to: `/org/${encodeURIComponent(org)}/posts` },
        { key: 'nav.inbox', to: `/org/${encodeURIComponent(org)}/inbox` },
        { key: 'nav.calendar', to: `/org/${encodeURIComponent(org)}/calendar` },
        { key: 'nav.publishing', to: `/org/${encodeURIComponent(org)}/publishing` },
        { key: 'nav.compose', to: `/org/${encodeURIComponent(org)}/compose` },
        { key: 'nav.media', to: `/org/${encodeURIComponent(org)}/media` },
        { key: 'nav.meetings', to: `/org/${encodeURIComponent(org)}/meetings` },
        { key: 'nav.practice', to: `/org/${encodeURIComponent(org)}/practice` },
      ]
    : [];
  const items: { key: MessageKey; to: string }[] = [
    { key: 'nav.benchmark', to: '/benchmark' },
    { key: 'nav.network', to: '/network' },
    { key: 'nav.practiceNetwork', to: '/practice' },
    { key: 'nav.reports', to: '/reports' },
    { key: 'nav.import', to: '/import' },
    { key: 'nav.settings', to: '/settings' },
  ];
  const navLink = (i: { key: MessageKey; to: string }) => (
    <NavLink
      key={i.to}
      component={Link}
      to={withPeriod(i.to, location.query)}
      label={t(i.key)}
      active={path === i.to}
      aria-current={path === i.to ? 'page' : undefined}
    />
  );

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('app.menu')} aria-expanded={opened} aria-controls="main-nav" />
            <Title order={2} size="h4">
              <Link to="/" style={{ color: 'inherit', textDecoration: 'none' }}>
                {t('app.name')}
              </Link>
            </Title>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            {state.status === 'signed-in' && (
              <>
                <Text size="sm" visibleFrom="md" data-testid="signed-in-as">
                  {t('app.signedInAs', { name: state.user.name || state.user.email, role: t(`role.${state.user.role}`) })}
                </Text>
                <Button size="xs" variant="default" onClick={() => void logout()}>
                  {t('app.signOut')}
                </Button>
              </>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" id="main-nav" aria-label={t('nav.main')}>
        <ScrollArea>
          <Select
            label={t('org.choose')}
            searchable
            value={org}
            data={(orgs.data?.items ?? []).map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }))}
            onChange={(v) => v && navigate(withPeriod(`/org/${encodeURIComponent(v)}${fromPath?.tab ? `/${fromPath.tab}` : ''}`, location.query))}
            nothingFoundMessage={t('state.empty')}
            mb="xs"
            comboboxProps={{ withinPortal: true }}
          />
          <VisuallyHidden>
            <h2>{t('nav.main')}</h2>
          </VisuallyHidden>
          {orgItems.map(navLink)}
          <hr style={{ border: 0, borderTop: '1px solid var(--mantine-color-gray-3)', margin: '8px 0' }} />
          {items.map(navLink)}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" ref={mainRef} tabIndex={-1}>
        <AlertsBanner />
        <Suspense fallback={<Loading />}>
          <Page path={path} />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
