// What a file is, from its first bytes (never its name), and the displayed size of an image from its header.
export const MEDIA_KINDS = ['image', 'video', 'gif', 'document'] as const;
export type LibraryKind = (typeof MEDIA_KINDS)[number];

export interface Detected {
  kind: LibraryKind;
  mime: string;
  /** Short name of the container or format, e.g. jpeg, png, mp4, pdf. */
  format: string;
}

/** How many leading bytes detection and the image readers need. */
export const HEAD_BYTES = 256 * 1024;

const ascii = (b: Uint8Array, at: number, len: number): string => String.fromCharCode(...b.subarray(at, at + len));
const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean => sig.every((v, i) => b[at + i] === v);

/** ISO base media brands that hold still images rather than video. */
const IMAGE_BRANDS = new Set(['avif', 'avis', 'heic', 'heix', 'mif1', 'msf1', 'heif']);

const OFFICE: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/**
 * The kind of a file from its leading bytes; undefined for anything the library does not take.
 * `name` only refines the MIME type of a ZIP container (an Office file or a plain archive); the kind is
 * `document` either way.
 */
export function detectKind(head: Uint8Array, name = ''): Detected | undefined {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { kind: 'image', mime: 'image/jpeg', format: 'jpeg' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'image', mime: 'image/png', format: 'png' };
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return { kind: 'gif', mime: 'image/gif', format: 'gif' };
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return { kind: 'image', mime: 'image/webp', format: 'webp' };
  if (ascii(head, 4, 4) === 'ftyp') {
    const major = ascii(head, 8, 4);
    if (IMAGE_BRANDS.has(major)) return major.startsWith('avi') ? { kind: 'image', mime: 'image/avif', format: 'avif' } : { kind: 'image', mime: 'image/heic', format: 'heic' };
    if (major === 'qt  ') return { kind: 'video', mime: 'video/quicktime', format: 'mov' };
    if (major.startsWith('3g')) return { kind: 'video', mime: 'video/3gpp', format: '3gp' };
    return { kind: 'video', mime: 'video/mp4', format: 'mp4' };
  }
  // Old QuickTime files may start without ftyp, with one of these atoms.
  if (['moov', 'mdat', 'wide', 'free', 'skip', 'pnot'].includes(ascii(head, 4, 4)) && head.length >= 8) return { kind: 'video', mime: 'video/quicktime', format: 'mov' };
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return { kind: 'video', mime: 'video/webm', format: 'webm' };
  if (ascii(head, 0, 5) === '%PDF-') return { kind: 'document', mime: 'application/pdf', format: 'pdf' };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
    const mime = OFFICE[ext];
    return mime ? { kind: 'document', mime, format: ext } : { kind: 'document', mime: 'application/zip', format: 'zip' };
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'document', mime: 'application/x-ole-storage', format: 'ole' };
  return undefined;
}

export interface Dimensions {
  width: number;
  height: number;
}

const u16be = (b: Uint8Array, at: number): number => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u16le = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32be = (b: Uint8Array, at: number): number => u16be(b, at) * 65536 + u16be(b, at + 2);
const u24le = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16);

/** Width and height as people see the image (a JPEG's EXIF rotation applied); undefined when the header is unreadable. */
export function imageDimensions(head: Uint8Array, format: string): Dimensions | undefined {
  switch (format) {
    case 'png':
      return head.length >= 24 && ascii(head, 12, 4) === 'IHDR' ? positive(u32be(head, 16), u32be(head, 20)) : undefined;
    case 'gif':
      return head.length >= 10 ? positive(u16le(head, 6), u16le(head, 8)) : undefined;
    case 'webp':
      return webpDimensions(head);
    case 'jpeg':
      return jpegDimensions(head);
    default:
      return undefined;
  }
}

function positive(width: number, height: number): Dimensions | undefined {
  return width > 0 && height > 0 ? { width, height } : undefined;
}

function webpDimensions(b: Uint8Array): Dimensions | undefined {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ' && b.length >= 30) return positive(u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = (b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24);
    return positive((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X' && b.length >= 30) return positive(u24le(b, 24) + 1, u24le(b, 27) + 1);
  return undefined;
}

/** Start-of-frame markers that carry the size (all SOFn but DHT C4, JPG C8 and DAC CC). */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpegDimensions(b: Uint8Array): Dimensions | undefined {
  let at = 2;
  let orientation = 1;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const len = u16be(b, at + 2);
    if (len < 2) return undefined;
    if (marker === 0xe1 && ascii(b, at + 4, 4) === 'Exif') orientation = exifOrientation(b.subarray(at + 10, at + 2 + len)) ?? orientation;
    if (SOF.has(marker)) {
      if (at + 9 > b.length) return undefined;
      const d = positive(u16be(b, at + 7), u16be(b, at + 5));
      // Orientations 5 to 8 turn the picture a quarter: its displayed width is the stored height.
      return d && orientation >= 5 && orientation <= 8 ? { width: d.height, height: d.width } : d;
    }
    if (marker === 0xda) return undefined;
    at += 2 + len;
  }
  return undefined;
}

/** The Orientation tag (0x0112) of IFD0 of a TIFF block. */
function exifOrientation(t: Uint8Array): number | undefined {
  const le = ascii(t, 0, 2) === 'II';
  if (!le && ascii(t, 0, 2) !== 'MM') return undefined;
  const r16 = (at: number) => (le ? u16le(t, at) : u16be(t, at));
  const r32 = (at: number) => (le ? u16le(t, at) + u16le(t, at + 2) * 65536 : u32be(t, at));
  const ifd = r32(4);
  const count = r16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > t.length) return undefined;
    if (r16(entry) === 0x0112) return r16(entry + 8);
  }
  return undefined;
}
