// Entry point: providers (Mantine, React Query, language, router, sign-in) around the app shell.
import '@mantine/core/styles.css';
import './app/app.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api/client.ts';
import { prefetchForAddress } from './api/prefetch.ts';
import { App } from './app/App.tsx';
import { AuthProvider } from './app/auth.tsx';
import { RouterProvider } from './app/router.tsx';
import { I18nProvider } from './i18n/index.tsx';

const theme = createTheme({
  primaryColor: 'blue',
  focusRing: 'auto',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retry only what may pass on a second try: the network or a server error.
      retry: (count, e) => count < 2 && e instanceof ApiError && (e.status === 0 || e.status >= 500),
    },
  },
});

prefetchForAddress(queryClient, window.location.pathname, window.location.search);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>
          <I18nProvider>
            <RouterProvider>
              <AuthProvider>
                <App />
              </AuthProvider>
            </RouterProvider>
          </I18nProvider>
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
