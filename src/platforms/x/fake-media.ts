// The X fake's v2 media upload: one-shot images, initialize / append / finalize for video and GIF with a
// processing state that succeeds after a set number of STATUS reads, alt text, and the ids a post may carry.
import type { FakeRequest, FakeResponse } from '../fake-server.ts';

export interface FakeXMedia {
  id: string;
  owner: string;
  category: string;
  mediaType: string;
  totalBytes: number;
  received: number;
  segments: number;
  state: 'uploading' | 'pending' | 'in_progress' | 'succeeded' | 'failed';
  /** STATUS reads before succeeded. */
  checksLeft: number;
  altText?: string;
  usedBy?: string;
}

const problem = (status: number, detail: string) => ({ title: status === 400 ? 'Invalid Request' : 'Forbidden', detail, type: 'https://api.x.com/2/problems/invalid-request', status });

export class FakeXMediaUploads {
  readonly media = new Map<string, FakeXMedia>();
  /** STATUS reads a video stays in_progress; -1: its processing fails. */
  processingChecks = 1;
  private seq = 0;

  private async parts(r: FakeRequest): Promise<FormData> {
    return new Response(new Uint8Array(r.raw), { headers: { 'content-type': String(r.headers['content-type'] ?? '') } }).formData();
  }

  private add(owner: string, category: string, mediaType: string, totalBytes: number): FakeXMedia {
    const id = String(1994199000000000000n + BigInt(++this.seq));
    const m: FakeXMedia = { id, owner, category, mediaType, totalBytes, received: 0, segments: 0, state: 'uploading', checksLeft: this.processingChecks };
    this.media.set(id, m);
    return m;
  }

  private view(m: FakeXMedia, processing: boolean): unknown {
    const info = processing && m.state !== 'succeeded' ? { processing_info: { state: m.state, ...(m.state === 'failed' ? { error: { code: 1, name: 'InvalidMedia', message: 'Unsupported video codec' } } : { check_after_secs: 1, progress_percent: 40 }) } } : {};
    return { data: { id: m.id, media_key: `${m.category === 'tweet_image' ? 3 : 7}_${m.id}`, size: m.received, expires_after_secs: 86400, ...info } };
  }

  /** /2/media/... for the user `subject`; undefined for other paths. */
  async handle(r: FakeRequest, subject: string): Promise<FakeResponse | undefined> {
    const p = r.path;
    if (p === '/2/media/upload' && r.method === 'POST') {
      const f = await this.parts(r);
      const file = f.get('media');
      if (!(file instanceof Blob)) return { status: 400, body: problem(400, 'media is required') };
      const type = String(f.get('media_type') ?? file.type);
      if (!type.startsWith('image/')) return { status: 400, body: problem(400, 'one-shot upload takes images; use the chunked upload') };
      const m = this.add(subject, String(f.get('media_category') ?? 'tweet_image'), type, file.size);
      Object.assign(m, { received: file.size, segments: 1, state: 'succeeded' });
      return { status: 200, body: this.view(m, false) };
    }
    if (p === '/2/media/upload' && r.method === 'GET' && r.query.get('command') === 'STATUS') {
      const m = this.media.get(r.query.get('media_id') ?? '');
      if (!m || m.owner !== subject) return { status: 400, body: problem(400, 'unknown media_id') };
      if (m.state === 'pending' || m.state === 'in_progress') {
        if (m.checksLeft < 0) m.state = 'failed';
        else if (m.checksLeft === 0) m.state = 'succeeded';
        else {
          m.checksLeft -= 1;
          m.state = 'in_progress';
        }
      }
      return { body: this.view(m, true) };
    }
    if (p === '/2/media/upload/initialize' && r.method === 'POST') {
      const b = r.json() as { media_type?: string; total_bytes?: number; media_category?: string } | undefined;
      if (!b?.media_type || !b.total_bytes) return { status: 400, body: problem(400, 'media_type and total_bytes are required') };
      return { body: this.view(this.add(subject, b.media_category ?? 'tweet_video', b.media_type, b.total_bytes), false) };
    }
    const step = /^\/2\/media\/upload\/(\d+)\/(append|finalize)$/.exec(p);
    if (step && r.method === 'POST') {
      const m = this.media.get(step[1] ?? '');
      if (!m || m.owner !== subject || m.state !== 'uploading') return { status: 400, body: problem(400, 'no upload in progress for this media id') };
      if (step[2] === 'append') {
        const f = await this.parts(r);
        const chunk = f.get('media');
        if (Number(f.get('segment_index')) !== m.segments || !(chunk instanceof Blob)) return { status: 400, body: problem(400, 'segment_index out of order') };
        m.segments += 1;
        m.received += chunk.size;
        return { status: 200, body: { data: { expires_at: Math.floor(Date.now() / 1000) + 86400 } } };
      }
      if (m.received !== m.totalBytes) return { status: 400, body: problem(400, `expected ${m.totalBytes} bytes, received ${m.received}`) };
      m.state = 'pending';
      return { body: this.view(m, true) };
    }
    if (p === '/2/media/metadata' && r.method === 'POST') {
      const b = r.json() as { id?: string; metadata?: { alt_text?: { text?: string } } } | undefined;
      const m = this.media.get(b?.id ?? '');
      if (!m || m.owner !== subject) return { status: 400, body: problem(400, 'unknown media id') };
      if (b?.metadata?.alt_text?.text !== undefined) m.altText = b.metadata.alt_text.text;
      return { body: { data: { id: m.id, associated_metadata: b?.metadata ?? {} } } };
    }
    return undefined;
  }

  /** Checks the ids a post carries; a problem text, or the kind of media they make. */
  attach(ids: readonly string[], owner: string, tweetId: string): string | 'photo' | 'video' {
    const found = ids.map((id) => this.media.get(id));
    if (found.some((m) => !m || m.owner !== owner || m.state !== 'succeeded' || m.usedBy)) return 'Your media IDs are invalid.';
    const photos = found.every((m) => m?.category === 'tweet_image');
    if (!photos && ids.length > 1) return 'Your media IDs are invalid.';
    for (const m of found) if (m) m.usedBy = tweetId;
    return photos ? 'photo' : 'video';
  }
}
