/**
 * The report written out as it is produced: pieces of text go to the output as each file's result
 * arrives, a few tens of kilobytes at a time, with the output's backpressure respected (a write that
 * returns a promise is awaited before more is written). The JSON is the same bytes as
 * `JSON.stringify(report, null, 2)` of the whole report, without ever holding that string.
 */

/** Where the report goes: a returned promise means "wait before writing more" (stdout's buffer is full). */
export type Out = (s: string) => void | Promise<void>;

/** Gathers small pieces into writes of about `size` characters. */
export class ReportWriter {
  private buf = '';

  constructor(
    private readonly out: Out,
    private readonly size = 64 * 1024,
  ) {}

  /** Adds a piece; writes (and waits for the output) when enough has gathered. */
  async write(s: string): Promise<void> {
    this.buf += s;
    if (this.buf.length >= this.size) await this.flush();
  }

  /** Adds every piece of a sequence, writing as the buffer fills. */
  async writeAll(pieces: Iterable<string>): Promise<void> {
    for (const s of pieces) {
      this.buf += s;
      if (this.buf.length >= this.size) await this.flush();
    }
  }

  /** Writes what has gathered. */
  async flush(): Promise<void> {
    if (this.buf === '') return;
    const s = this.buf;
    this.buf = '';
    await this.out(s);
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/** Whether JSON.stringify leaves this member out of an object (and writes null for it in an array). */
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/**
 * `JSON.stringify(value, null, 2)`, as it would appear nested at `indent`, in pieces: an array one
 * element at a time, an object that holds an array one member at a time; anything else (a finding, a
 * summary) whole. Strings in JSON never hold a raw line break, so re-indenting a whole piece is exact.
 */
export function* jsonPieces(value: unknown, indent = ''): Generator<string> {
  if (Array.isArray(value) && value.length > 0) {
    const inner = `${indent}  `;
    for (let i = 0; i < value.length; i++) {
      yield i === 0 ? `[\n${inner}` : `,\n${inner}`;
      const v: unknown = value[i];
      if (omitted(v)) yield 'null';
      else yield* jsonPieces(v, inner);
    }
    yield `\n${indent}]`;
    return;
  }
  if (isPlainObject(value) && Object.values(value).some((v) => Array.isArray(v) && v.length > 0)) {
    const inner = `${indent}  `;
    let first = true;
    for (const [k, v] of Object.entries(value)) {
      if (omitted(v)) continue;
      yield `${first ? '{' : ','}\n${inner}${JSON.stringify(k)}: `;
      first = false;
      yield* jsonPieces(v, inner);
    }
    yield `\n${indent}}`;
    return;
  }
  // undefined, a function or a symbol stringify to undefined (the declared type says string)
  const whole = (JSON.stringify(value, null, 2) as string | undefined) ?? 'null';
  yield indent === '' ? whole : whole.replaceAll('\n', `\n${indent}`);
}

/**
 * A JSON document whose last member is an array that is filled one element at a time: `head()`, then
 * `element(v)` for each element as it comes, then `tail()` — together the bytes of
 * `JSON.stringify({ ...doc, [key]: elements }, null, 2)`.
 */
export class JsonArrayDocument {
  private readonly before: string;
  private readonly after: string;
  private readonly indent: string;
  private count = 0;

  constructor(doc: Record<string, unknown>, key: string) {
    const keys = Object.keys(doc);
    if (keys[keys.length - 1] !== key || !Array.isArray(doc[key]) || (doc[key] as unknown[]).length > 0) {
      throw new Error(`JsonArrayDocument: "${key}" must be the last member, an empty array`);
    }
    const empty = JSON.stringify(doc, null, 2);
    const at = empty.lastIndexOf('[]');
    this.before = empty.slice(0, at);
    this.after = empty.slice(at + 2);
    this.indent = `${/^ */.exec(empty.slice(empty.lastIndexOf('\n', at) + 1))![0]}  `;
  }

  /** Everything before the first element. */
  head(): string {
    return this.before;
  }

  /** The pieces of one element, with what separates it from the one before. */
  *element(value: unknown): Generator<string> {
    yield this.count++ === 0 ? `[\n${this.indent}` : `,\n${this.indent}`;
    yield* jsonPieces(value, this.indent);
  }

  /** Everything after the last element. */
  tail(): string {
    const close = this.count === 0 ? '[]' : `\n${this.indent.slice(2)}]`;
    return close + this.after;
  }
}
