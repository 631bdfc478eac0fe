// Reads an MP4 or QuickTime file's length and its video track's displayed size from the box tree
// (ISO/IEC 14496-12: moov > mvhd for the duration, trak > tkhd for size and rotation, mdia > hdlr for the kind).

/** Random access to a file's bytes: the action gives a file handle, tests an array. */
export interface ByteSource {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export interface VideoInfo {
  /** Seconds, to the millisecond; undefined when the file does not say. */
  durationSec?: number | undefined;
  /** As displayed: a track turned a quarter by its matrix has width and height swapped. */
  width?: number | undefined;
  height?: number | undefined;
}

/** A moov box larger than this is not read (real ones are kilobytes to a few megabytes). */
const MAX_MOOV_BYTES = 64 * 1024 * 1024;

interface Box {
  type: string;
  /** Offsets of the payload (after the header) and of the end. */
  start: number;
  end: number;
}

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
const typeAt = (b: Uint8Array, at: number) => String.fromCharCode(...b.subarray(at, at + 4));

/** Boxes in [from, to) of a buffer already in memory. */
function children(b: Uint8Array, from: number, to: number): Box[] {
  const out: Box[] = [];
  const v = view(b);
  let at = from;
  while (at + 8 <= to) {
    let size = v.getUint32(at);
    let header = 8;
    if (size === 1) {
      if (at + 16 > to) break;
      size = Number(v.getBigUint64(at + 8));
      header = 16;
    } else if (size === 0) size = to - at;
    if (size < header || at + size > to) break;
    out.push({ type: typeAt(b, at + 4), start: at + header, end: at + size });
    at += size;
  }
  return out;
}

/** Finds the top-level moov box by reading only box headers, wherever it is in the file. */
async function findMoov(src: ByteSource): Promise<Uint8Array | undefined> {
  let at = 0;
  while (at + 8 <= src.size) {
    const h = await src.read(at, 16);
    if (h.length < 8) return undefined;
    const v = view(h);
    let size = v.getUint32(0);
    let header = 8;
    if (size === 1) {
      if (h.length < 16) return undefined;
      size = Number(v.getBigUint64(8));
      header = 16;
    } else if (size === 0) size = src.size - at;
    if (size < header) return undefined;
    if (typeAt(h, 4) === 'moov') {
      // A moov box running past the end is a cut file: nothing in it can be trusted.
      if (at + size > src.size || size - header > MAX_MOOV_BYTES) return undefined;
      return src.read(at + header, size - header);
    }
    at += size;
  }
  return undefined;
}

function fullBoxVersion(b: Uint8Array, box: Box): number {
  return b[box.start] ?? 0;
}

/** mvhd or mdhd: [timescale, duration]. */
function timing(b: Uint8Array, box: Box): [number, number] | undefined {
  const v = view(b);
  const version = fullBoxVersion(b, box);
  const at = box.start + 4 + (version === 1 ? 16 : 8);
  if (at + (version === 1 ? 12 : 8) > box.end) return undefined;
  const timescale = v.getUint32(at);
  const duration = version === 1 ? Number(v.getBigUint64(at + 4)) : v.getUint32(at + 4);
  // All ones means "unknown".
  if (version === 0 && duration === 0xffffffff) return undefined;
  return [timescale, duration];
}

interface Track {
  handler: string | undefined;
  width: number;
  height: number;
  quarterTurn: boolean;
  timing: [number, number] | undefined;
}

function track(b: Uint8Array, trak: Box): Track {
  const v = view(b);
  const t: Track = { handler: undefined, width: 0, height: 0, quarterTurn: false, timing: undefined };
  for (const c of children(b, trak.start, trak.end)) {
    if (c.type === 'tkhd') {
      const version = fullBoxVersion(b, c);
      // flags(4) + times + track id(4) + reserved(4) + duration, then reserved(8) layer alt volume reserved(8).
      const matrix = c.start + 4 + (version === 1 ? 32 : 20) + 16;
      if (matrix + 44 > c.end) continue;
      const a = v.getInt32(matrix);
      const bb = v.getInt32(matrix + 4);
      t.quarterTurn = a === 0 && Math.abs(bb) === 0x10000;
      t.width = Math.round(v.getUint32(matrix + 36) / 65536);
      t.height = Math.round(v.getUint32(matrix + 40) / 65536);
    } else if (c.type === 'mdia') {
      for (const m of children(b, c.start, c.end)) {
        if (m.type === 'hdlr' && m.start + 12 <= m.end) t.handler = typeAt(b, m.start + 8);
        if (m.type === 'mdhd') t.timing = timing(b, m);
      }
    }
  }
  return t;
}

const seconds = (t: [number, number] | undefined): number | undefined =>
  t && t[0] > 0 && t[1] > 0 ? Math.round((t[1] / t[0]) * 1000) / 1000 : undefined;

/** Duration and displayed size of the first video track; an empty result when the boxes cannot be read. */
export async function readMp4(src: ByteSource): Promise<VideoInfo> {
  const moov = await findMoov(src);
  if (!moov) return {};
  const boxes = children(moov, 0, moov.length);
  const mvhd = boxes.find((x) => x.type === 'mvhd');
  const tracks = boxes.filter((x) => x.type === 'trak').map((x) => track(moov, x));
  const video = tracks.find((x) => x.handler === 'vide') ?? tracks.find((x) => x.handler === undefined && x.width > 0 && x.height > 0);
  const durationSec = seconds(mvhd ? timing(moov, mvhd) : undefined) ?? seconds(video?.timing);
  const out: VideoInfo = { durationSec };
  if (video && video.width > 0 && video.height > 0) {
    out.width = video.quarterTurn ? video.height : video.width;
    out.height = video.quarterTurn ? video.width : video.height;
  }
  return out;
}

/** A source over bytes in memory. */
export function bytesSource(b: Uint8Array): ByteSource {
  return { size: b.length, read: async (offset, length) => b.subarray(offset, Math.min(b.length, offset + length)) };
}
