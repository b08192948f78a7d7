// Writing a command's output file (export, matrix): the path is checked before any work, and the
// file is written to a temporary file beside it and renamed over it, so that a reader never sees
// a half-written file and a failure leaves what was there before.

import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { writableFile, writeFileAtomically as writeWhole } from '../atomicWrite';
import { UsageError } from './usage';

/**
 * A UsageError when `-o` is missing or names a folder, one of the inputs, a file in a folder that
 * does not exist, or something that is not an ordinary file one may write.
 */
export function checkOutputPath(command: string, output: string | undefined, example: string, inputs: readonly string[] = []): string {
  if (!output) throw new UsageError(`${command} needs -o ${example}`);
  const folder = path.dirname(path.resolve(output));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`${output}: no such folder ${path.dirname(output)}`);
  if (existsSync(output) && statSync(output).isDirectory()) throw new UsageError(`${output}: is a folder`);
  let file: string;
  try {
    file = writableFile(output);
  } catch (error) {
    throw new UsageError(`${output}: cannot write: ${(error as Error).message}`);
  }
  // The file written, which a link names, against the files read, which links may name too.
  const read = (input: string) => (existsSync(input) ? realpathSync(input) : path.resolve(input));
  if (inputs.some((input) => read(input) === file)) throw new UsageError(`${output}: is an input; write the output to another file`);
  return output;
}

/** The output file written whole or not at all; a UsageError when it cannot be written. */
export function writeFileAtomically(output: string, content: string | Uint8Array): void {
  try {
    writeWhole(output, content);
  } catch (error) {
    throw new UsageError(`${output}: cannot write: ${(error as Error).message}`);
  }
}
