// The one interface every platform adapter implements, the shapes it returns, and its five typed errors.
import type { Platform, PostType } from '../core/platforms.ts';

/** Tokens of one connected account, in the clear (they are sealed before they reach the database). */
export interface TokenSet {
  accessToken: string;
  refreshToken: string | null;
  /** ISO instant; null when the token does not expire (Facebook Page tokens). */
  expiresAt: string | null;
  scopes: string[];
}

/** Which account a call is about: the socialbench account's handle and, when known, the platform's id. */
export interface Target {
  handle: string;
  externalId: string | null;
}

/**
 * How a call authenticates: the account's own token, the app's public access (API key, app bearer or
 * app token), or an owned account's token reading a peer (Instagram Business Discovery).
 */
export type Access =
  | { kind: 'owner'; accessToken: string }
  | { kind: 'public' }
  | { kind: 'peer'; accessToken: string; viaExternalId: string };

/** Per call: the access plus a meter for platforms that charge quota units (YouTube). */
export interface CallContext {
  access: Access;
  onCost?: (bucket: string, units: number) => void;
}

export interface ProfileCounts {
  externalId: string;
  handle: string | null;
  displayName: string | null;
  /** null when the platform hides it (YouTube hidden subscriber counts). */
  followers: number | null;
  following: number | null;
  postsTotal: number | null;
  viewsTotal: number | null;
}

export interface PostCounts {
  likes: number | null;
  comments: number | null;
  shares: number | null;
  quotes: number | null;
  saves: number | null;
  views: number | null;
  impressions: number | null;
  reach: number | null;
}

export interface PlatformPost {
  postId: string;
  publishedAt: string;
  type: PostType;
  text: string | null;
  mediaCount: number | null;
  permalink: string | null;
  counts: PostCounts;
}

/** A page of posts, newest first; `next` is an opaque page token, null on the last page. */
export interface PostsPage {
  items: PlatformPost[];
  next: string | null;
}

/** One platform's rendering of a content item (the planning issue supplies these later). */
export interface Variant {
  text: string;
  link?: string | undefined;
  /** Public URLs of media the platform downloads. */
  mediaUrls?: string[] | undefined;
  /** A title where the platform has one (YouTube); else the text's first line is used. */
  title?: string | undefined;
  /** The media to attach, in order (resolved from the media library just before publishing). */
  media?: VariantMedia[] | undefined;
}

/** One file of a variant: a public URL for platforms that download it, a reader for those that take an upload. */
export interface VariantMedia {
  kind: 'image' | 'gif' | 'video';
  /** Detected content type, e.g. image/jpeg; null for media described by hand. */
  mime: string | null;
  bytes: number | null;
  altText?: string | undefined;
  /** A signed public URL, or undefined when none can be given (PUBLIC_URL not set). */
  url?: string | undefined;
  /** Reads bytes of the file (library media only; not kept with the sent variant). */
  read?: ((offset: number, length: number) => Promise<Uint8Array>) | undefined;
}

export interface Published {
  postId: string;
  permalink: string | null;
}

/**
 * What a read-back of the account's recent posts found: the post a lost publish answer created, or
 * nothing; `complete` says the listing reached back past the moment the publish began (so "nothing"
 * means it was not published), false when it stopped early (a person should look).
 */
export type LookupResult = { found: Published } | { found: null; complete: boolean };

export interface InboxEntry {
  id: string;
  /** reply: a comment answering another comment (parentId names it). */
  kind: 'comment' | 'reply' | 'mention';
  /** The post it belongs to (comments) or null (mentions). */
  postId: string | null;
  /** The comment it answers, when the platform says. */
  parentId?: string | null | undefined;
  /** The author's handle where the platform has handles, else the name it shows. */
  author: string | null;
  authorName?: string | null | undefined;
  /** The author's platform id: tells our own account's comments from others'. */
  authorId?: string | null | undefined;
  text: string;
  createdAt: string;
}

export interface InboxPage {
  items: InboxEntry[];
  next: string | null;
}

export interface AuthorizeRequest {
  state: string;
  redirectUri: string;
  /** S256 challenge; sent only by adapters whose platform offers PKCE. */
  codeChallenge: string;
}

export interface PlatformAdapter {
  readonly platform: Platform;
  /** Whether the platform's OAuth takes a PKCE challenge (the verifier is then kept until the callback). */
  readonly pkce: boolean;
  /** Whether app-level public reads are configured (API key, app bearer, app token). */
  readonly publicReads: boolean;

  authorizeUrl(req: AuthorizeRequest): string;
  /** Exchanges the callback's code; `target` picks the Page or channel when one login manages several. */
  exchangeCode(code: string, redirectUri: string, codeVerifier: string, target: Target): Promise<{ tokens: TokenSet; externalId: string | null }>;
  /** A fresh token set; throws AuthExpired when the refresh token is dead (the user must connect again). */
  refresh(tokens: TokenSet): Promise<TokenSet>;

  profile(target: Target, ctx: CallContext): Promise<ProfileCounts>;
  /** One page of posts with their current counts, newest first; `page` is a previous page's `next`. */
  posts(target: Target, ctx: CallContext, page: string | null): Promise<PostsPage>;

  /** Never retried inside: a lost answer is OutcomeUnknown and a human (or a read-back) decides. */
  publish?(target: Target, ctx: CallContext, variant: Variant): Promise<Published>;
  /** Looks among the account's posts since `since` (ISO instant) for one published from `variant`; reads only. */
  findPublished?(target: Target, ctx: CallContext, variant: Variant, since: string): Promise<LookupResult>;
  comments?(target: Target, ctx: CallContext, postId: string, page: string | null): Promise<InboxPage>;
  mentions?(target: Target, ctx: CallContext, page: string | null): Promise<InboxPage>;
  reply?(target: Target, ctx: CallContext, inReplyTo: string, text: string): Promise<Published>;
}

// ---- errors

export type PlatformErrorKind = 'auth_expired' | 'rate_limited' | 'rejected' | 'temporary' | 'outcome_unknown';

/** What the platform said, for logs and last_error; never holds tokens or request URLs. */
export interface PlatformErrorInfo {
  status?: number | undefined;
  code?: string | number | undefined;
  subcode?: number | undefined;
}

export abstract class PlatformError extends Error {
  abstract readonly kind: PlatformErrorKind;
  constructor(
    readonly platform: Platform,
    message: string,
    readonly info: PlatformErrorInfo = {},
  ) {
    super(`${platform}: ${message}`);
    this.name = new.target.name;
  }
}

/** The token is expired, revoked or invalid: refresh it, or the user connects again. */
export class AuthExpired extends PlatformError {
  readonly kind = 'auth_expired';
}

/** Too many calls or no quota left: try again at retryAt (ISO instant). */
export class RateLimited extends PlatformError {
  readonly kind = 'rate_limited';
  constructor(platform: Platform, message: string, readonly retryAt: string, info: PlatformErrorInfo = {}) {
    super(platform, message, info);
  }
}

/** The platform refused this request (bad content, duplicate, policy block, missing permission): do not retry as is. */
export class Rejected extends PlatformError {
  readonly kind = 'rejected';
}

/** A passing failure (5xx, timeout on a read, connection refused): retry later with backoff. */
export class Temporary extends PlatformError {
  readonly kind = 'temporary';
}

/** The request may have taken effect but no answer came (reset or timeout after sending a write). */
export class OutcomeUnknown extends PlatformError {
  readonly kind = 'outcome_unknown';
}
