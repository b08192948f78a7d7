// Which files previous recommendations are read from: CSV and JSON files anywhere under the
// recommendations folders. Paths only, so that the extension asks it too (an import must not write
// the JSON of a CSV the server reads already).

import { isAbsolute, relative, sep } from 'node:path';

export const SOURCE_FILE = /\.(csv|json)$/i;

/** Whether a file is one a library is read from: a CSV or JSON file anywhere under one of the folders. */
export function isReferenceSource(file: string, folders: string[]): boolean {
  if (!SOURCE_FILE.test(file)) return false;
  return folders.some((folder) => {
    const path = relative(folder, file);
    return path !== '' && !isAbsolute(path) && path.split(sep)[0] !== '..';
  });
}
