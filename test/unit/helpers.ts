// Small helpers shared by the core's unit tests.

import { analyseText, Analysis } from '../../server/src/core/analyse';
import { AnalysisConfig, resolveConfig } from '../../server/src/core/config';
import type { Range } from '../../server/src/core/text';

/** A valid joint submission's front matter, with optional extra or replaced lines. */
export function frontMatter(extra = ''): string {
  return `---
type: joint
state: Kyrgyzstan
cycle: 4
session: 49
language: en
title: Joint submission on disability rights
coalition:
  name: Coalition for Inclusion
  members:
    - organisation: Access Now Bishkek
      region: Bishkek
      role: rapporteur
    - organisation: Equal Steps
      region: Osh
      role: member
${extra}---
`;
}

/** A complete, valid submission around the given body text. */
export function submission(body: string, extra = ''): string {
  return `${frontMatter(extra)}
## Executive summary

${body}

## Recommendations

- Ratify the Optional Protocol by 2027.
`;
}

export function analyse(text: string, config: Partial<AnalysisConfig> = {}): Analysis {
  return analyseText(text, resolveConfig(config));
}

/** The text a range covers, found independently of the core's own line index. */
export function textAt(text: string, range: Range): string {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) starts.push(match.index + match[0].length);
  return text.slice(starts[range.start.line] + range.start.character, starts[range.end.line] + range.end.character);
}

/** The codes of what VS Code lists as problems: hints (faint dots in the editor) are left out. */
export function codes(analysis: Analysis): string[] {
  return analysis.diagnostics.filter((diagnostic) => diagnostic.severity !== 'hint').map((diagnostic) => diagnostic.code);
}

/** Applies LSP-style edits (non-overlapping) to a text, last first. */
export function applyEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) starts.push(match.index + match[0].length);
  const offset = (position: Range['start']) => starts[position.line] + position.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((result, edit) => result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end)), text);
}
