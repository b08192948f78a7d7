// The name "Keep both" writes an import under when its file exists: `name.json`, else `name-2.json`,
// `name-3.json`, ... Plain (no vscode), so that it is unit tested.

/**
 * The first of `fileName`, `base-2.ext`, `base-3.ext`, ... that none of `taken` is. Names are
 * compared without case, as the file systems of Windows and macOS compare them.
 */
export function freeFileName(fileName: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((name) => name.toLowerCase()));
  const dot = fileName.lastIndexOf('.');
  const [base, extension] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ''];
  let candidate = fileName;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base}-${n}${extension}`;
  return candidate;
}
