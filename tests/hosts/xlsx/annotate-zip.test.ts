import { deflateSync, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32, entryText, readZip, writeZip, newEntry } from '../../../src/hosts/xlsx/annotate-zip';
import { bytesEqual, rawEntries } from './annotate-helpers';

/** A zip written the streaming way: bit 3 set, sizes in data descriptors, one stored entry. */
function streamingZip(files: { name: string; text: string; store?: boolean }[]): Uint8Array {
  const parts: number[] = [];
  const central: number[] = [];
  const u16 = (a: number[], v: number): void => void a.push(v & 0xff, (v >>> 8) & 0xff);
  const u32 = (a: number[], v: number): void => {
    u16(a, v & 0xffff);
    u16(a, v >>> 16);
  };
  for (const f of files) {
    const raw = strToU8(f.text);
    const data = f.store ? raw : deflateSync(raw);
    const name = strToU8(f.name);
    const offset = parts.length;
    const crc = crc32(raw);
    const flags = 0x8 | 0x800;
    u32(parts, 0x04034b50);
    u16(parts, 20);
    u16(parts, flags);
    u16(parts, f.store ? 0 : 8);
    u16(parts, 0);
    u16(parts, 0x21);
    u32(parts, 0);
    u32(parts, 0);
    u32(parts, 0);
    u16(parts, name.length);
    u16(parts, 0);
    parts.push(...name, ...data);
    u32(parts, 0x08074b50);
    u32(parts, crc);
    u32(parts, data.length);
    u32(parts, raw.length);
    u32(central, 0x02014b50);
    u16(central, 20);
    u16(central, 20);
    u16(central, flags);
    u16(central, f.store ? 0 : 8);
    u16(central, 0);
    u16(central, 0x21);
    u32(central, crc);
    u32(central, data.length);
    u32(central, raw.length);
    u16(central, name.length);
    u16(central, 0);
    u16(central, 0);
    u16(central, 0);
    u16(central, 0);
    u32(central, 0);
    u32(central, offset);
    central.push(...name);
  }
  const cd = parts.length;
  const end: number[] = [];
  u32(end, 0x06054b50);
  u16(end, 0);
  u16(end, 0);
  u16(end, files.length);
  u16(end, files.length);
  u32(end, central.length);
  u32(end, cd);
  u16(end, 0);
  return new Uint8Array([...parts, ...central, ...end]);
}

describe('annotate-zip', () => {
  it('crc32 matches the standard check value', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
  });

  it('copies streamed (data-descriptor) and stored entries with their bytes, replacing one', () => {
    const zip = streamingZip([
      { name: 'a.xml', text: '<a>一二三</a>'.repeat(50) },
      { name: '目录/b.bin', text: 'stored bytes', store: true },
      { name: 'c.xml', text: '<c/>' },
    ]);
    const entries = readZip(zip);
    expect(entries.map((e) => e.name)).toEqual(['a.xml', '目录/b.bin', 'c.xml']);
    expect(entryText(entries[1]!)).toBe('stored bytes');
    const out = writeZip([entries[0]!, entries[1]!, newEntry('c.xml', '<c>new</c>', entries[2]), newEntry('d.xml', '<d/>')]);
    const before = rawEntries(zip);
    const after = rawEntries(out);
    expect(bytesEqual(after.get('a.xml')!.raw, before.get('a.xml')!.raw)).toBe(true);
    expect(bytesEqual(after.get('目录/b.bin')!.raw, before.get('目录/b.bin')!.raw)).toBe(true);
    const plain = unzipSync(out);
    expect(new TextDecoder().decode(plain['c.xml'])).toBe('<c>new</c>');
    expect(new TextDecoder().decode(plain['d.xml'])).toBe('<d/>');
    expect(new TextDecoder().decode(plain['a.xml'])).toBe('<a>一二三</a>'.repeat(50));
    for (const e of readZip(out)) expect(crc32(strToU8(entryText(e)))).toBe(e.crc);
  });
});
