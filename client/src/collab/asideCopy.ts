// Where a local text that lost to the room's on first join is kept: next to the file, named after
// it and the time. Pure: no VS Code.

/** `/dir/name.upr.md` -> `/dir/name.local-2026-11-28T01-02-03.upr.md` (a time safe in any file system). */
export function asideCopyPath(filePath: string, at: Date): string {
  const stamp = at.toISOString().replace(/\.\d+Z$/, '').replace(/:/g, '-');
  const match = filePath.match(/^(.*?)(\.upr\.md|\.[^./\\]*)?$/i)!;
  return `${match[1]}.local-${stamp}${match[2] ?? ''}`;
}
