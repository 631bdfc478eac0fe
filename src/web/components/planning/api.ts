// React Query hooks of the planning pages (composer, calendar); they load with those pages.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ApiError, qs } from '../../api/client.ts';
import type { CadenceReport, ContentComment, ContentItem, Page } from '../../api/types.ts';
import type { Persona } from '../../../core/content/persona/persona.ts';

const org = (code: string) => `/api/organizations/${encodeURIComponent(code)}`;

export function useContentItem(id: number | null) {
  return useQuery({ queryKey: ['content', id], queryFn: () => api<ContentItem>(`/api/content/${id}`), enabled: id !== null });
}

export function useComments(id: number | null) {
  return useQuery({ queryKey: ['content', id, 'comments'], queryFn: () => api<{ items: ContentComment[] }>(`/api/content/${id}/comments`), enabled: id !== null });
}

export function usePersona(code: string) {
  return useQuery({ queryKey: ['organizations', code, 'persona'], queryFn: () => api<{ persona: Persona | null; require_voice_pass: boolean }>(`${org(code)}/persona`) });
}

/** Every page of a content listing. */
async function allContent(code: string, params: Record<string, string>): Promise<ContentItem[]> {
  const out: ContentItem[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < 20; n++) {
    const page: Page<ContentItem> = await api<Page<ContentItem>>(`${org(code)}/content${qs({ ...params, limit: 500, cursor })}`);
    out.push(...page.items);
    cursor = page.next_cursor;
    if (!cursor) break;
  }
  return out;
}

/** Items scheduled or due in [from, to] (local dates), each once. */
export function useContentRange(code: string, from: string, to: string) {
  return useQuery({
    queryKey: ['organizations', code, 'content', from, to],
    queryFn: async () => {
      const [scheduled, due] = await Promise.all([allContent(code, { by: 'scheduled', from, to }), allContent(code, { by: 'due', from, to })]);
      const byId = new Map<number, ContentItem>();
      for (const i of [...scheduled, ...due]) byId.set(i.id, i);
      return [...byId.values()];
    },
    placeholderData: keepPreviousData,
  });
}

export function useCadence(code: string, from: string, to: string, posts: boolean) {
  return useQuery({
    queryKey: ['organizations', code, 'cadence', from, to, posts],
    queryFn: () => api<CadenceReport>(`${org(code)}/cadence${qs({ from, to, posts: posts ? 'true' : undefined })}`),
    placeholderData: keepPreviousData,
  });
}

/** A file of the media library, as far as the picker needs it. */
export interface LibraryMedia {
  id: number;
  kind: string;
  file_name?: string;
  bytes: number;
  width: number | null;
  height: number | null;
  duration_sec?: number | null;
  alt_text?: string | null;
  file_url?: string;
}

/** The organisation's media library; null while the server has none (404). */
export function useMediaLibrary(code: string) {
  return useQuery({
    queryKey: ['organizations', code, 'media'],
    queryFn: async (): Promise<LibraryMedia[] | null> => {
      try {
        const body = await api<unknown>(`${org(code)}/media${qs({ limit: 200 })}`);
        const items = Array.isArray(body) ? body : body && typeof body === 'object' && 'items' in body ? (body as { items: unknown }).items : [];
        return Array.isArray(items) ? (items as LibraryMedia[]) : [];
      } catch (e) {
        if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return null;
        throw e;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}
