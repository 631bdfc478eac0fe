// Every role x every API route: allowed (any answer but 401/403) or refused (403), and 401 when signed out.
// Expected rights per permission are written out here, independently of core/auth/policy.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../actions/context.ts';
import { createUser } from '../actions/users.ts';
import type { Permission } from '../core/auth/policy.ts';
import { createTestApp, TEST_PASSWORD, type Client, type TestApp } from '../testing/app.ts';
import { POLICIES } from './policies.ts';

type Who = 'admin' | 'coordinator' | 'other_coordinator' | 'manager' | 'editor' | 'analyst' | 'viewer' | 'other_member';
const WHO: Who[] = ['admin', 'coordinator', 'other_coordinator', 'manager', 'editor', 'analyst', 'viewer', 'other_member'];

/** Who may, for BSN's resources and the ISO network (BSN and OTH are ISO members; NET2 is another network). */
const EXPECTED: Record<Permission, Who[]> = {
  signed_in: WHO,
  org_read: ['admin', 'coordinator', 'manager', 'editor', 'analyst', 'viewer'],
  org_manage: ['admin', 'manager'],
  org_content: ['admin', 'manager', 'editor'],
  org_report: ['admin', 'coordinator', 'manager', 'analyst'],
  org_contacts: ['admin', 'coordinator', 'manager'],
  org_practice: ['admin', 'manager'],
  network_read: ['admin', 'coordinator', 'manager', 'editor', 'analyst', 'viewer', 'other_member'],
  network_manage: ['admin', 'coordinator'],
  admin: ['admin'],
};

let t: TestApp;
const clients = {} as Record<Who, Client>;
const ids: Record<string, string> = {};
let serial = 0;

async function post(path: string, body: unknown): Promise<number> {
  const r = await t.request('POST', path, body);
  if (r.status >= 300) throw new Error(`fixture ${path}: ${r.status} ${r.text}`);
  return (r.json as { id: number }).id;
}

/** Fresh resources for routes that delete what they name. */
const fresh: Record<string, () => Promise<Record<string, string>>> = {
  code: async () => {
    const code = `D${++serial}`;
    await t.request('POST', '/api/organizations', { code, name: code });
    return { code };
  },
  group: async () => {
    const code = `G${++serial}`;
    await t.request('POST', '/api/groups', { code, name: code, kind: 'peer', parent: 'ISO' });
    await t.request('PUT', `/api/groups/${code}/members/BSN`);
    return { code, org: 'BSN' };
  },
  account: async () => {
    const handle = `acc${++serial}`;
    await post('/api/accounts', { org: 'BSN', platform: 'x', handle });
    return { platform: 'x', handle };
  },
  member: async () => ({ id: String(await post('/api/organizations/BSN/members', { name: `M${++serial}` })) }),
  contact: async () => ({ id: String(await post('/api/contacts', { org: 'BSN', group: 'ISO', name: `C${++serial}` })) }),
  content: async () => ({ id: String(await post('/api/organizations/BSN/content', { title: `T${++serial}` })) }),
  report: async () => ({ id: String(await post('/api/reports', { kind: 'evaluation', params: { org: 'BSN', from: '2026-01-01', to: '2026-01-31', lang: 'en' }, format: 'csv' })) }),
  schedule: async () => ({ id: String(await post('/api/report-schedules', { kind: 'evaluation', params: { org: 'BSN', lang: 'en' }, name: `S${++serial}`, format: 'csv', cron: '0 6 1 * *' })) }),
  meeting: async () => ({ id: String(await post('/api/organizations/BSN/meetings', { kind: 'planning', starts_at: '2026-05-04T02:00:00Z', generate_agenda: false })) }),
  decision: async () => ({ id: String(await post(`/api/meetings/${ids.meeting}/decisions`, { text: `D${++serial}` })) }),
  action: async () => ({ id: String(await post(`/api/meetings/${ids.meeting}/action-items`, { text: `A${++serial}` })) }),
  practiceCase: async () => ({ id: String(await post('/api/groups/ISO/practice-cases', { slug: `case-${++serial}`, title: { id: 'x', en: 'x' }, summary: { id: 'x', en: 'x' }, body: { id: 'x', en: 'x' }, practices: [] })) }),
  user: async () => ({ id: String((await createUser(SYSTEM, { email: `u${++serial}@test.example`, role: 'viewer', org: 'BSN', password: TEST_PASSWORD }, t.deps)).id) }),
  media: async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const form = new FormData();
    form.append('alt_text', 'a dot');
    form.append('file', new File([png], `dot${++serial}.png`, { type: 'image/png' }));
    const r = await t.fetch('/api/organizations/BSN/media', { method: 'POST', body: form, headers: { cookie: t.cookie ?? '', 'x-csrf-token': t.csrf ?? '' } });
    if (r.status >= 300) throw new Error(`media fixture: ${r.status} ${await r.text()}`);
    return { id: String(((await r.json()) as { id: number }).id) };
  },
};

/** Which fixture a route's {id} means. */
function idKind(path: string): string | undefined {
  const first = path.split('/')[1] ?? '';
  return ({ members: 'member', contacts: 'contact', content: 'content', reports: 'report', 'report-schedules': 'schedule', media: 'media', meetings: 'meeting', decisions: 'decision', 'action-items': 'action', 'practice-cases': 'practiceCase', users: 'user', inbox: 'inbox', publications: 'publication' } as Record<string, string>)[first];
}

