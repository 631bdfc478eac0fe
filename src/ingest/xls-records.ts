// The record layer of Excel 97-2003 workbooks ([MS-XLS]): BIFF8 records of the Workbook stream, bounds-checked
// little-endian reads, strings split across CONTINUE records, RK numbers. Used by xls.ts.

/** BIFF8 limit on a record's data. */
export const MAX_RECORD = 8224;
const UTF16 = new TextDecoder('utf-16le');

export class Damaged extends Error {
  constructor(
    message: string,
    readonly offset: number | undefined,
  ) {
    super(message);
  }
}

export interface BiffRecord {
  type: number;
  /** Offset of the record header in the Workbook stream. */
  at: number;
  data: Uint8Array;
}

/** Reads little-endian values from a record's data and any CONTINUE records after it. */
export class Segments {
  private i = 0;
  private p = 0;
  constructor(
    private readonly segs: BiffRecord[],
    private readonly what: string,
  ) {}
  private get seg(): BiffRecord {
    return this.segs[this.i] as BiffRecord;
  }
  get at(): number {
    return this.seg.at;
  }
  /** Bytes left in the data, all segments counted. */
  atEnd(): boolean {
    while (this.i < this.segs.length - 1 && this.p >= this.seg.data.length) this.next();
    return this.p >= this.seg.data.length;
  }
  private next(): void {
    if (this.i >= this.segs.length - 1) throw new Damaged(`${this.what} ends early`, this.seg.at);
    this.i++;
    this.p = 0;
  }
  u8(): number {
    while (this.p >= this.seg.data.length) this.next();
    return this.seg.data[this.p++] as number;
  }
  u16(): number {
    return this.u8() | (this.u8() << 8);
  }
  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }
  skip(n: number): void {
    while (n > 0) {
      while (this.p >= this.seg.data.length) this.next();
      const k = Math.min(n, this.seg.data.length - this.p);
      this.p += k;
      n -= k;
    }
  }
  /**
   * `cch` characters, 8-bit ("compressed": the low bytes of UTF-16 code units) or 16-bit. When the
   * characters run on into a CONTINUE record, that record starts with a new flags byte saying which.
   */
  chars(cch: number, high: boolean): string {
    const units = new Uint16Array(cch);
    let n = 0;
    while (n < cch) {
      if (this.p >= this.seg.data.length) {
        this.next();
        high = (this.u8() & 1) === 1;
        continue;
      }
      const d = this.seg.data;
      if (high) {
        const k = Math.min(cch - n, (d.length - this.p) >> 1);
        if (k === 0) throw new Damaged(`${this.what} splits a character in two`, this.seg.at);
        for (let j = 0; j < k; j++, this.p += 2) units[n++] = (d[this.p] as number) | ((d[this.p + 1] as number) << 8);
      } else {
        const k = Math.min(cch - n, d.length - this.p);
        for (let j = 0; j < k; j++) units[n++] = d[this.p++] as number;
      }
    }
    return UTF16.decode(units);
  }
  /** XLUnicodeRichExtendedString (shared strings): the text; formatting runs and phonetic data skipped. */
  richString(): string {
    const cch = this.u16();
    const flags = this.u8();
    const runs = flags & 0x08 ? this.u16() : 0;
    const ext = flags & 0x04 ? this.u32() : 0;
    const s = this.chars(cch, (flags & 1) === 1);
    this.skip(runs * 4);
    this.skip(ext);
    return s;
  }
}

/** The records of the Workbook stream from `from`, each checked to lie inside the stream. */
export function* records(wb: Uint8Array, from: number): Generator<BiffRecord> {
  let pos = from;
  while (pos < wb.length) {
    if (pos + 4 > wb.length) throw new Damaged('the Workbook stream ends inside a record header', pos);
    const type = (wb[pos] as number) | ((wb[pos + 1] as number) << 8);
    const len = (wb[pos + 2] as number) | ((wb[pos + 3] as number) << 8);
    if (len > MAX_RECORD) throw new Damaged(`a record claims ${len} bytes (at most ${MAX_RECORD})`, pos);
    if (pos + 4 + len > wb.length) throw new Damaged(`the Workbook stream ends inside a record of ${len} bytes`, pos);
    yield { type, at: pos, data: wb.subarray(pos + 4, pos + 4 + len) };
    pos += 4 + len;
  }
}

export const u16 = (r: BiffRecord, o: number): number => {
  if (o + 2 > r.data.length) throw new Damaged(`a record of type 0x${r.type.toString(16).padStart(4, '0')} is too short`, r.at);
  return (r.data[o] as number) | ((r.data[o + 1] as number) << 8);
};
export const u32 = (r: BiffRecord, o: number): number => (u16(r, o) | (u16(r, o + 2) << 16)) >>> 0;
export const f64 = (r: BiffRecord, o: number): number => {
  u32(r, o + 4);
  return new DataView(r.data.buffer, r.data.byteOffset, r.data.byteLength).getFloat64(o, true);
};

/** An RK number: a 30-bit integer or the top 30 bits of a double, optionally divided by 100. */
export function rkValue(rk: number): number {
  let v: number;
  if (rk & 2) v = rk >> 2;
  else {
    const b = new DataView(new ArrayBuffer(8));
    b.setUint32(4, rk & 0xfffffffc, true);
    v = b.getFloat64(0, true);
  }
  return rk & 1 ? v / 100 : v;
}

