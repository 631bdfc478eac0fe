// The access policy of every API route: which permission it needs, over which organisation or network.
// The table is the one place to read who may call what; policies.test.ts checks it covers every route.
import type { Permission, Scope } from '../core/auth/policy.ts';
import { handleKey } from '../core/platforms.ts';
import type { Db } from '../db/database.ts';
import * as s from '../db/queries/scopes.ts';

export interface ScopeInput {
  db: Db['kysely'];
  params: Record<string, string>;
  query: URLSearchParams;
  /** The JSON body (read once; the route's validator reads the same cached value). */
  body(): Promise<Record<string, unknown>>;
}

/** Finds the scope of a request; null when the resource it names does not exist. */
export type ScopeOf = (x: ScopeInput) => Promise<Scope | null>;

export type Rule = { public: true } | { permission: Permission; scope: ScopeOf };

const GLOBAL: Scope = { kind: 'global' };
const global: ScopeOf = async () => GLOBAL;

async function orgScope(db: ScopeInput['db'], id: number | undefined): Promise<Scope | null> {
  return id === undefined ? null : { kind: 'org', organizationId: id, networks: await s.networksOf(db, id) };
}
async function networkScope(db: ScopeInput['db'], groupId: number | undefined): Promise<Scope | null> {
  return groupId === undefined ? null : { kind: 'network', networkId: await s.networkOfGroup(db, groupId) };
}

/** The organisation named by a path parameter (its code). */
const org = (param = 'code'): ScopeOf => async (x) => orgScope(x.db, await s.orgIdByCode(x.db, x.params[param] ?? ''));
/** The group named by a path parameter (its code). */
const group = (param = 'code'): ScopeOf => async (x) => networkScope(x.db, await s.groupIdByCode(x.db, x.params[param] ?? ''));
/** The organisation owning /{platform}/{handle}. */
const account: ScopeOf = async (x) => orgScope(x.db, await s.orgOfAccount(x.db, x.params.platform ?? '', handleKey(x.params.handle ?? '')));
/** The organisation owning row {id} of a table with organization_id. */
const row = (table: string, param = 'id'): ScopeOf => async (x) => orgScope(x.db, await s.orgOfRow(x.db, table, Number(x.params[param])));
/** The organisation of a row reached through its parent (e.g. a content variant through its item). */
const via = (table: string, fk: string, parent: string, param = 'id'): ScopeOf => async (x) => orgScope(x.db, await s.orgVia(x.db, table, fk, parent, Number(x.params[param])));
/** The network of a row with group_id. */
const groupRow = (table: string, param = 'id'): ScopeOf => async (x) => networkScope(x.db, await s.groupOfRow(x.db, table, Number(x.params[param])));
/** The organisation named in the JSON body (`org`). */
const bodyOrg: ScopeOf = async (x) => {
  const code = (await x.body()).org;
  return typeof code === 'string' ? orgScope(x.db, await s.orgIdByCode(x.db, code)) : GLOBAL;
};

/** Reports and schedules: an evaluation belongs to its organisation, a benchmark to its group's network. */
async function paramsScope(db: ScopeInput['db'], params: unknown): Promise<Scope | null> {
  const p = (params ?? {}) as Record<string, unknown>;
  if (typeof p.org === 'string') return orgScope(db, await s.orgIdByCode(db, p.org));
  if (typeof p.group === 'string') return networkScope(db, await s.groupIdByCode(db, p.group));
  return GLOBAL;
}
const stored = (table: 'reports' | 'report_schedules'): ScopeOf => async (x) => {
  const text = await s.paramsOf(x.db, table, Number(x.params.id));
  return text === undefined ? null : paramsScope(x.db, JSON.parse(text));
};
const bodyParams: ScopeOf = async (x) => paramsScope(x.db, (await x.body()).params);

