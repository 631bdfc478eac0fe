// React Query hooks, one per API read the pages use; keys start with the path so invalidation is simple.
// These are the first page's and the shell's (they are in the main bundle); the other pages' are in
// page-queries.ts.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from './client.ts';
import type { Composite, FollowerSeries, Group, Organization, OrganizationDetail, OrganizationMetrics, Page } from './types.ts';

export interface Period {
  from: string;
  to: string;
}

export const get = <T,>(path: string) => () => api<T>(path);

export function useOrganizations() {
  return useQuery({ queryKey: ['organizations'], queryFn: get<Page<Organization>>('/api/organizations?limit=500'), staleTime: 60_000 });
}

export const organizationQuery = (code: string) => ({
  queryKey: ['organizations', code],
  queryFn: get<OrganizationDetail>(`/api/organizations/${encodeURIComponent(code)}`),
});

export function useOrganization(code: string) {
  return useQuery(organizationQuery(code));
}

export function useGroups() {
  return useQuery({ queryKey: ['groups'], queryFn: get<Page<Group>>('/api/groups?limit=500'), staleTime: 60_000 });
}

export const metricsQuery = (code: string, p: Period | null) => ({
  queryKey: ['organizations', code, 'metrics', p?.from, p?.to],
  queryFn: get<OrganizationMetrics>(`/api/organizations/${encodeURIComponent(code)}/metrics${qs({ from: p?.from, to: p?.to })}`),
});

export function useMetrics(code: string, p: Period | null) {
  return useQuery({ ...metricsQuery(code, p), enabled: Boolean(p), placeholderData: keepPreviousData });
}

export function useFollowerSeries(code: string, p: Period, interval: string) {
  return useQuery({
    queryKey: ['organizations', code, 'followers', p.from, p.to, interval],
    queryFn: get<FollowerSeries>(`/api/organizations/${encodeURIComponent(code)}/series/followers${qs({ ...p, interval })}`),
    placeholderData: keepPreviousData,
  });
}

export function useComposite(group: string | null, p: Period) {
  return useQuery({
    queryKey: ['groups', group, 'composite', p.from, p.to],
    queryFn: get<Composite>(`/api/groups/${encodeURIComponent(group ?? '')}/composite${qs({ ...p })}`),
    enabled: Boolean(group),
    placeholderData: keepPreviousData,
  });
}

