// The media library's files on disk: an upload streamed to a temporary file while it is hashed, then kept
// as DATA_DIR/media/<org>/<sha256>.<ext> with a WebP thumbnail beside it (images; a poster placeholder for video).
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable, Transform } from 'node:stream';
import sharp from 'sharp';
import { HEAD_BYTES, imageDimensions, readMp4, type ByteSource, type Detected } from '../core/media/index.ts';
import type { Deps } from './context.ts';

/** The upload went past the limit; the partial file is already gone. */
export class UploadTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the file is larger than ${Math.round(limit / 1024 / 1024)} MB`);
  }
}

export interface ReceivedFile {
  /** The name the client gave; only shown to people. */
  name: string;
  path: string;
  sha256: string;
  bytes: number;
  /** The first HEAD_BYTES bytes, for detection and image headers. */
  head: Uint8Array;
  discard(): Promise<void>;
}

export function mediaRoot(deps: Deps): string {
  if (!deps.dataDir) throw new Error('the media library needs DATA_DIR (deps.dataDir is not set)');
  return join(deps.dataDir, 'media');
}

/** Streams a file into media/.incoming, hashing and counting; stops at `maxBytes`. */
export async function receiveFile(deps: Deps, name: string, source: AsyncIterable<Uint8Array> | Readable, maxBytes: number): Promise<ReceivedFile> {
  const dir = join(mediaRoot(deps), '.incoming');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${Date.now()}-${randomBytes(8).toString('hex')}`);
  const hash = createHash('sha256');
  const headParts: Buffer[] = [];
  let headLength = 0;
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) return done(new UploadTooLarge(maxBytes));
      hash.update(chunk);
      if (headLength < HEAD_BYTES) {
        const part = chunk.subarray(0, HEAD_BYTES - headLength);
        headParts.push(Buffer.from(part));
        headLength += part.length;
      }
      done(null, chunk);
    },
  });
  const discard = () => rm(path, { force: true });
  try {
    await pipeline(source instanceof Readable ? source : Readable.from(source), meter, createWriteStream(path));
  } catch (err) {
    await discard();
    throw err;
  }
  return { name, path, sha256: hash.digest('hex'), bytes, head: Buffer.concat(headParts), discard };
}

const EXTENSIONS: Record<string, string> = { jpeg: 'jpg', ole: 'doc' };

export function storedName(sha256: string, format: string): string {
  return `${sha256}.${EXTENSIONS[format] ?? format}`;
}

export function filePath(deps: Deps, orgCode: string, sha256: string, mime: string): string {
  return join(mediaRoot(deps), orgCode, storedName(sha256, formatOfMime(mime)));
}

export function thumbnailPath(deps: Deps, orgCode: string, sha256: string): string {
  return join(mediaRoot(deps), orgCode, 'thumbs', `${sha256}.webp`);
}

const MIME_FORMATS: Record<string, string> = {
  'image/jpeg': 'jpeg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp', 'image/avif': 'avif', 'image/heic': 'heic',
  'video/mp4': 'mp4', 'video/quicktime': 'mov', 'video/3gpp': '3gp', 'video/webm': 'webm', 'application/pdf': 'pdf',
  'application/zip': 'zip', 'application/x-ole-storage': 'ole',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
};

function formatOfMime(mime: string): string {
  return MIME_FORMATS[mime] ?? 'bin';
}

/** Moves a received file to its place (a file with the same content may already be there). */
export async function keepFile(deps: Deps, orgCode: string, f: ReceivedFile, detected: Detected): Promise<string> {
  const dest = filePath(deps, orgCode, f.sha256, detected.mime);
  await mkdir(join(mediaRoot(deps), orgCode), { recursive: true });
  await rename(f.path, dest);
  return dest;
}

export async function removeFiles(deps: Deps, orgCode: string, sha256: string, mime: string): Promise<void> {
  await rm(filePath(deps, orgCode, sha256, mime), { force: true });
  await rm(thumbnailPath(deps, orgCode, sha256), { force: true });
}

export interface Measured {
  width: number | null;
  height: number | null;
  durationSec: number | null;
}

async function fileSource(path: string): Promise<{ src: ByteSource; close(): Promise<void> }> {
  const fh = await open(path, 'r');
  const { size } = await fh.stat();
  return {
    src: {
      size,
      read: async (offset, length) => {
        const buf = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
        const { bytesRead } = await fh.read(buf, 0, buf.length, offset);
        return buf.subarray(0, bytesRead);
      },
    },
    close: () => fh.close(),
  };
}

/** Size (and a video's length) read from the file itself. */
export async function measure(path: string, head: Uint8Array, d: Detected): Promise<Measured> {
  const none: Measured = { width: null, height: null, durationSec: null };
  if (d.kind === 'image' || d.kind === 'gif') {
    const dims = imageDimensions(head, d.format);
    if (dims) return { ...none, ...dims };
    try {
      const m = await sharp(path, { autoOrient: true }).metadata();
      return m.width && m.height ? { ...none, width: m.width, height: m.height } : none;
    } catch {
      return none;
    }
  }
  if (d.kind === 'video' && (d.format === 'mp4' || d.format === 'mov' || d.format === '3gp')) {
    const f = await fileSource(path);
    try {
      const v = await readMp4(f.src);
      return { width: v.width ?? null, height: v.height ?? null, durationSec: v.durationSec ?? null };
    } finally {
      await f.close();
    }
  }
  return none;
}

const THUMB = 480;

/** A poster placeholder for a video, in its aspect ratio: a dark frame with a play mark. */
function posterSvg(width: number | null, height: number | null): Buffer {
  const ratio = width && height ? width / height : 16 / 9;
  const w = ratio >= 1 ? THUMB : Math.round(THUMB * ratio);
  const h = ratio >= 1 ? Math.round(THUMB / ratio) : THUMB;
  const r = Math.min(w, h) / 6;
  const cx = w / 2;
  const cy = h / 2;
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="#2d3748"/>` +
      `<circle cx="${cx}" cy="${cy}" r="${r * 1.4}" fill="#4a5568"/>` +
      `<path d="M${cx - r * 0.5} ${cy - r * 0.75} L${cx + r * 0.8} ${cy} L${cx - r * 0.5} ${cy + r * 0.75} Z" fill="#f7fafc"/></svg>`,
  );
}

/** Writes the thumbnail; false when there is none (documents, or an image sharp cannot read). */
export async function makeThumbnail(deps: Deps, orgCode: string, source: string, sha256: string, d: Detected, m: Measured): Promise<boolean> {
  const dest = thumbnailPath(deps, orgCode, sha256);
  await mkdir(join(mediaRoot(deps), orgCode, 'thumbs'), { recursive: true });
  try {
    if (d.kind === 'image' || d.kind === 'gif') {
      await sharp(source, { autoOrient: true, limitInputPixels: 100_000_000 }).resize(THUMB, THUMB, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 75 }).toFile(dest);
      return true;
    }
    if (d.kind === 'video') {
      await sharp(posterSvg(m.width, m.height)).webp({ quality: 80 }).toFile(dest);
      return true;
    }
  } catch {
    await rm(dest, { force: true });
  }
  return false;
}

export async function fileSize(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch {
    return undefined;
  }
}
