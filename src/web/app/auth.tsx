// Who is signed in. Asks /api/auth/me at start; any 401 afterwards returns to the sign-in page.
// A server without sign-in (404 on /api/auth/me) runs the app open, as before authentication existed.
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, onUnauthorized, setCsrfToken } from '../api/client.ts';
import type { Role, Session, User } from '../api/types.ts';

export type AuthState =
  | { status: 'checking' }
  | { status: 'signed-in'; user: User }
  | { status: 'anonymous' }
  /** The server has no sign-in: everything is open. */
  | { status: 'open' }
  | { status: 'error'; error: unknown };

interface AuthValue {
  state: AuthState;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
  recheck(): void;
}

const Ctx = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'checking' });
  const client = useQueryClient();

  const check = useCallback(async () => {
    try {
      const s = await api<Session>('/api/auth/me', { quiet401: true });
      setCsrfToken(s.csrf_token);
      setState({ status: 'signed-in', user: s.user });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setState({ status: 'anonymous' });
      else if (e instanceof ApiError && (e.status === 404 || e.status === 405)) setState({ status: 'open' });
      else setState({ status: 'error', error: e });
    }
  }, []);

  useEffect(() => {
    void check();
  }, [check]);

  useEffect(
    () =>
      onUnauthorized(() => {
        setCsrfToken(null);
        setState((s) => (s.status === 'open' ? s : { status: 'anonymous' }));
      }),
    [],
  );

  const login = useCallback(
    async (email: string, password: string) => {
      const s = await api<Session>('/api/auth/login', { method: 'POST', body: { email, password }, quiet401: true });
      setCsrfToken(s.csrf_token);
      client.clear();
      setState({ status: 'signed-in', user: s.user });
    },
    [client],
  );

  const logout = useCallback(async () => {
    try {
      await api('/api/auth/logout', { method: 'POST', quiet401: true });
    } finally {
      setCsrfToken(null);
      client.clear();
      setState({ status: 'anonymous' });
    }
  }, [client]);

  const value = useMemo(() => ({ state, login, logout, recheck: () => void check() }), [state, login, logout, check]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(Ctx);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** What the interface offers to a role. The server decides; this only hides what would be refused. */
export type Ability = 'edit-data' | 'make-reports' | 'manage-users' | 'manage-network';

const ABILITIES: Record<Role, readonly Ability[]> = {
  admin: ['edit-data', 'make-reports', 'manage-users', 'manage-network'],
  coordinator: ['make-reports', 'manage-users', 'manage-network'],
  manager: ['edit-data', 'make-reports', 'manage-users'],
  editor: ['edit-data', 'make-reports'],
  analyst: ['make-reports'],
  viewer: [],
};

export function can(state: AuthState, ability: Ability): boolean {
  if (state.status === 'open') return true;
  if (state.status !== 'signed-in') return false;
  return ABILITIES[state.user.role]?.includes(ability) ?? false;
}

export function useCan(ability: Ability): boolean {
  return can(useAuth().state, ability);
}

export function currentRole(state: AuthState): Role | null {
  return state.status === 'signed-in' ? state.user.role : null;
}
