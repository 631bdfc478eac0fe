import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { followerSummary, type FollowerSummaryInput } from './followers.ts';

const BSN_2019: FollowerSummaryInput = {
  org: 'BSN',
  from: '2019-01-01',
  to: '2019-08-09',
  platforms: [
    { platform: 'youtube', end: 905, growth: 213 },
    { platform: 'facebook', end: 8470, growth: 617 },
    { platform: 'x', end: 13300, growth: 3400 },
    { platform: 'instagram', end: 76670, growth: 24370 },
  ],
};

describe('follower summary', () => {
  it('reads as the office wrote it in 2019 (Indonesian)', () => {
    const expected = readFileSync(resolve(import.meta.dirname, '../../../shared/seed/expected-summary-id.txt'), 'utf8').trim();
    expect(followerSummary(BSN_2019, 'id').toLowerCase()).toBe(expected.toLowerCase());
  });

  it('says the same in English with English numbers', () => {
    expect(followerSummary(BSN_2019, 'en')).toBe(
      "As of August 2019, BSN's Facebook page had 8,470 followers, 617 more than in January 2019; " +
        'its Instagram account had 76,670 followers, 24,370 more than in January 2019; ' +
        'its Twitter account had 13,300 followers, 3,400 more than in January 2019; ' +
        'and its YouTube channel had 905 subscribers, 213 more than in January 2019.',
    );
  });

  it('names X as it was called at the end of the period and leaves out platforms without data', () => {
    const s = followerSummary({ org: 'BSN', from: '2024-01-01', to: '2024-06-30', platforms: [{ platform: 'x', end: 20000, growth: -150 }] }, 'id');
    expect(s).toBe('Hingga Juni 2024, jumlah follower untuk akun X BSN sejumlah 20.000 follower dengan penurunan sejak Januari 2024 sebesar 150 follower.');
    expect(followerSummary({ ...BSN_2019, platforms: [] }, 'en')).toBe('');
  });
});