/** Contacts: ?org= is that organisation's; ?group= the network's list (coordinators); neither is everyone's. */
const contactList: ScopeOf = async (x) => {
  const o = x.query.get('org');
  if (o) return orgScope(x.db, await s.orgIdByCode(x.db, o));
  const g = x.query.get('group');
  if (g) return networkScope(x.db, await s.groupIdByCode(x.db, g));
  return GLOBAL;
};
/** OAuth: the account being connected (?account= on this platform), or the one the state names. */
const authorizeAccount: ScopeOf = async (x) => orgScope(x.db, await s.orgOfAccount(x.db, x.params.platform ?? '', handleKey(x.query.get('account') ?? '')));
const callbackAccount: ScopeOf = async (x) => orgScope(x.db, await s.orgOfOAuthState(x.db, x.query.get('state') ?? ''));

const pub: Rule = { public: true };
const r = (permission: Permission, scope: ScopeOf = global): Rule => ({ permission, scope });
/** Lists whose action filters rows by what the caller may read. */
const filtered = r('signed_in');

export const POLICIES: Record<string, Rule> = {
  'GET /health': pub,
  'GET /openapi.json': pub,
  'GET /docs': pub,
  'POST /auth/login': pub,
  'GET /auth/me': pub,
  'POST /auth/logout': pub,
  'POST /auth/password': r('signed_in'),
  'GET /me/alerts': r('signed_in'), // the action keeps to what the caller holds or manages
  /** The iCalendar feed: its secret file name is the credential (calendar apps cannot sign in). */
  'GET /calendar/{file}': pub,

  'GET /users': r('admin'),
  'POST /users': r('admin'),
  'GET /users/{id}': r('admin'),
  'PATCH /users/{id}': r('admin'),
  'DELETE /users/{id}': r('admin'),
  'POST /users/{id}/password': r('admin'),

  'POST /imports': r('signed_in'), // the import refuses rows of organisations the caller may not change

  'GET /organizations': r('signed_in'),
  'POST /organizations': r('admin'),
  'GET /organizations/{code}': r('signed_in', org()),
  'PATCH /organizations/{code}': r('org_manage', org()),
  'DELETE /organizations/{code}': r('admin', org()),

  'GET /groups': r('signed_in'),
  'POST /groups': r('admin'),
  'GET /groups/{code}': r('signed_in', group()),
  'PATCH /groups/{code}': r('network_manage', group()),
  'DELETE /groups/{code}': r('network_manage', group()),
  'GET /groups/{code}/members': r('signed_in', group()),
  'PUT /groups/{code}/members/{org}': r('network_manage', group()),
  'DELETE /groups/{code}/members/{org}': r('network_manage', group()),

  'GET /accounts': r('signed_in'),
  'POST /accounts': r('org_manage', bodyOrg),
  'GET /accounts/{platform}/{handle}': r('signed_in', account),
  'PATCH /accounts/{platform}/{handle}': r('org_manage', account),
  'DELETE /accounts/{platform}/{handle}': r('org_manage', account),
  'PUT /accounts/{platform}/{handle}/holders/{member}': r('org_manage', account),
  'DELETE /accounts/{platform}/{handle}/holders/{member}': r('org_manage', account),
  'PUT /accounts/{platform}/{handle}/snapshots/{date}': r('org_report', account),
  'GET /accounts/{platform}/{handle}/snapshots': r('signed_in', account),
  'POST /accounts/{platform}/{handle}/sync': r('org_manage', account),

  'GET /organizations/{code}/members': r('org_read', org()),
  'POST /organizations/{code}/members': r('org_manage', org()),
  'GET /members/{id}': r('org_read', row('team_members')),
  'PATCH /members/{id}': r('org_manage', row('team_members')),
  'DELETE /members/{id}': r('org_manage', row('team_members')),

  'GET /contacts': r('org_read', contactList),
  'POST /contacts': r('org_contacts', bodyOrg),
  'GET /contacts/{id}': r('org_read', row('contacts')),
  'PATCH /contacts/{id}': r('org_contacts', row('contacts')),
  'DELETE /contacts/{id}': r('org_contacts', row('contacts')),

  'GET /audit': r('admin'),

  'GET /organizations/{code}/metrics': r('signed_in', org()),
  'GET /organizations/{code}/series/followers': r('signed_in', org()),
  'GET /organizations/{code}/series/activity': r('signed_in', org()),
  'GET /organizations/{code}/posts/top': r('signed_in', org()),
  'GET /organizations/{code}/best-times': r('signed_in', org()),
  'GET /organizations/{code}/breakouts': r('signed_in', org()),
  'GET /organizations/{code}/gaps': r('signed_in', org()),
  'GET /groups/{code}/benchmark': r('network_read', group()),
  'GET /groups/{code}/composite': r('network_read', group()),

  'POST /reports': r('org_report', bodyParams),
  'GET /reports': filtered,
  'GET /reports/{id}': r('org_read', stored('reports')),
  'DELETE /reports/{id}': r('org_report', stored('reports')),
  'GET /reports/{id}/download': r('org_read', stored('reports')),
  'POST /report-schedules': r('org_report', bodyParams),
  'GET /report-schedules': filtered,
  'GET /report-schedules/{id}': r('org_read', stored('report_schedules')),
  'PATCH /report-schedules/{id}': r('org_report', stored('report_schedules')),
  'DELETE /report-schedules/{id}': r('org_report', stored('report_schedules')),

  'GET /connections': filtered,
  'GET /connections/{platform}/authorize': r('org_manage', authorizeAccount),
  'GET /connections/{platform}/callback': r('org_manage', callbackAccount),
  'DELETE /connections/{platform}/{handle}': r('org_manage', account),

  'GET /organizations/{code}/content': r('org_read', org()),
  'POST /organizations/{code}/content': r('org_content', org()),
  'GET /content/{id}': r('org_read', row('content_items')),
  'PATCH /content/{id}': r('org_content', row('content_items')),
  'DELETE /content/{id}': r('org_content', row('content_items')),
  'POST /content/{id}/transitions': r('org_read', row('content_items')), // the workflow decides (author / approver)
  'GET /content/{id}/comments': r('org_read', row('content_items')),
  'POST /content/{id}/comments': r('org_content', row('content_items')),
  'GET /content/{id}/checks': r('org_read', row('content_items')),
  'GET /organizations/{code}/persona': r('org_read', org()),
  'PUT /organizations/{code}/persona': r('org_manage', org()),
  'GET /organizations/{code}/calendar-token': r('org_read', org()),
  'POST /organizations/{code}/calendar-token': r('org_manage', org()),

  'GET /groups/{code}/practice-framework': r('network_read', group()),
  'PUT /groups/{code}/practice-framework': r('network_manage', group()),
  'GET /organizations/{code}/practice-assessments/{period}': r('org_read', org()),
  'PUT /organizations/{code}/practice-assessments/{period}': r('org_practice', org()),
  'GET /organizations/{code}/practice-assessments/{period}/history': r('org_read', org()),
  'POST /organizations/{code}/practice-assessments/{period}/review-request': r('org_contacts', org()),
  'GET /groups/{code}/practice-benchmark': r('network_read', group()),
  'GET /groups/{code}/practice-association': r('network_read', group()),
  'GET /organizations/{code}/practice-observed/{period}': r('org_read', org()),
  'GET /groups/{code}/practice-outcomes': r('network_read', group()),
  'GET /groups/{code}/practice-cases': r('network_read', group()),
  'POST /groups/{code}/practice-cases': r('network_manage', group()),
  'GET /practice-cases/{id}': r('network_read', groupRow('practice_cases')),
  'PATCH /practice-cases/{id}': r('network_manage', groupRow('practice_cases')),
  'DELETE /practice-cases/{id}': r('network_manage', groupRow('practice_cases')),

  'GET /accounts/{platform}/{handle}/cadence': r('org_read', account),
  'PUT /accounts/{platform}/{handle}/cadence': r('org_manage', account),
  'GET /organizations/{code}/cadence': r('org_read', org()),

  'GET /organizations/{code}/media': r('org_read', org()),
  'GET /organizations/{code}/media-tags': r('org_read', org()),
  'POST /organizations/{code}/media': r('org_content', org()),
  'GET /media/{id}': r('org_read', row('media')),
  'GET /media/{id}/uses': r('org_read', row('media')),
  'GET /media/{id}/file': r('org_read', row('media')),
  'GET /media/{id}/thumbnail': r('org_read', row('media')),
  'GET /public-media/{token}': pub, // the signed link is the credential (platforms download post media)
  'PATCH /media/{id}': r('org_content', row('media')),
  'DELETE /media/{id}': r('org_content', row('media')),

  'GET /organizations/{code}/meetings': r('org_read', org()),
  'GET /organizations/{code}/evaluation-agenda': r('org_read', org()),
  'POST /organizations/{code}/meetings': r('org_content', org()),
  'GET /meetings/{id}': r('org_read', row('meetings')),
  'GET /meetings/{id}/minutes.md': r('org_read', row('meetings')),
  'GET /meetings/{id}/minutes.pdf': r('org_read', row('meetings')),
  'PATCH /meetings/{id}': r('org_content', row('meetings')),
  'POST /meetings/{id}/agenda/generate': r('org_content', row('meetings')),
  'POST /meetings/{id}/decisions': r('org_content', row('meetings')),
  'POST /meetings/{id}/action-items': r('org_content', row('meetings')),
  'DELETE /meetings/{id}': r('org_manage', row('meetings')),
  'PATCH /decisions/{id}': r('org_content', via('meeting_decisions', 'meeting_id', 'meetings')),
  'DELETE /decisions/{id}': r('org_content', via('meeting_decisions', 'meeting_id', 'meetings')),
  'POST /decisions/{id}/content': r('org_content', via('meeting_decisions', 'meeting_id', 'meetings')),
  'PATCH /action-items/{id}': r('org_content', via('meeting_action_items', 'meeting_id', 'meetings')),
  'DELETE /action-items/{id}': r('org_content', via('meeting_action_items', 'meeting_id', 'meetings')),

  'GET /organizations/{code}/inbox': r('org_read', org()),
  'GET /organizations/{code}/inbox/stats': r('org_read', org()),
  'POST /organizations/{code}/inbox/sync': r('org_content', org()),
  'GET /inbox/{id}': r('org_read', row('inbox_entries')),
  'PATCH /inbox/{id}': r('org_content', row('inbox_entries')),
  'POST /inbox/{id}/reply': r('org_content', row('inbox_entries')),
  'PATCH /inbox/{id}/replies/{reply}': r('org_content', row('inbox_entries')),

  'GET /organizations/{code}/publications': r('org_read', org()),
  'GET /publications/{id}': r('org_read', via('publications', 'item_id', 'content_items')),
  'POST /publications/{id}/settle': r('org_manage', via('publications', 'item_id', 'content_items')),
};


interface Compiled {
  method: string;
  pattern: string;
  re: RegExp;
  names: string[];
  rule: Rule;
}

function compile(table: Record<string, Rule>): Compiled[] {
  return Object.entries(table).map(([key, rule]) => {
    const [method = '', pattern = ''] = key.split(' ');
    const names: string[] = [];
    const source = pattern.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, n: string) => {
      names.push(n);
      return '([^/]+)';
    });
    return { method, pattern, re: new RegExp(`^${source}$`), names, rule };
  });
}

const COMPILED = compile(POLICIES);

/** The rule of a request (path relative to /api), with its path parameters; undefined when none. */
export function ruleFor(method: string, path: string): { key: string; rule: Rule; params: Record<string, string> } | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  for (const c of COMPILED) {
    if (c.method !== m) continue;
    const hit = c.re.exec(path);
    if (!hit) continue;
    const params: Record<string, string> = {};
    c.names.forEach((n, i) => {
      try {
        params[n] = decodeURIComponent(hit[i + 1] ?? '');
      } catch {
        params[n] = hit[i + 1] ?? '';
      }
    });
    return { key: `${c.method} ${c.pattern}`, rule: c.rule, params };
  }
  return undefined;
}
