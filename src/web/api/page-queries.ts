// React Query hooks of the pages loaded on demand, apart from queries.ts (the first page's, in the
// main bundle) so that they load with those pages. Keys start with the path, as there.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from './client.ts';
import { get, type Period } from './queries.ts';
import type { Account, BestTimes, Benchmark, Contact, Organization, Page, ReportItem, TeamMember, TopPosts, User } from './types.ts';

export function useGroupMembers(group: string | null) {
  return useQuery({
    queryKey: ['groups', group, 'members'],
    queryFn: get<Page<Organization>>(`/api/groups/${encodeURIComponent(group ?? '')}/members?limit=500`),
    enabled: Boolean(group),
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

/** The items of a page ({items}) or a bare list; anything else is empty. */
function listOf<T>(body: unknown): T[] {
  if (Array.isArray(body)) return body as T[];
  if (body && typeof body === 'object' && 'items' in body && Array.isArray((body as { items: unknown }).items)) return (body as { items: T[] }).items;
  return [];
}

export function useReports() {
  return useQuery({ queryKey: ['reports'], queryFn: async () => listOf<ReportItem>(await api<unknown>('/api/reports')) });
}

export function useUsers() {
  return useQuery({ queryKey: ['users'], queryFn: async () => listOf<User>(await api<unknown>('/api/users?limit=500')) });
}
