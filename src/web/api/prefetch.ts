// Starts the first page's requests while the code and the sign-in check load, so its figures wait
// for one round trip: the address names the organisation and (often) the period.
import type { QueryClient } from '@tanstack/react-query';
import { match } from '../app/router.tsx';
import { periodFromQuery } from '../components/PeriodPicker.tsx';
import { metricsQuery, organizationQuery } from './queries.ts';

export function prefetchForAddress(client: QueryClient, path: string, search: string): void {
  const m = match('/org/:code', path);
  if (!m?.code) return;
  void client.prefetchQuery(organizationQuery(m.code));
  const period = periodFromQuery(new URLSearchParams(search));
  if (period) void client.prefetchQuery(metricsQuery(m.code, period));
}
