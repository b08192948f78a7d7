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

export function codes(analysis: Analysis): string[] {
  return analysis.diagnostics.map((diagnostic) => diagnostic.code);
}
