/**
 * File identity and safe writing for the CLI: the input is never written, whatever path leads to it.
 *
 * Two paths name the same file when they reach the same inode (device + inode number, read as BigInt so
 * that Windows' 64-bit file index compares exactly): a hard link, a symbolic link, `./a/../x.xlsx` and, on
 * a case-insensitive file system, `X.XLSX` all do. A path that does not exist yet is the same as another
 * only when it is the same path (real parent folder + name, folded where the platform folds case).
 *
 * Writes go to a new temporary file in the target's folder and are renamed over the target: renaming
 * replaces the folder entry, never the bytes of the file it named. So even a hard link that slipped past
 * the identity check (another process making it between the check and the write) leaves the input as it
 * was, and a write that fails half-way leaves no half-written target.
 */
import { closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';

/** Whether this platform's usual file systems ignore case in names (NTFS, APFS and HFS+ by default). */
const FOLDS_CASE = process.platform === 'win32' || process.platform === 'darwin';

/** The keys under which a path is known: its inode when it exists, and its real, folded path. */
export function fileKeys(p: string): string[] {
  const keys: string[] = [];
  try {
    const s = statSync(p, { bigint: true });
    keys.push(`inode:${s.dev}:${s.ino}`);
  } catch {
    // does not exist (or cannot be reached): only its path identifies it
  }
  keys.push(`path:${foldPath(realPathOf(p))}`);
  return keys;
}

/** The real path of p; for a path that does not exist, the real path of its folder + its name. */
function realPathOf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    try {
      return join(realpathSync(dirname(resolve(p))), basename(p));
    } catch {
      return resolve(p);
    }
  }
}

function foldPath(p: string): string {
  return FOLDS_CASE ? p.normalize('NFC').toLowerCase() : p;
}

/** A set of files known by every key of each; `has` tells whether a path reaches one of them. */
export class FileSet {
  private readonly keys = new Set<string>();

  add(p: string): void {
    for (const k of fileKeys(p)) this.keys.add(k);
  }

  has(p: string): boolean {
    return fileKeys(p).some((k) => this.keys.has(k));
  }
}

/**
 * Writes bytes to target through a temporary file in the same folder, renamed over the target.
 * Throws the file system's error (with its `code`) when the folder cannot be written.
 */
export function writeFileReplacing(target: string, bytes: Uint8Array): void {
  const tmp = join(dirname(resolve(target)), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o666);
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already failing: the first error is the one to report
      }
    }
    try {
      unlinkSync(tmp);
    } catch {
      // never created, or already renamed
    }
    throw e;
  }
}
