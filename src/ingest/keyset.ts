// A set of keys for duplicate detection in big files: 64-bit fingerprints in typed arrays, so that a
// million keys cost ~16 MB and nothing for the garbage collector to walk (a Set of a million strings
// made every major collection slower as the file went on). Two different keys share a fingerprint with
// a probability of about n^2 / 2^65 (3e-8 for a million keys); that would be reported as a duplicate.
export class KeySet {
  private table = new Uint32Array(2 * 1024);
  private size = 0;

  /** Adds the key; false when it was there already. */
  add(key: string): boolean {
    let h1 = 0xdeadbeef;
    let h2 = 0x41c6ce57;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    h1 >>>= 0;
    h2 >>>= 0;
    if (h1 === 0 && h2 === 0) h2 = 1;
    if ((this.size + 1) * 2 > this.table.length / 2) this.grow();
    return this.insert(h1, h2);
  }

  private insert(h1: number, h2: number): boolean {
    const slots = this.table.length / 2;
    let i = h1 & (slots - 1);
    for (;;) {
      const a = this.table[2 * i] ?? 0;
      const b = this.table[2 * i + 1] ?? 0;
      if (a === 0 && b === 0) {
        this.table[2 * i] = h1;
        this.table[2 * i + 1] = h2;
        this.size++;
        return true;
      }
      if (a === h1 && b === h2) return false;
      i = (i + 1) & (slots - 1);
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    this.size = 0;
    for (let i = 0; i < old.length; i += 2) {
      const a = old[i] ?? 0;
      const b = old[i + 1] ?? 0;
      if (a !== 0 || b !== 0) this.insert(a, b);
    }
  }
}
