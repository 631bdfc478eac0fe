// React Query hooks, one per API read the pages use; keys start with the path so invalidation is simple.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from './client.ts';
import type {
  BestTimes, Benchmark, Composite, Contact, FollowerSeries, Group, Organization, OrganizationDetail, OrganizationMetrics, Page,
  TeamMember, TopPosts, Account,
} from './types.ts';

export interface Period {
  from: string;
  to: string;
}

const get = <T,>(path: string) => () => api<T>(path);

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

export function useGroupMembers(group: string | null) {
  return useQuery({
    queryKey: ['groups', group, 'members'],
    queryFn: get<Page<Organization>>(`/api/groups/${encodeURIComponent(group ?? '')}/members?limit=500`),
    enabled: Boolean(group),
  });
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

export function useTopPosts(code: string, p: Period, opts: { platform?: string; by: string; order: string; limit: number }) {
  return useQuery({
    queryKey: ['organizations', code, 'top', p.from, p.to, opts],
    queryFn: get<TopPosts>(`/api/organizations/${encodeURIComponent(code)}/posts/top${qs({ ...p, ...opts })}`),
    placeholderData: keepPreviousData,
  });
}

export function useBestTimes(code: string, p: Period, platform?: string) {
  return useQuery({
    queryKey: ['organizations', code, 'best-times', p.from, p.to, platform],
    queryFn: get<BestTimes>(`/api/organizations/${encodeURIComponent(code)}/best-times${qs({ ...p, platform })}`),
    placeholderData: keepPreviousData,
  });
}

export function useBenchmark(group: string | null, platform: string | null, p: Period) {
  return useQuery({
    queryKey: ['groups', group, 'benchmark', platform, p.from, p.to],
    queryFn: get<Benchmark>(`/api/groups/${encodeURIComponent(group ?? '')}/benchmark${qs({ platform, ...p })}`),
    enabled: Boolean(group && platform),
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

export function useAccounts(org: string) {
  return useQuery({ queryKey: ['accounts', org], queryFn: get<Page<Account>>(`/api/accounts${qs({ org, limit: 500 })}`) });
}

export function useMembers(org: string) {
  return useQuery({ queryKey: ['organizations', org, 'members'], queryFn: get<Page<TeamMember>>(`/api/organizations/${encodeURIComponent(org)}/members?limit=500`) });
}

export function useContacts(group: string | null) {
  return useQuery({
    queryKey: ['contacts', group],
    queryFn: get<Page<Contact>>(`/api/contacts${qs({ group, limit: 500 })}`),
    enabled: Boolean(group),
  });
}
