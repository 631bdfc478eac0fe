// Reads one stream out of a Compound File Binary container (OLE2, [MS-CFB]): the container of Excel
// 97-2003 workbooks. Only what reading a workbook needs: header, DIFAT, FAT, directory, miniFAT.
// Untrusted input: every offset is checked, every chain is followed at most once (cycles are errors),
// and nothing is allocated beyond what the file itself holds.

export class CfbError extends Error {}

const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const MAXREGSECT = 0xfffffffa;
const NOSTREAM = 0xffffffff;
const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Directory entries followed at most (a real workbook has a handful; the limit only stops a loop). */
const MAX_ENTRIES = 1 << 16;

export interface CfbEntry {
  name: string;
  type: number; // 1 storage, 2 stream, 5 root
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

export interface CompoundFile {
  /** The names of the streams and storages directly under the root. */
  names(): string[];
  /** The stream named `name` (without case) directly under the root, or undefined. */
  stream(name: string): Uint8Array | undefined;
}

export function openCompoundFile(bytes: Uint8Array): CompoundFile {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 512 || SIGNATURE.some((b, i) => bytes[i] !== b)) throw new CfbError('the Compound File header is incomplete (the file is shorter than 512 bytes)');
  const u16 = (o: number) => view.getUint16(o, true);
  const u32 = (o: number) => view.getUint32(o, true);
  const major = u16(0x1a);
  const shift = u16(0x1e);
  if (u16(0x1c) !== 0xfffe) throw new CfbError('the Compound File header has a wrong byte-order mark');
  if (!((major === 3 && shift === 9) || (major === 4 && shift === 12))) throw new CfbError(`unsupported Compound File version ${major} with sector size 2^${shift}`);
  if (u16(0x20) !== 6) throw new CfbError(`unsupported mini sector size 2^${u16(0x20)}`);
  const sectorSize = 1 << shift;
  const perSector = sectorSize / 4;
  // Sectors the file really holds (sector 0 starts after the header, which takes one sector).
  const sectors = Math.floor((bytes.length - sectorSize) / sectorSize);
  if (sectors <= 0) throw new CfbError('the file ends right after the Compound File header');
  const fatCount = u32(0x2c);
  const firstDir = u32(0x30);
  const miniCutoff = u32(0x38);
  const firstMiniFat = u32(0x3c);
  const miniFatCount = u32(0x40);
  const firstDifat = u32(0x44);
  const difatCount = u32(0x48);
  if (fatCount > sectors) throw new CfbError(`the header claims ${fatCount} FAT sectors but the file holds only ${sectors} sectors`);
  if (difatCount > sectors) throw new CfbError(`the header claims ${difatCount} DIFAT sectors but the file holds only ${sectors} sectors`);
  if (miniFatCount > sectors) throw new CfbError(`the header claims ${miniFatCount} miniFAT sectors but the file holds only ${sectors} sectors`);

  const sector = (n: number, what: string): Uint8Array => {
    if (n > MAXREGSECT) throw new CfbError(`${what} points to a reserved sector number 0x${n.toString(16)}`);
    if (n >= sectors) throw new CfbError(`${what} points to sector ${n} but the file holds only ${sectors} sectors (truncated?)`);
    const start = (n + 1) * sectorSize;
    return bytes.subarray(start, start + sectorSize);
  };

