/**
 * The Compound File Binary container of an .xls (Excel 97–2003) workbook, read bounded:
 * [MS-CFB] https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-cfb/
 *
 * Only what a reader of the Workbook stream needs: the header (§2.2), the DIFAT (§2.5) that lists
 * the FAT sectors, the FAT (§2.3) that chains sectors, the directory (§2.6) and the mini FAT and
 * mini stream (§2.4) that hold the streams under the cutoff (4,096 bytes). Every sector index is
 * checked against the file's length, every chain against loops (a sector seen twice) and against
 * the stream's declared size; nothing here allocates more than the file's own size. Damage is one
 * XlsxReadError ('xls-damaged') whose detail says where, for --debug.
 */
import { XlsxReadError } from '../xlsx/errors';
import { isCfb } from './sniff';

/** [MS-CFB] §2.1: sector numbers above MAXREGSECT are markers. */
const MAXREGSECT = 0xfffffffa;
const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
/** [MS-CFB] §2.6.1: no sibling/child. */
const NOSTREAM = 0xffffffff;

const HEADER_SIZE = 512;
const DIR_ENTRY_SIZE = 128;

function damaged(detail: string): XlsxReadError {
  return new XlsxReadError('xls-damaged', { detail });
}

function u16(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8);
}

function u32(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
}

/** One directory entry ([MS-CFB] §2.6.1), as far as the reader uses it. */
export interface DirEntry {
  readonly name: string;
  /** 1 storage, 2 stream, 5 root storage. */
  readonly type: number;
  readonly left: number;
  readonly right: number;
  readonly child: number;
  readonly start: number;
  readonly size: number;
}

export class CompoundFile {
  private readonly sectorSize: number;
  private readonly miniSectorSize: number;
  private readonly miniCutoff: number;
  /** Sectors wholly or partly inside the file (the last one may be short). */
  private readonly sectorCount: number;
  private readonly fat: Uint32Array;
  private readonly miniFat: Uint32Array;
  readonly entries: readonly DirEntry[];
  private miniStream: Uint8Array | null = null;

