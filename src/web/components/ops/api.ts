// The JSON of connections, publications and the health check as these pages read them, their queries,
// and whether the signed-in user may manage an organisation (managers of it, admins).
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { useAuth } from '../../app/auth.tsx';

export type ConnectionStatus = 'active' | 'expired' | 'revoked' | 'error';

export interface Connection {
  org: string;
  platform: string;
  handle: string;
  status: ConnectionStatus;
  expires_at: string | null;
  last_error: string | null;
  flagged_at: string | null;
  updated_at: string;
}

export interface StreamReport {
  stream: string;
  status: 'done' | 'partial' | 'busy' | 'skipped' | 'failed';
  error: string | null;
  posts_added: number;
  posts_updated: number;
}
export interface SyncReport {
  platform: string;
  handle: string;
  streams: StreamReport[];
}

export const PUBLICATION_STATES = ['queued', 'claimed', 'publishing', 'published', 'needs_check', 'retry_wait', 'failed', 'cancelled'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

export interface Publication {
  id: number;
  item_id: number;
  item_title: string;
  account: { platform: string; handle: string };
  state: PublicationState;
  due_at: string;
  attempts: number;
  permalink: string | null;
  last_error: string | null;
}

export interface Health {
  status: 'ok' | 'degraded';
  version: string;
  database: { status: 'ok' | 'error'; dialect: string; latency_ms: number; error?: string };
  workers: { id: string; kind: string; host: string; pid: number; started_at: string; last_beat_at: string; alive: boolean }[];
  publishing: { due: number; waiting: number; publishing: number; needs_check: number; failed: number; oldest_due_at: string | null } | null;
}

/** Every connection the caller may read (the API filters), keyed platform/handle (lower case). */
export function useConnections() {
  return useQuery({ queryKey: ['connections'], queryFn: () => api<Page<Connection>>('/api/connections?limit=500') });
}

export function usePublications(code: string, states: string) {
  return useQuery({
    queryKey: ['organizations', code, 'publications', states],
    queryFn: () => api<Page<Publication>>(`/api/organizations/${encodeURIComponent(code)}/publications${qs({ state: states, limit: 500 })}`),
  });
}

/** The health check answers 503 with the same body when the database is down: both are shown. */
export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: async () => {
      const res = await fetch('/api/health', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (res.status !== 200 && res.status !== 503) throw new Error(`HTTP ${res.status}`);
      return (await res.json()) as Health;
    },
    refetchInterval: 30_000,
  });
}

/** Managers of this organisation and admins (the org_manage policy); everyone on a server without sign-in. */
export function useCanManage(code: string): boolean {
  const { state } = useAuth();
  if (state.status === 'open') return true;
  if (state.status !== 'signed-in') return false;
  return state.user.role === 'admin' || (state.user.role === 'manager' && state.user.org === code);
}

export function useIsAdmin(): boolean {
  const { state } = useAuth();
  return state.status === 'open' || (state.status === 'signed-in' && state.user.role === 'admin');
}