  // DIFAT: the FAT sectors' numbers, 109 in the header then chained DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(u32(0x4c + i * 4));
  let d = firstDifat;
  const seenDifat = new Set<number>();
  while (fatSectors.length < fatCount) {
    if (d === ENDOFCHAIN || d === FREESECT) throw new CfbError(`the DIFAT ends after ${fatSectors.length} of ${fatCount} FAT sectors`);
    if (seenDifat.has(d) || seenDifat.size >= difatCount) throw new CfbError('the DIFAT chain loops or is longer than the header says');
    seenDifat.add(d);
    const s = sector(d, 'the DIFAT');
    const sv = new DataView(s.buffer, s.byteOffset, s.byteLength);
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatCount; i++) fatSectors.push(sv.getUint32(i * 4, true));
    d = sv.getUint32(sectorSize - 4, true);
  }
  const fat = new Uint32Array(fatCount * perSector);
  fatSectors.forEach((n, i) => {
    const s = sector(n, `FAT sector ${i}`);
    const sv = new DataView(s.buffer, s.byteOffset, s.byteLength);
    for (let j = 0; j < perSector; j++) fat[i * perSector + j] = sv.getUint32(j * 4, true);
  });

  /** The sector numbers of a chain; each at most once, each within the table and the file. */
  function chain(table: Uint32Array, start: number, limit: number, what: string): number[] {
    const out: number[] = [];
    const seen = new Uint8Array(table.length);
    let n = start;
    while (n !== ENDOFCHAIN) {
      if (n >= table.length || n > MAXREGSECT) throw new CfbError(`the ${what} chain points to sector ${n >>> 0} outside the allocation table (truncated or damaged file)`);
      if (seen[n]) throw new CfbError(`the ${what} chain loops back to sector ${n} (damaged file)`);
      if (out.length >= limit) throw new CfbError(`the ${what} chain is longer than the file`);
      seen[n] = 1;
      out.push(n);
      n = table[n] ?? FREESECT;
      if (n === FREESECT) throw new CfbError(`the ${what} chain runs into a free sector (damaged file)`);
    }
    return out;
  }

  function readChain(start: number, size: number | undefined, what: string): Uint8Array {
    const ns = chain(fat, start, sectors, what);
    const total = ns.length * sectorSize;
    if (size !== undefined && size > total) throw new CfbError(`the ${what} claims ${size} bytes but its sectors hold ${total} (truncated or damaged file)`);
    const out = new Uint8Array(size ?? total);
    ns.forEach((n, i) => {
      const at = i * sectorSize;
      if (at < out.length) out.set(sector(n, what).subarray(0, Math.min(sectorSize, out.length - at)), at);
    });
    return out;
  }

  const dir = readChain(firstDir, undefined, 'directory');
  const dv = new DataView(dir.buffer, dir.byteOffset, dir.byteLength);
  const entryCount = Math.min(dir.length / 128, MAX_ENTRIES);
  function entry(i: number): CfbEntry {
    if (i >= entryCount) throw new CfbError(`the directory refers to entry ${i} of ${entryCount}`);
    const o = i * 128;
    const nameLen = Math.min(dv.getUint16(o + 0x40, true), 64);
    let name = '';
    for (let j = 0; j + 1 < nameLen - 1; j += 2) name += String.fromCharCode(dv.getUint16(o + j, true));
    const low = dv.getUint32(o + 0x78, true);
    const high = dv.getUint32(o + 0x7c, true);
    // Version 3 files may leave garbage in the high half of the size.
    if (major === 4 && high !== 0) throw new CfbError(`the stream ${name} claims more than 4 GiB`);
    return { name, type: dir[o + 0x42] ?? 0, left: dv.getUint32(o + 0x44, true), right: dv.getUint32(o + 0x48, true), child: dv.getUint32(o + 0x4c, true), start: dv.getUint32(o + 0x74, true), size: low };
  }
  const root = entry(0);
  if (root.type !== 5) throw new CfbError('the directory has no root entry');

  // The root's children: a red-black tree through left/right siblings, walked once per node.
  const children: CfbEntry[] = [];
  const seen = new Set<number>();
  const stack = root.child === NOSTREAM ? [] : [root.child];
  while (stack.length > 0) {
    const i = stack.pop() as number;
    if (seen.has(i)) throw new CfbError('the directory tree loops (damaged file)');
    seen.add(i);
    const e = entry(i);
    children.push(e);
    if (e.left !== NOSTREAM) stack.push(e.left);
    if (e.right !== NOSTREAM) stack.push(e.right);
  }

  let mini: { fat: Uint32Array; data: Uint8Array } | undefined;
  function miniStream(): { fat: Uint32Array; data: Uint8Array } {
    if (mini) return mini;
    const table = miniFatCount === 0 ? new Uint8Array(0) : readChain(firstMiniFat, undefined, 'miniFAT');
    const mfat = new Uint32Array(table.length / 4);
    const tv = new DataView(table.buffer, table.byteOffset, table.byteLength);
    for (let i = 0; i < mfat.length; i++) mfat[i] = tv.getUint32(i * 4, true);
    mini = { fat: mfat, data: root.start === ENDOFCHAIN ? new Uint8Array(0) : readChain(root.start, root.size, 'mini stream') };
    return mini;
  }

  return {
    names: () => children.map((c) => c.name),
    stream(name) {
      const e = children.find((c) => c.type === 2 && c.name.toLowerCase() === name.toLowerCase());
      if (!e) return undefined;
      if (e.size === 0) return new Uint8Array(0);
      if (e.size >= miniCutoff) return readChain(e.start, e.size, `${e.name} stream`);
      const m = miniStream();
      const ns = chain(m.fat, e.start, Math.ceil(m.data.length / 64), `${e.name} stream (mini)`);
      if (e.size > ns.length * 64) throw new CfbError(`the ${e.name} stream claims ${e.size} bytes but its mini sectors hold ${ns.length * 64}`);
      const out = new Uint8Array(e.size);
      ns.forEach((n, i) => {
        const from = n * 64;
        if (from + 64 > m.data.length) throw new CfbError(`the ${e.name} stream points to mini sector ${n} beyond the mini stream`);
        const at = i * 64;
        if (at < out.length) out.set(m.data.subarray(from, from + Math.min(64, out.length - at)), at);
      });
      return out;
    },
  };
}
