// Platform-shaped post ids and links, unique per platform by construction (account index, sequence).
import type { Platform, PostType } from '../core/platforms.ts';

function mix32(x: number, key: number): number {
  let h = Math.imul(x ^ key, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca77);
  h ^= h >>> 13;
  return h >>> 0;
}

/** A 4-round Feistel permutation of 64 bits (two 32-bit halves): distinct inputs give distinct outputs. */
function scramble(hi: number, lo: number, salt: number): [number, number] {
  let l = hi >>> 0;
  let r = lo >>> 0;
  for (let round = 0; round < 4; round++) {
    const t = (l ^ mix32(r, salt + round * 0x632be5ab)) >>> 0;
    l = r;
    r = t;
  }
  return [l, r];
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** 64 bits as 11 base64url characters, like YouTube video ids and Instagram shortcodes. */
function base64url64(hi: number, lo: number): string {
  let s = '';
  for (let i = 0; i < 5; i++) s += B64[(lo >>> (6 * i)) & 63];
  s += B64[(lo >>> 30) | ((hi & 0xf) << 2)];
  const rest = hi >>> 4;
  for (let i = 0; i < 5; i++) s += B64[(rest >>> (6 * i)) & 63];
  return s;
}

function decimal64(hi: number, lo: number): string {
  return ((BigInt(hi) << 32n) | BigInt(lo)).toString();
}

const TWITTER_EPOCH = 1_288_834_974_657;
const SALT: Record<Platform, number> = { facebook: 11, instagram: 23, x: 37, youtube: 41, tiktok: 53, linkedin: 67 };

export interface PostIdentity {
  postId: string;
  permalink: string;
}

/**
 * `index` is the account's position among the demo accounts, `seq` the post's number within it,
 * `pageId` the Facebook page id; X ids are snowflakes, so they sort by time like the real ones.
 */
export function postIdentity(platform: Platform, type: PostType, handle: string, index: number, seq: number, publishedMs: number, pageId: string | null): PostIdentity {
  if (platform === 'x') {
    const t = BigInt(Math.max(0, publishedMs - TWITTER_EPOCH));
    const id = ((t << 22n) | BigInt(((index & 1023) << 12) | (seq & 4095))).toString();
    return { postId: id, permalink: `https://x.com/${handle}/status/${id}` };
  }
  const [hi, lo] = scramble(index, seq, SALT[platform]);
  switch (platform) {
    case 'facebook': {
      const n = decimal64(hi, lo);
      const kind = type === 'video' || type === 'live' ? 'videos' : 'posts';
      return { postId: `${pageId ?? index}_${n}`, permalink: `https://www.facebook.com/${handle}/${kind}/${n}` };
    }
    case 'instagram': {
      const code = base64url64(hi, lo);
      const id = decimal64(hi, lo);
      const permalink = type === 'story'
        ? `https://www.instagram.com/stories/${handle}/${id}/`
        : `https://www.instagram.com/${type === 'reel' ? 'reel' : 'p'}/${code}/`;
      return { postId: id, permalink };
    }
    case 'youtube': {
      const id = base64url64(hi, lo);
      return { postId: id, permalink: type === 'short' ? `https://www.youtube.com/shorts/${id}` : `https://www.youtube.com/watch?v=${id}` };
    }
    default: {
      const id = decimal64(hi, lo);
      return { postId: id, permalink: `https://www.linkedin.com/feed/update/urn:li:activity:${id}/` };
    }
  }
}
