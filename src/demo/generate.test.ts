import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { localDate } from '../core/time.ts';
import { demoScale, generateDemo } from './generate.ts';
import { BSN_REPORTED } from './bsn.ts';
import { ENGAGEMENT_RATE } from './activity.ts';
import { median, medianEngagementRate } from './stats.ts';

const TODAY = '2026-11-27';

function digest(seed: number, today = TODAY): string {
  const h = createHash('sha256');
  for (const chunk of generateDemo({ scale: 0.05, seed, today }).chunks()) {
    h.update(chunk.table);
    for (const row of chunk.rows) h.update(JSON.stringify(row));
  }
  return h.digest('hex');
}

describe('demo generator', () => {
  it('gives identical rows for the same seed and different rows for another', () => {
    const a = digest(7);
    expect(digest(7)).toBe(a);
    expect(digest(8)).not.toBe(a);
  });

  it('follows the documented scale formula', () => {
    expect(demoScale(1)).toEqual({ organizations: 169, historyDays: 730, postRate: 1 });
    expect(demoScale(10)).toMatchObject({ organizations: 169, historyDays: 1825 });
    expect(demoScale(10).postRate).toBeCloseTo(3.9);
    expect(demoScale(0.05)).toEqual({ organizations: 8, historyDays: 60, postRate: 1 });
    expect(() => demoScale(0)).toThrow(/positive/);
  });

  it('passes exactly through BSN reported follower figures and keeps growing', () => {
    const data = generateDemo({ scale: 0.05, today: TODAY });
    const bsn = data.plan.organizations.find((o) => o.code === 'BSN');
    const accounts = data.plan.accounts.filter((a) => a.organization_id === bsn?.id);
    expect(accounts.map((a) => `${a.platform}:${a.handle}`).sort()).toEqual(
      ['facebook:bsn.sni', 'instagram:bsn_sni', 'x:bsn_sni', 'youtube:bsn_sni'],
    );
    const byAccount = new Map(accounts.map((a) => [a.id, a.platform]));
    const seen: Record<string, number> = {};
    for (const activity of data.activity()) {
      for (const s of activity.snapshots) {
        const platform = byAccount.get(s.account_id);
        if (!platform) continue;
        const reported = BSN_REPORTED[s.date]?.[platform];
        if (reported !== undefined) seen[`${s.date} ${platform}`] = s.followers;
      }
    }
    const expected = Object.fromEntries(
      Object.entries(BSN_REPORTED).flatMap(([date, values]) => Object.entries(values).map(([p, v]) => [`${date} ${p}`, v])),
    );
    expect(seen).toEqual(expected);
  });

  it('gives unique post ids and handles per platform, daytime local hours and SNImin texts', () => {
    const data = generateDemo({ scale: 0.05, today: TODAY });
    const handles = new Set(data.plan.accounts.map((a) => `${a.platform}:${a.handle_key}`));
    expect(handles.size).toBe(data.plan.accounts.length);
    const ids = new Set<string>();
    let posts = 0;
    let sniminMentions = 0;
    for (const [i, activity] of [...data.activity()].entries()) {
      const profile = data.plan.profiles[i];
      if (!profile) throw new Error('profile missing');
      for (const p of activity.posts) {
        ids.add(`${p.platform}:${p.post_id}`);
        posts++;
        expect(Date.parse(p.published_at)).toBeLessThan(Date.parse(`${TODAY}T00:00:00Z`));
        if (profile.persona === 'snimin') {
          expect(p.text).toMatch(/SNIzen/);
          if (/@isostandards|@kemenperin_ri/.test(p.text ?? '')) sniminMentions++;
        }
      }
      // Local dates of posts fall on days the account has snapshots for.
      const dates = new Set(activity.snapshots.map((s) => s.date));
      const hourIn = new Intl.DateTimeFormat('en-GB', { timeZone: profile.org.timezone, hour: 'numeric', hourCycle: 'h23' });
      for (const p of activity.posts.slice(0, 50)) {
        expect(dates.has(localDate(p.published_at, profile.org.timezone))).toBe(true);
        const hour = Number(hourIn.format(new Date(p.published_at)));
        expect(hour).toBeGreaterThanOrEqual(6);
        expect(hour).toBeLessThanOrEqual(22);
      }
    }
    expect(ids.size).toBe(posts);
    expect(sniminMentions).toBeGreaterThan(100);
  });

  it('puts the median member near the target engagement rate per platform, and BSN above it', () => {
    const data = generateDemo({ scale: 0.5, today: TODAY });
    const members: Record<string, number[]> = {};
    const bsn: Record<string, number> = {};
    for (const [i, activity] of [...data.activity()].entries()) {
      const profile = data.plan.profiles[i];
      if (!profile) throw new Error('profile missing');
      const rate = medianEngagementRate(profile, activity);
      if (rate === undefined) continue;
      if (profile.org.code === 'BSN') bsn[profile.platform] = rate;
      else if (profile.org.code !== 'ISO') (members[profile.platform] ??= []).push(rate);
    }
    for (const platform of ['facebook', 'instagram', 'x', 'youtube']) {
      const m = median(members[platform] ?? []);
      const target = ENGAGEMENT_RATE[platform] ?? 0;
      expect(m, platform).toBeGreaterThan(target * 0.6);
      expect(m, platform).toBeLessThan(target * 1.6);
      expect(bsn[platform], platform).toBeGreaterThan((m ?? 0) * 1.3);
    }
  });
});
