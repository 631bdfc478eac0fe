// Test support for publishing: an organisation with connected Facebook and X accounts on the fakes, and
// content items taken through the workflow to `scheduled`, as a team would.
import { createAccount } from '../actions/accounts.ts';
import { createContent, transitionContent } from '../actions/content.ts';
import { SYSTEM, type Deps } from '../actions/context.ts';
import { createOrganization } from '../actions/organizations.ts';
import { findAccount } from '../db/queries/accounts.ts';
import { saveConnection } from '../db/queries/connections.ts';
import type { Fakes } from '../platforms/fakes.ts';
import { seal, tokenKey } from '../platforms/secrets.ts';

export const PUBLISH_SECRET = 'f'.repeat(64);
export const FB_PAGE = '104512345678901';
export const X_USER = '1234567890123456789';

/** A connection as a finished OAuth flow would have left it. */
export async function connectAccount(deps: Deps, platform: string, handle: string, t: { accessToken: string; refreshToken?: string | null; expiresAt?: string | null }, secret = PUBLISH_SECRET): Promise<void> {
  const a = await findAccount(deps.db.kysely, platform, handle.toLowerCase());
  if (!a) throw new Error(`no ${platform}/${handle}`);
  const key = tokenKey(secret);
  const at = new Date().toISOString();
  await saveConnection(deps.db.kysely, {
    account_id: a.id, platform, status: 'active',
    access_token: seal(t.accessToken, key, `connections:${a.id}:access_token`),
    refresh_token: t.refreshToken ? seal(t.refreshToken, key, `connections:${a.id}:refresh_token`) : null,
    expires_at: t.expiresAt ?? null, scopes: '', last_error: null, flagged_at: null, created_at: at, updated_at: at,
  });
}

/** BSN with the fakes' Facebook Page and X user, both connected. */
export async function seedPublishing(deps: Deps, fakes: Fakes): Promise<void> {
  await createOrganization(SYSTEM, { code: 'BSN', name: 'Badan Standardisasi Nasional', timezone: 'Asia/Jakarta' }, deps);
  await createAccount(SYSTEM, { org: 'BSN', platform: 'facebook', handle: 'examplestandards', owned: true, external_id: FB_PAGE }, deps);
  await createAccount(SYSTEM, { org: 'BSN', platform: 'x', handle: 'example_std', owned: true, external_id: X_USER }, deps);
  await connectAccount(deps, 'facebook', 'examplestandards', { accessToken: fakes.facebook.pageToken() });
  const xg = fakes.x.grant();
  await connectAccount(deps, 'x', 'example_std', { ...xg, expiresAt: new Date(Date.now() + 7200_000).toISOString() });
}

export interface ItemSpec {
  title: string;
  /** Text per platform; the item is posted from the BSN account of each platform named. */
  texts: Partial<Record<'facebook' | 'x', string>>;
  at: string;
}

const HANDLES = { facebook: 'examplestandards', x: 'example_std' } as const;

/** Creates an item and moves it draft -> in_review -> approved -> scheduled at `at`; returns its id. */
export async function scheduleItem(deps: Deps, spec: ItemSpec): Promise<number> {
  const platforms = Object.keys(spec.texts) as ('facebook' | 'x')[];
  const item = await createContent(SYSTEM, 'BSN', {
    title: spec.title, status: 'draft',
    accounts: platforms.map((p) => ({ platform: p, handle: HANDLES[p] })),
    variants: platforms.map((p) => ({ platform: p, text: spec.texts[p] ?? '' })),
  }, deps);
  for (const to of ['in_review', 'approved'] as const) await transitionContent(SYSTEM, item.id, { to }, deps);
  await transitionContent(SYSTEM, item.id, { to: 'scheduled', scheduled_at: spec.at }, deps);
  return item.id;
}
