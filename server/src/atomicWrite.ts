// Writing a whole file so that no reader ever sees it half-written: the content goes to a
// temporary file beside the target and is renamed over it; on failure the target is left as it was.

import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function writeFileAtomically(target: string, content: string | Uint8Array): void {
  const temporary = mkdtempSync(path.join(path.dirname(path.resolve(target)), '.upr-output-'));
  try {
    const file = path.join(temporary, path.basename(target));
    writeFileSync(file, content);
    renameSync(file, target);
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}
