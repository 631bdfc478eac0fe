// Test support: small media files made in memory: an MP4 box tree with a video track, images through sharp.
import sharp from 'sharp';

function box(type: string, ...payload: Uint8Array[]): Uint8Array {
  const size = 8 + payload.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  v.setUint32(0, size);
  out.set(Buffer.from(type, 'latin1'), 4);
  let at = 8;
  for (const p of payload) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function bytes(n: number, fill: (v: DataView) => void): Uint8Array {
  const b = new Uint8Array(n);
  fill(new DataView(b.buffer));
  return b;
}

export interface Mp4Spec {
  width: number;
  height: number;
  durationSec: number;
  /** The track matrix turns the picture a quarter (as phones record portrait video). */
  quarterTurn?: boolean;
  /** Where the moov box is: after the media data (as cameras write) or before it (fast start). */
  moovAtEnd?: boolean;
  brand?: string;
  /** Write version 1 (64-bit) mvhd and tkhd. */
  version1?: boolean;
}

/** A structurally valid MP4 (no playable frames) whose boxes say what the spec says. */
export function makeMp4(s: Mp4Spec): Uint8Array {
  const timescale = 1000;
  const duration = Math.round(s.durationSec * timescale);
  const v1 = s.version1 ?? false;
  const ftyp = box('ftyp', Buffer.from(`${(s.brand ?? 'isom').padEnd(4)}\0\0\0\0isommp41`, 'latin1'));
  const mvhd = box('mvhd', bytes(v1 ? 112 : 100, (v) => {
    v.setUint8(0, v1 ? 1 : 0);
    if (v1) {
      v.setUint32(20, timescale);
      v.setBigUint64(24, BigInt(duration));
    } else {
      v.setUint32(12, timescale);
      v.setUint32(16, duration);
    }
  }));
  const tkhd = box('tkhd', bytes(v1 ? 96 : 84, (v) => {
    v.setUint8(0, v1 ? 1 : 0);
    const matrix = 4 + (v1 ? 32 : 20) + 16;
    const [a, b, c, d] = s.quarterTurn ? [0, 0x10000, -0x10000, 0] : [0x10000, 0, 0, 0x10000];
    v.setInt32(matrix, a);
    v.setInt32(matrix + 4, b);
    v.setInt32(matrix + 12, c);
    v.setInt32(matrix + 16, d);
    v.setInt32(matrix + 32, 0x40000000);
    const w = s.quarterTurn ? s.height : s.width;
    const h = s.quarterTurn ? s.width : s.height;
    v.setUint32(matrix + 36, w * 65536);
    v.setUint32(matrix + 40, h * 65536);
  }));
  const hdlr = (kind: string) => box('hdlr', bytes(25, (v) => Buffer.from(kind, 'latin1').forEach((c, i) => v.setUint8(8 + i, c))));
  const mdhd = box('mdhd', bytes(24, (v) => {
    v.setUint32(12, timescale);
    v.setUint32(16, duration);
  }));
  const audio = box('trak', box('tkhd', bytes(84, () => undefined)), box('mdia', mdhd, hdlr('soun')));
  const moov = box('moov', mvhd, audio, box('trak', tkhd, box('mdia', mdhd, hdlr('vide'))));
  const mdat = box('mdat', new Uint8Array(4096).fill(7));
  const parts = s.moovAtEnd === false ? [ftyp, moov, mdat] : [ftyp, mdat, moov];
  return Buffer.concat(parts);
}

/** A JPEG, PNG, GIF or WebP of a plain colour. */
export function makeImage(format: 'jpeg' | 'png' | 'gif' | 'webp', width: number, height: number, opts: { orientation?: number } = {}): Promise<Buffer> {
  let img = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 60, b: 40 } } });
  if (opts.orientation) img = img.withMetadata({ orientation: opts.orientation });
  return img.toFormat(format).toBuffer();
}
