// Use cases for an organisation's iCalendar feed of planned content: its secret token and the feed itself.
import { randomBytes } from 'node:crypto';
import { writeCalendar } from '../core/content/ical.ts';
import { NotFound } from '../core/errors.ts';
import { platformDisplayName, type Platform } from '../core/platforms.ts';
import * as q from '../db/queries/content.ts';
import { findOrganizationById } from '../db/queries/organizations.ts';
import type { OrganizationRow } from '../db/schema.ts';
import type { CalendarTokenView } from './content-schemas.ts';
import { json, localTime } from './content.ts';
import type { Actor, Deps } from './context.ts';
import { requireOrganization } from './organizations.ts';

const newToken = (): string => randomBytes(24).toString('base64url');

async function tokenView(deps: Deps, org: OrganizationRow): Promise<CalendarTokenView> {
  const t = await q.findCalendarToken(deps.db.kysely, org.id);
  if (!t) throw new NotFound(`organisation ${org.code} has no calendar token`);
  return { org: org.code, token: t.token, path: `/api/calendar/${t.token}.ics`, created_at: t.created_at };
}

/** The feed's token, made on first request. */
export async function getCalendarToken(_actor: Actor, orgCode: string, deps: Deps): Promise<CalendarTokenView> {
  const org = await requireOrganization(deps, orgCode);
  await q.ensureCalendarToken(deps.db.kysely, org.id, newToken(), deps.now());
  return tokenView(deps, org);
}

/** A new token; the old feed address stops working. */
export async function rotateCalendarToken(_actor: Actor, orgCode: string, deps: Deps): Promise<CalendarTokenView> {
  const org = await requireOrganization(deps, orgCode);
  await q.setCalendarToken(deps.db.kysely, org.id, newToken(), deps.now());
  return tokenView(deps, org);
}

export const CALENDAR_LIMIT = 2000;

/** The iCalendar feed of an organisation's scheduled and published items; the token is the only key. */
export async function calendarFeed(token: string, deps: Deps): Promise<string> {
  const k = deps.db.kysely;
  const orgId = token ? await q.findOrganizationIdByToken(k, token) : undefined;
  const org = orgId === undefined ? undefined : await findOrganizationById(k, orgId);
  if (!org) throw new NotFound('no calendar at this address');
  const rows = await q.calendarItems(k, org.id, CALENDAR_LIMIT);
  const accounts = await q.accountsByIds(k, [...new Set(rows.flatMap((r) => json<number[]>(r.account_ids)))]);
  const now = deps.now();
  const events = rows.map((r) => {
    const start = r.scheduled_at ?? r.published_at ?? r.created_at;
    const mine = json<number[]>(r.account_ids).flatMap((id) => accounts.filter((a) => a.id === id));
    const platforms = [...new Set(mine.map((a) => a.platform))].map((p) => platformDisplayName(p as Platform, start.slice(0, 10)));
    const lines = [
      `Status: ${r.status}`,
      `Time (${org.timezone}): ${localTime(start, org.timezone)}`,
      mine.length ? `Accounts: ${mine.map((a) => `${a.platform}/${a.handle}`).join(', ')}` : null,
      r.campaign ? `Campaign: ${r.campaign}` : null,
      r.pillar ? `Pillar: ${r.pillar}` : null,
    ].filter((x): x is string => x !== null);
    return {
      uid: `content-${r.id}@socialbench`,
      start,
      stamp: now,
      summary: platforms.length ? `${r.title} (${platforms.join(', ')})` : r.title,
      description: lines.join('\n'),
      status: 'CONFIRMED' as const,
      lastModified: r.updated_at,
    };
  });
  return writeCalendar({ prodId: '-//socialbench//planning//EN', name: `${org.name} content`, events });
}
