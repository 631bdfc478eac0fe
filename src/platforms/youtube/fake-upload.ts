// The YouTube fake's resumable uploads: the metadata POST opens a session (Location), the PUT of the
// bytes creates the video at the top of the channel's uploads. Needs the youtube.upload scope.
import type { FakeRequest, FakeResponse } from '../fake-server.ts';
import type { FakeChannel, FakeVideo } from './fake.ts';

export const UPLOAD_SCOPE = 'https://www.googleapis.com/auth/youtube.upload';

export interface FakeUploadSession {
  id: string;
  channelId: string;
  title: string;
  description: string;
  privacyStatus: string | undefined;
  declaredBytes: number;
  contentType: string | undefined;
  /** Set once the bytes arrived. */
  videoId?: string;
  receivedBytes?: number;
}

const gErr = (code: number, reason: string, message: string, domain = 'youtube.video') => ({ error: { code, message, errors: [{ message, domain, reason }] } });

export class FakeYtUploads {
  readonly sessions = new Map<string, FakeUploadSession>();
  /** Uploads the channel may still make today (uploadLimitExceeded past it). */
  uploadsLeft = 100;
  private seq = 0;

  constructor(private readonly channels: FakeChannel[], private readonly base: () => string) {}

  handle(r: FakeRequest, subject: string | undefined, scopes: string): FakeResponse {
    if (!subject) return { status: 401, body: gErr(401, 'authError', 'Request had invalid authentication credentials.', 'global') };
    if (!scopes.split(' ').includes(UPLOAD_SCOPE)) return { status: 403, body: gErr(403, 'insufficientPermissions', 'Request had insufficient authentication scopes.', 'global') };
    const channel = this.channels.find((c) => c.id === subject);
    if (!channel) return { status: 403, body: gErr(403, 'forbidden', 'The channel cannot upload.') };
    const uploadId = r.query.get('upload_id');
    if (r.method === 'POST' && !uploadId) return this.open(r, channel);
    if (r.method === 'PUT' && uploadId) return this.receive(r, channel, uploadId);
    return { status: 400, body: gErr(400, 'badRequest', 'Unsupported upload request.', 'global') };
  }

  private open(r: FakeRequest, channel: FakeChannel): FakeResponse {
    if (r.query.get('uploadType') !== 'resumable' || !(r.query.get('part') ?? '').includes('snippet')) return { status: 400, body: gErr(400, 'missingRequiredParameter', 'No filter selected.', 'youtube.parameter') };
    const meta = r.json() as { snippet?: { title?: string; description?: string }; status?: { privacyStatus?: string } } | undefined;
    const title = meta?.snippet?.title ?? '';
    if (!title.trim() || [...title].length > 100 || /[<>]/.test(title)) return { status: 400, body: gErr(400, 'invalidTitle', 'The request metadata specifies an invalid or empty video title.') };
    if (Buffer.byteLength(meta?.snippet?.description ?? '') > 5000 || /[<>]/.test(meta?.snippet?.description ?? '')) return { status: 400, body: gErr(400, 'invalidDescription', 'The request metadata specifies an invalid video description.') };
    if (this.uploadsLeft <= 0) return { status: 400, body: gErr(400, 'uploadLimitExceeded', 'The user has exceeded the number of videos they may upload.') };
    const id = `up${++this.seq}x${Date.now().toString(36)}`;
    const declared = Number(r.headers['x-upload-content-length'] ?? NaN);
    this.sessions.set(id, {
      id, channelId: channel.id, title, description: meta?.snippet?.description ?? '', privacyStatus: meta?.status?.privacyStatus,
      declaredBytes: declared, contentType: r.headers['x-upload-content-type'] as string | undefined,
    });
    return { status: 200, headers: { location: `${this.base()}/upload/youtube/v3/videos?uploadType=resumable&upload_id=${id}` } };
  }

  private receive(r: FakeRequest, channel: FakeChannel, uploadId: string): FakeResponse {
    const s = this.sessions.get(uploadId);
    if (!s || s.channelId !== channel.id) return { status: 404, body: gErr(404, 'notFound', 'The upload session does not exist.', 'global') };
    if (s.videoId) return { status: 200, body: this.resource(channel, s) };
    const size = Number(r.headers['content-length'] ?? 0);
    // A chunk (Content-Range: bytes a-b/total) or the whole file.
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(r.headers['content-range'] ?? ''));
    let received = size;
    if (range) {
      const [from, to, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
      if (from !== (s.receivedBytes ?? 0) || to - from + 1 !== size || total !== s.declaredBytes)
        return { status: 400, body: gErr(400, 'badContent', `unexpected chunk ${from}-${to}/${total} after ${s.receivedBytes ?? 0} bytes`, 'global') };
      s.receivedBytes = to + 1;
      if (to + 1 < total) return { status: 308, headers: { range: `bytes=0-${to}` } };
      received = total;
    }
    if (Number.isFinite(s.declaredBytes) && received !== s.declaredBytes) return { status: 400, body: gErr(400, 'badContent', `expected ${s.declaredBytes} bytes, got ${received}`, 'global') };
    this.uploadsLeft -= 1;
    const videoId = `vid${String(++this.seq).padStart(8, '0')}`;
    const video: FakeVideo = { id: videoId, title: s.title, publishedAt: new Date().toISOString(), duration: 'PT45S', views: 0, likes: 0, comments: 0 };
    channel.videos.unshift(video);
    channel.videoCount += 1;
    s.videoId = videoId;
    s.receivedBytes = received;
    return { status: 200, body: this.resource(channel, s) };
  }

  private resource(channel: FakeChannel, s: FakeUploadSession): unknown {
    return {
      kind: 'youtube#video', etag: `e${s.videoId ?? ''}`, id: s.videoId,
      snippet: { publishedAt: new Date().toISOString(), channelId: channel.id, title: s.title, description: s.description },
      status: { uploadStatus: 'uploaded', privacyStatus: s.privacyStatus ?? 'public' },
    };
  }
}
