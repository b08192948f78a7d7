// Writing a command's output file (export, matrix): the path is checked before any work, and the
// file is written to a temporary file beside it and renamed over it, so that a reader never sees
// a half-written file and a failure leaves what was there before.

import { existsSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './usage';

/** A UsageError when `-o` is missing or names a folder, or a file in a folder that does not exist. */
export function checkOutputPath(command: string, output: string | undefined, example: string): string {
  if (!output) throw new UsageError(`${command} needs -o ${example}`);
  const folder = path.dirname(path.resolve(output));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`${output}: no such folder ${path.dirname(output)}`);
  if (existsSync(output) && statSync(output).isDirectory()) throw new UsageError(`${output}: is a folder`);
  return output;
}

export function writeFileAtomically(output: string, content: string | Uint8Array): void {
  const temporary = mkdtempSync(path.join(path.dirname(path.resolve(output)), '.upr-output-'));
  try {
    const file = path.join(temporary, path.basename(output));
    writeFileSync(file, content);
    renameSync(file, output);
  } catch (error) {
    throw new UsageError(`${output}: cannot write: ${(error as Error).message}`);
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}
