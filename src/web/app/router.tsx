// A small history router: the path picks the page, the query string holds its choices (period, sort).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

export interface Location {
  path: string;
  query: URLSearchParams;
}

interface RouterValue {
  location: Location;
  navigate(to: string, opts?: { replace?: boolean }): void;
  /** Changes query parameters of the current page (undefined removes one). */
  setQuery(changes: Record<string, string | undefined>, opts?: { replace?: boolean }): void;
}

const Ctx = createContext<RouterValue | null>(null);

function current(): Location {
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search) };
}

export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState<Location>(current);
  useEffect(() => {
    const onPop = () => setLocation(current());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: string, opts?: { replace?: boolean }) => {
    const before = window.location.pathname;
    if (opts?.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    const next = current();
    setLocation(next);
    if (next.path !== before) window.scrollTo(0, 0);
  }, []);
  const setQuery = useCallback(
    (changes: Record<string, string | undefined>, opts?: { replace?: boolean }) => {
      const q = new URLSearchParams(window.location.search);
      for (const [k, v] of Object.entries(changes)) {
        if (v === undefined || v === '') q.delete(k);
        else q.set(k, v);
      }
      const s = q.toString();
      navigate(`${window.location.pathname}${s ? `?${s}` : ''}`, opts);
    },
    [navigate],
  );
  const value = useMemo(() => ({ location, navigate, setQuery }), [location, navigate, setQuery]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useRouter(): RouterValue {
  const v = useContext(Ctx);
  if (!v) throw new Error('useRouter outside RouterProvider');
  return v;
}

/** Matches a pattern such as /org/:code/posts; returns the parameters or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const part = p[i] ?? '';
    const seg = s[i] ?? '';
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(seg);
      } catch {
        return null;
      }
    } else if (part !== seg) return null;
  }
  return params;
}

/** Keeps the period (from, to) when moving between pages. */
export function withPeriod(to: string, query: URLSearchParams): string {
  const keep = new URLSearchParams();
  for (const k of ['from', 'to']) {
    const v = query.get(k);
    if (v) keep.set(k, v);
  }
  const s = keep.toString();
  return s ? `${to}${to.includes('?') ? '&' : '?'}${s}` : to;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string; children: ReactNode };

export function Link({ to, onClick, children, ...rest }: LinkProps) {
  const { navigate } = useRouter();
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={handle} {...rest}>
      {children}
    </a>
  );
}
