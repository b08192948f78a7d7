// Find references on a cited previous recommendation: every submission in the workspace that
// cites the same document and paragraph, open ones as they are in the editor.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location } from 'vscode-languageserver-types';
import { parseSubmission, type SubmissionDocument } from '../core/document';
import { referenceKey, symbolKey } from '../core/references/records';
import { containsPosition, type Position } from '../core/text';

const SKIPPED_FOLDERS = /(^|[/\\])(node_modules|\.git)([/\\]|$)/;

/** The `*.upr.md` files under the workspace folders. */
export function submissionFiles(folders: string[]): string[] {
  return folders.flatMap((folder) => {
    try {
      return readdirSync(folder, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.upr.md') && !SKIPPED_FOLDERS.test(name))
        .map((name) => join(folder, name));
    } catch {
      return [];
    }
  });
}

export function workspaceReferences(
  model: SubmissionDocument,
  position: Position,
  folders: string[],
  openText: (uri: string) => string | undefined,
): Location[] {
  const cited = model.references.find(({ range }) => containsPosition(range, position));
  if (!cited) return [];
  const key = keyOf(cited.symbol, cited.paragraph);
  const locations: Location[] = [];
  for (const file of submissionFiles(folders)) {
    const uri = pathToFileURL(file).toString();
    let text = openText(uri);
    if (text === undefined) {
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue; // removed or unreadable since the folder was listed
      }
    }
    for (const reference of parseSubmission(text).references) {
      if (keyOf(reference.symbol, reference.paragraph) === key) locations.push({ uri, range: reference.range });
    }
  }
  return locations;
}

function keyOf(symbol: string, paragraph: string | undefined): string {
  return paragraph === undefined ? symbolKey(symbol) : referenceKey(symbol, paragraph);
}
