// Go to definition on a reference to a previous recommendation: the row it came from, in the
// CSV export or JSON file of the recommendations folder.

import { pathToFileURL } from 'node:url';
import type { Location } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analyse';
import type { ReferenceLibrary } from '../core/references/library';
import { containsPosition, type Position } from '../core/text';

export function definition({ model }: Analysis, position: Position, library: ReferenceLibrary): Location[] {
  const reference = model.references.find(({ range }) => containsPosition(range, position));
  if (!reference) return [];
  const { kind, records } = library.index.resolve(reference.symbol, reference.paragraph);
  if (kind === 'none') return [];
  return records.map(({ source }) => {
    const line = Math.max(0, source.line - 1);
    return { uri: pathToFileURL(source.file).toString(), range: { start: { line, character: 0 }, end: { line, character: 0 } } };
  });
}
