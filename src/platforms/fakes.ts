// Every platform fake at once, with the settings that point the adapters at them (tests and offline demos).
import type { PlatformSettings } from '../config.ts';
import { FAKE_FB_APP, FakeFacebook } from './facebook/fake.ts';
import { FakeInstagram } from './instagram/fake.ts';
import { FAKE_LINKEDIN_CLIENT, FakeLinkedin } from './linkedin/fake.ts';
import { FAKE_TIKTOK_CLIENT, FakeTiktok } from './tiktok/fake.ts';
import { FAKE_X_BEARER, FAKE_X_CLIENT, FakeX } from './x/fake.ts';
import { FAKE_GOOGLE_CLIENT, FAKE_YT_KEY, FakeYoutube } from './youtube/fake.ts';

export interface Fakes {
  facebook: FakeFacebook;
  instagram: FakeInstagram;
  x: FakeX;
  youtube: FakeYoutube;
  tiktok: FakeTiktok;
  linkedin: FakeLinkedin;
  settings: PlatformSettings;
  close(): Promise<void>;
}

export async function startFakes(opts: { timeoutMs?: number; publicUrl?: string } = {}): Promise<Fakes> {
  const [facebook, instagram, x, youtube, tiktok, linkedin] = await Promise.all([
    new FakeFacebook().start(), new FakeInstagram().start(), new FakeX().start(), new FakeYoutube().start(), new FakeTiktok().start(), new FakeLinkedin().start(),
  ]);
  const settings: PlatformSettings = {
    publicUrl: opts.publicUrl ?? 'http://localhost:3000',
    timeoutMs: opts.timeoutMs ?? 2000,
    facebook: { graphUrl: facebook.url, dialogUrl: facebook.url, version: 'v27.0', app: FAKE_FB_APP },
    instagram: { graphUrl: instagram.url },
    x: { apiUrl: x.url, authorizeUrl: `${x.url}/i/oauth2/authorize`, client: FAKE_X_CLIENT, bearerToken: FAKE_X_BEARER },
    youtube: { apiUrl: `${youtube.url}/youtube/v3`, authUrl: `${youtube.url}/o/oauth2/v2/auth`, tokenUrl: `${youtube.url}/token`, client: FAKE_GOOGLE_CLIENT, apiKey: FAKE_YT_KEY, dailyQuota: 10_000 },
    tiktok: { apiUrl: tiktok.url, authorizeUrl: `${tiktok.url}/v2/auth/authorize/`, client: FAKE_TIKTOK_CLIENT },
    linkedin: { apiUrl: linkedin.url, authUrl: linkedin.url, version: '202603', client: FAKE_LINKEDIN_CLIENT },
  };
  return {
    facebook, instagram, x, youtube, tiktok, linkedin, settings,
    close: async () => {
      await Promise.all([facebook.close(), instagram.close(), x.close(), youtube.close(), tiktok.close(), linkedin.close()]);
    },
  };
}