async function paramsFor(route: string, method: string): Promise<Record<string, string>> {
  const path = route.split(' ')[1] ?? '';
  const isDelete = method === 'DELETE';
  const kind = idKind(path);
  if (isDelete) {
    if (path === '/organizations/{code}') return fresh.code!();
    if (path === '/groups/{code}' || path === '/groups/{code}/members/{org}') return fresh.group!();
    if (path === '/accounts/{platform}/{handle}') return fresh.account!();
    if (path.endsWith('/{id}') && kind && fresh[kind]) return fresh[kind]();
  }
  const p: Record<string, string> = { code: path.startsWith('/groups/') ? 'ISO' : 'BSN', org: 'BSN', platform: 'instagram', handle: 'bsn_ig', member: ids.member!, date: '2026-01-01', period: '2026', reply: '999999', file: 'x.ics' };
  if (kind) p.id = ids[kind]!;
  return p;
}

/** A body that passes the policy but not validation, so allowed calls change nothing; scoped ones name BSN. */
function bodyFor(route: string): unknown {
  if (route === 'POST /accounts' || route === 'POST /contacts') return { org: 'BSN', '~': 1 };
  if (route === 'POST /reports' || route === 'POST /report-schedules') return { kind: 'evaluation', params: { org: 'BSN' }, '~': 1 };
  return { '~': 1 };
}

beforeAll(async () => {
  t = await createTestApp();
  for (const [code, name] of [['BSN', 'Badan Standardisasi Nasional'], ['OTH', 'Other member'], ['XYZ', 'Elsewhere']]) await t.request('POST', '/api/organizations', { code, name });
  await t.request('POST', '/api/groups', { code: 'ISO', name: 'ISO', kind: 'network' });
  await t.request('POST', '/api/groups', { code: 'NET2', name: 'Another network', kind: 'network' });
  for (const [g, o] of [['ISO', 'BSN'], ['ISO', 'OTH'], ['NET2', 'XYZ']]) await t.request('PUT', `/api/groups/${g}/members/${o}`);
  await post('/api/accounts', { org: 'BSN', platform: 'instagram', handle: 'bsn_ig' });
  for (const k of ['member', 'contact', 'content', 'report', 'schedule', 'meeting', 'practiceCase', 'user', 'media'] as const) {
    ids[k] = (await fresh[k]!()).id!;
  }
  ids.decision = (await fresh.decision!()).id!;
  ids.action = (await fresh.action!()).id!;
  const db = t.deps.db.kysely as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>;
  const now = new Date().toISOString();
  const acc = (await db.selectFrom('accounts').select('id').where('handle', '=', 'bsn_ig').executeTakeFirstOrThrow()).id as number;
  const org = (await db.selectFrom('organizations').select('id').where('code', '=', 'BSN').executeTakeFirstOrThrow()).id as number;
  ids.inbox = String((await db.insertInto('inbox_entries').values({ organization_id: org, account_id: acc, platform: 'instagram', external_id: 'c1', kind: 'comment', text: 'hi', received_at: now, status: 'open', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id);
  ids.publication = String((await db.insertInto('publications').values({ item_id: Number(ids.content), account_id: acc, platform: 'instagram', state: 'needs_check', due_at: now, next_attempt_at: now, attempts: 1, checks: 0, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id);
  await db.insertInto('oauth_states').values({ state: 'st1', account_id: acc, platform: 'instagram', code_verifier: 'x', redirect_uri: 'http://localhost/cb', expires_at: now }).execute();

  const users: [Who, Record<string, string>][] = [
    ['coordinator', { role: 'coordinator', network: 'ISO' }],
    ['other_coordinator', { role: 'coordinator', network: 'NET2' }],
    ['manager', { role: 'manager', org: 'BSN' }],
    ['editor', { role: 'editor', org: 'BSN' }],
    ['analyst', { role: 'analyst', org: 'BSN' }],
    ['viewer', { role: 'viewer', org: 'BSN' }],
    ['other_member', { role: 'manager', org: 'OTH' }],
  ];
  clients.admin = t;
  for (const [who, u] of users) clients[who] = await t.as({ email: `${who}@test.example`, ...(u as { role: 'viewer' }) });
}, 120_000);
afterAll(async () => t.close());

const fill = (path: string, p: Record<string, string>) => path.replace(/\{(\w+)\}/g, (_m, n: string) => encodeURIComponent(p[n] ?? 'missing'));
const QUERY: Record<string, string> = {
  'GET /connections/{platform}/authorize': '?account=bsn_ig',
  'GET /connections/{platform}/callback': '?state=st1&code=x',
  'GET /contacts': '?org=BSN',
};

describe('access matrix', () => {
  const routes = Object.entries(POLICIES).filter(([, rule]) => !('public' in rule));
  it.each(routes.map(([k, rule]) => [k, rule] as const))('%s', async (route, rule) => {
    if ('public' in rule) return;
    const [method = 'GET'] = route.split(' ');
    const allowed = EXPECTED[rule.permission];
    const failures: string[] = [];
    for (const who of [...WHO, 'anonymous' as const]) {
      const path = `/api${fill(route.split(' ')[1] ?? '', await paramsFor(route, method))}${QUERY[route] ?? ''}`;
      const client = who === 'anonymous' ? t.anonymous : clients[who];
      const r = await client.request(method, path, method === 'GET' || method === 'DELETE' ? undefined : bodyFor(route));
      const code = (r.json as { error?: { code?: string; message?: string } } | undefined)?.error;
      if (r.status === 404 && code?.message?.startsWith('not found: ')) failures.push(`${who}: the fixture for ${path} is missing`);
      else if (who === 'anonymous') {
        if (r.status !== 401) failures.push(`anonymous: ${r.status} instead of 401`);
      } else if (allowed.includes(who)) {
        if (r.status === 401 || r.status === 403) failures.push(`${who}: refused (${r.status} ${code?.code}) but should be allowed`);
      } else if (r.status !== 403 || code?.code !== 'forbidden') failures.push(`${who}: ${r.status} but should be refused with 403`);
    }
    expect(failures).toEqual([]);
  });
});
