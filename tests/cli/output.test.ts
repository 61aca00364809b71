/** The streamed report (src/cli/output.ts): the same bytes as JSON.stringify, written in pieces, with backpressure. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonArrayDocument, ReportWriter, jsonPieces } from '../../src/cli/output';

const stringify2 = (v: unknown): string => JSON.stringify(v, null, 2);

describe('jsonPieces', () => {
  it('joined, is JSON.stringify(value, null, 2) for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect([...jsonPieces(v)].join('')).toBe(stringify2(v));
      }),
      { numRuns: 500 },
    );
  });

  it('nested at an indent, is the value as JSON.stringify writes it inside a larger document', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const whole = stringify2({ a: [v] });
        expect(whole).toBe(`{\n  "a": [\n    ${[...jsonPieces(v, '    ')].join('')}\n  ]\n}`);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out what JSON.stringify leaves out, writes null where it does, keeps escapes and key order', () => {
    const v = {
      z: 1,
      gone: undefined,
      fn: () => 1,
      list: [undefined, () => 2, 'a\nb "c" \u2028 \\', { k: undefined }, [], {}, -0, 1e21, new Date(0)],
      '': { __proto__x: [1, [2, [3]]] },
      a: '中文：“引号”',
    };
    expect([...jsonPieces(v)].join('')).toBe(stringify2(v));
  });

  it('gives an array one piece (or more) per element, and a finding whole', () => {
    const finding = { rule: 'r', severity: 'error', message: 'm', sheet: 's', cell: 'A1', fix: { sheet: 's', cell: 'A1', value: '1' } };
    const pieces = [...jsonPieces({ findings: [finding, finding, finding] })];
    expect(pieces.filter((p) => p.includes('"rule"'))).toHaveLength(3);
    expect(pieces.find((p) => p.includes('"rule"'))).toBe(stringify2(finding).replaceAll('\n', '\n    '));
  });
});

describe('JsonArrayDocument', () => {
  it('head, elements, tail: the bytes of the whole document', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 6 }), fc.integer(), (items, version) => {
        const doc = new JsonArrayDocument({ version, reports: [] }, 'reports');
        const text = doc.head() + items.map((v) => [...doc.element(v)].join('')).join('') + doc.tail();
        expect(text).toBe(stringify2({ version, reports: items }));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a document whose array is not its last member', () => {
    expect(() => new JsonArrayDocument({ reports: [], version: 1 }, 'reports')).toThrow(/last member/);
  });
});

describe('ReportWriter', () => {
  it('writes pieces in order, in writes of about the buffer size', async () => {
    const writes: string[] = [];
    const w = new ReportWriter((s) => void writes.push(s), 10);
    for (const p of ['abc', 'defgh', 'ij', 'klmnopqrstu', 'v']) await w.write(p);
    await w.writeAll(['w', 'xyz']);
    await w.flush();
    expect(writes.join('')).toBe('abcdefghijklmnopqrstuvwxyz');
    expect(writes).toEqual(['abcdefghij', 'klmnopqrstu', 'vwxyz']);
  });

  it('waits for the output when it asks (backpressure) before taking more', async () => {
    const writes: string[] = [];
    let release: () => void = () => undefined;
    const w = new ReportWriter((s) => {
      writes.push(s);
      return new Promise<void>((r) => (release = r));
    }, 4);
    let done = false;
    const first = w.write('12345').then(() => (done = true));
    await Promise.resolve();
    expect(writes).toEqual(['12345']);
    expect(done).toBe(false);
    release();
    await first;
    expect(done).toBe(true);
  });
});
