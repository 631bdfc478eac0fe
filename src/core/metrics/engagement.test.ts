import { describe, it, expect } from 'vitest';
import { engagements, erPost } from './engagement.ts';

describe('engagements', () => {
  const all = { likes: 1, comments: 10, shares: 100, quotes: 1000, saves: 10000, views: 5, impressions: 6, reach: 7 };

  it('sums the public counts of each platform', () => {
    expect(engagements('facebook', all)).toBe(111);
    expect(engagements('instagram', all)).toBe(11);
    expect(engagements('x', all)).toBe(1111);
    expect(engagements('youtube', all)).toBe(11);
    expect(engagements('tiktok', all)).toBe(10111);
    expect(engagements('linkedin', all)).toBe(111);
  });

  it('reads a missing count as 0 while another formula count is known', () => {
    expect(engagements('x', { likes: 4, comments: null })).toBe(4);
    expect(engagements('instagram', { likes: 0 })).toBe(0);
  });

  it('is null when every formula count is missing, even if other counts are known', () => {
    expect(engagements('instagram', { shares: 5, views: 100, likes: null })).toBeNull();
    expect(engagements('youtube', {})).toBeNull();
  });
});

describe('erPost', () => {
  it('divides by the denominator in percent', () => {
    expect(erPost(50, 1000)).toBe(5);
  });
  it('is null for an unknown or zero denominator or unknown engagements', () => {
    expect(erPost(50, 0)).toBeNull();
    expect(erPost(50, null)).toBeNull();
    expect(erPost(50, undefined)).toBeNull();
    expect(erPost(null, 100)).toBeNull();
  });
});