  /**
   * `maxEntries`: directory entries read at most (an .xls holds a handful: Workbook, the summary
   * streams; the directory is read before anything else, so a file of directory sectors stops here).
   */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly maxEntries = 20_000,
  ) {
    if (bytes.length < HEADER_SIZE) throw damaged(`header truncated: ${bytes.length} bytes`);
    if (!isCfb(bytes)) throw damaged('no compound file signature');
    // §2.2: Major Version 3 → 512-byte sectors (shift 9), 4 → 4,096 (shift 12); byte order FFFE
    const major = u16(bytes, 26);
    const shift = u16(bytes, 30);
    if (u16(bytes, 28) !== 0xfffe) throw damaged('byte order mark is not FFFE');
    if (!((major === 3 && shift === 9) || (major === 4 && shift === 12))) throw damaged(`version ${major} with sector shift ${shift}`);
    const miniShift = u16(bytes, 32);
    if (miniShift !== 6) throw damaged(`mini sector shift ${miniShift}`);
    this.sectorSize = 1 << shift;
    this.miniSectorSize = 1 << miniShift;
    this.miniCutoff = u32(bytes, 56);
    if (this.miniCutoff !== 4096) throw damaged(`mini stream cutoff ${this.miniCutoff}`);
    this.sectorCount = Math.ceil((bytes.length - this.sectorSize) / this.sectorSize);
    if (bytes.length <= this.sectorSize) throw damaged('no sector after the header');

    this.fat = this.readFat();
    const dir = this.chain(u32(bytes, 48), this.fat, 'directory');
    this.entries = this.readDirectory(dir);
    const root = this.entries[0];
    if (root?.type !== 5) throw damaged('the first directory entry is not the root storage');
    const miniFatStart = u32(bytes, 60);
    const miniFatSectors = miniFatStart === ENDOFCHAIN ? [] : this.chain(miniFatStart, this.fat, 'mini FAT');
    this.miniFat = this.tableOf(miniFatSectors);
  }

  /** Byte offset of sector n ([MS-CFB] §2.2: sector n starts at (n + 1) × sector size). */
  private offsetOf(n: number, what: string): number {
    if (n > MAXREGSECT || n >= this.sectorCount) {
      throw damaged(`${what}: sector ${n} is outside the file (${this.sectorCount} sectors)`);
    }
    return (n + 1) * this.sectorSize;
  }

  /** The 32-bit entries of these sectors, concatenated (FAT, mini FAT). */
  private tableOf(sectors: readonly number[]): Uint32Array {
    const per = this.sectorSize / 4;
    const out = new Uint32Array(sectors.length * per);
    sectors.forEach((s, i) => {
      const o = this.offsetOf(s, 'table');
      if (o + this.sectorSize > this.bytes.length) throw damaged(`table sector ${s} is truncated`);
      for (let k = 0; k < per; k++) out[i * per + k] = u32(this.bytes, o + k * 4);
    });
    return out;
  }

  /** [MS-CFB] §2.5: the first 109 FAT sector numbers in the header, the rest in a chain of DIFAT sectors. */
  private readFat(): Uint32Array {
    const count = u32(this.bytes, 44);
    // a FAT sector describes sectorSize/4 sectors: more FAT sectors than the file can need is damage
    if (count > this.sectorCount) throw damaged(`${count} FAT sectors in a file of ${this.sectorCount} sectors`);
    const fatSectors: number[] = [];
    for (let i = 0; i < 109 && fatSectors.length < count; i++) fatSectors.push(u32(this.bytes, 76 + i * 4));
    let difat = u32(this.bytes, 68);
    const seen = new Set<number>();
    const per = this.sectorSize / 4 - 1;
    while (fatSectors.length < count) {
      if (difat === ENDOFCHAIN || difat === FREESECT) throw damaged(`DIFAT ends after ${fatSectors.length} of ${count} FAT sectors`);
      if (seen.has(difat)) throw damaged(`DIFAT chain loops at sector ${difat}`);
      seen.add(difat);
      const o = this.offsetOf(difat, 'DIFAT');
      if (o + this.sectorSize > this.bytes.length) throw damaged(`DIFAT sector ${difat} is truncated`);
      for (let k = 0; k < per && fatSectors.length < count; k++) fatSectors.push(u32(this.bytes, o + k * 4));
      difat = u32(this.bytes, o + per * 4);
    }
    return this.tableOf(fatSectors);
  }

  /**
   * The sectors of a chain from `start` ([MS-CFB] §2.3), in order. A sector seen twice is a loop,
   * one outside the table or the file is damage; the chain is never longer than the table.
   */
  private chain(start: number, table: Uint32Array, what: string, limit = table.length): number[] {
    const out: number[] = [];
    const seen = new Uint8Array(table.length);
    let s = start;
    while (s !== ENDOFCHAIN) {
      if (s >= table.length) throw damaged(`${what}: sector ${s} is outside the allocation table (${table.length} entries)`);
      if (seen[s] === 1) throw damaged(`${what}: the sector chain loops at sector ${s}`);
      seen[s] = 1;
      out.push(s);
      if (out.length > limit) break;
      s = table[s]!;
    }
    return out;
  }

  /** [MS-CFB] §2.6: 128-byte entries in the directory chain; names are UTF-16LE with a length in bytes. */
  private readDirectory(sectors: readonly number[]): DirEntry[] {
    const out: DirEntry[] = [];
    const count = (sectors.length * this.sectorSize) / DIR_ENTRY_SIZE;
    if (count > this.maxEntries) throw damaged(`the directory holds ${count} entries (at most ${this.maxEntries} are read)`);
    for (const s of sectors) {
      const o = this.offsetOf(s, 'directory');
      if (o + this.sectorSize > this.bytes.length) throw damaged(`directory sector ${s} is truncated`);
      for (let e = o; e < o + this.sectorSize; e += DIR_ENTRY_SIZE) {
        const nameBytes = Math.min(u16(this.bytes, e + 64), 64);
        let name = '';
        for (let k = 0; k + 1 < nameBytes - 1; k += 2) name += String.fromCharCode(u16(this.bytes, e + k));
        // §2.6.3: a version 3 file's size is 32 bits (the high part may hold garbage)
        const high = this.sectorSize === 512 ? 0 : u32(this.bytes, e + 124);
        out.push({
          name,
          type: this.bytes[e + 66]!,
          left: u32(this.bytes, e + 68),
          right: u32(this.bytes, e + 72),
          child: u32(this.bytes, e + 76),
          start: u32(this.bytes, e + 116),
          size: high === 0 ? u32(this.bytes, e + 120) : Number.MAX_SAFE_INTEGER,
        });
      }
    }
    return out;
  }

  /**
   * The names of the root storage's children ([MS-CFB] §2.6.4: a red-black tree by sibling links),
   * each with its entry; walked with a visited set, so a cycle of links ends.
   */
  rootChildren(): Map<string, DirEntry> {
    const out = new Map<string, DirEntry>();
    const seen = new Set<number>();
    const stack = [this.entries[0]!.child];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id === NOSTREAM || seen.has(id)) continue;
      const e = this.entries[id];
      if (e === undefined) throw damaged(`directory entry ${id} does not exist (${this.entries.length} entries)`);
      seen.add(id);
      out.set(e.name.toLowerCase(), e);
      stack.push(e.left, e.right);
    }
    return out;
  }

  /** A stream's bytes; never more than the file holds, and exactly its declared size. */
  stream(e: DirEntry): Uint8Array {
    if (e.type !== 2) throw damaged(`"${e.name}" is not a stream`);
    if (e.size > this.bytes.length) throw damaged(`stream "${e.name}" declares ${e.size} bytes in a file of ${this.bytes.length}`);
    if (e.size < this.miniCutoff) return this.fromMini(e);
    const out = new Uint8Array(e.size);
    const need = Math.ceil(e.size / this.sectorSize);
    const sectors = this.chain(e.start, this.fat, `stream "${e.name}"`, need);
    if (sectors.length < need) throw damaged(`stream "${e.name}" is truncated: ${sectors.length} of ${need} sectors`);
    for (let i = 0; i < need; i++) {
      const o = this.offsetOf(sectors[i]!, `stream "${e.name}"`);
      const n = Math.min(this.sectorSize, e.size - i * this.sectorSize);
      if (o + n > this.bytes.length) throw damaged(`stream "${e.name}" runs past the end of the file`);
      out.set(this.bytes.subarray(o, o + n), i * this.sectorSize);
    }
    return out;
  }

  /** [MS-CFB] §2.4: small streams live in 64-byte mini sectors of the root entry's stream. */
  private fromMini(e: DirEntry): Uint8Array {
    const mini = this.rootMiniStream();
    const out = new Uint8Array(e.size);
    const need = Math.ceil(e.size / this.miniSectorSize);
    if (need === 0) return out;
    const sectors = this.chain(e.start, this.miniFat, `stream "${e.name}" (mini)`, need);
    if (sectors.length < need) throw damaged(`stream "${e.name}" is truncated: ${sectors.length} of ${need} mini sectors`);
    for (let i = 0; i < need; i++) {
      const o = sectors[i]! * this.miniSectorSize;
      const n = Math.min(this.miniSectorSize, e.size - i * this.miniSectorSize);
      if (o + n > mini.length) throw damaged(`stream "${e.name}": mini sector ${sectors[i]!} is outside the mini stream`);
      out.set(mini.subarray(o, o + n), i * this.miniSectorSize);
    }
    return out;
  }

  private rootMiniStream(): Uint8Array {
    if (this.miniStream) return this.miniStream;
    const root = this.entries[0]!;
    if (root.size > this.bytes.length) throw damaged(`the mini stream declares ${root.size} bytes`);
    const need = Math.ceil(root.size / this.sectorSize);
    const sectors = root.start === ENDOFCHAIN ? [] : this.chain(root.start, this.fat, 'mini stream', need);
    if (sectors.length < need) throw damaged(`the mini stream is truncated: ${sectors.length} of ${need} sectors`);
    const out = new Uint8Array(root.size);
    for (let i = 0; i < need; i++) {
      const o = this.offsetOf(sectors[i]!, 'mini stream');
      const n = Math.min(this.sectorSize, root.size - i * this.sectorSize);
      if (o + n > this.bytes.length) throw damaged('the mini stream runs past the end of the file');
      out.set(this.bytes.subarray(o, o + n), i * this.sectorSize);
    }
    this.miniStream = out;
    return out;
  }
}
