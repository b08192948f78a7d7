// Writing a whole file so that no reader ever sees it half-written: the content goes to a
// temporary file beside the target and is renamed over it; on failure the target is left as it was.
// Renaming replaces whatever has the target's name, so the target must be a file one may write: a
// link is written through (the file it names is replaced, the link kept), and a device, a pipe or a
// read-only file is refused rather than replaced by an ordinary file.

import { lstatSync, mkdtempSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';

export function writeFileAtomically(target: string, content: string | Uint8Array): void {
  const file = writableFile(target);
  const folder = path.dirname(file);
  let temporary: string;
  try {
    temporary = mkdtempSync(path.join(folder, '.upr-output-'));
  } catch (error) {
    throw new Error(`${reason(error)} in ${folder}`);
  }
  try {
    const written = path.join(temporary, path.basename(file));
    writeFileSync(written, content);
    renameSync(written, file);
  } catch (error) {
    throw new Error(reason(error));
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}

/**
 * Where to write for `target`: itself, or the file a link names; an error, phrased to follow
 * "cannot write:", when that is not an ordinary file one may write.
 */
export function writableFile(target: string): string {
  const resolved = path.resolve(target);
  let found: Stats;
  try {
    found = lstatSync(resolved);
  } catch {
    return resolved; // a new file
  }
  const file = found.isSymbolicLink() ? linkedFile(resolved) : resolved;
  const stats = file === resolved ? found : statSync(file);
  if (stats.isDirectory()) throw new Error('it is a folder');
  if (!stats.isFile()) throw new Error('it is not an ordinary file (a device, a pipe or a socket)');
  // By its permissions, not by access(): root may write anywhere, and should not replace a file marked read-only either.
  if ((stats.mode & 0o222) === 0) throw new Error('the file is read-only');
  return file;
}

function linkedFile(link: string): string {
  try {
    return realpathSync(link);
  } catch {
    throw new Error(`it is a link to ${readlinkSync(link)}, which does not exist`);
  }
}

/** A system error as a reason a person reads: "permission denied", "no space left on the disk". */
function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space left on the disk',
    EDQUOT: 'disk quota exceeded',
    ENOENT: 'the folder does not exist',
    ENOTDIR: 'a part of the path is not a folder',
  };
  return (code && reasons[code]) || (error as Error).message;
}
