// An import's errors and warnings as the lines that list them, `FILE:LINE: message`: the command
// line prints them and the editor's output shows them. Plain, so that both use it.

import type { ImportError } from './core/references/importers';

/** In the order of the file's lines, an error first on a line with both; a warning after `warningWord`. */
export function importProblemLines(file: string, { errors, warnings }: { errors: ImportError[]; warnings: ImportError[] }, warningWord: string): string[] {
  return [
    ...errors.map(({ line, message }) => ({ line, text: message })),
    ...warnings.map(({ line, message }) => ({ line, text: `${warningWord}: ${message}` })),
  ]
    .sort((a, b) => a.line - b.line)
    .map(({ line, text }) => `${file}:${line}: ${text}`);
}
