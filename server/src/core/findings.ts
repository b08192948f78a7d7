// What a rule reports, before the user's severities and inline switches are applied.

import type { Range } from './text';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Finding {
  /** `group/name`, e.g. `numbering/gap`: the key for severities and inline switches. */
  code: string;
  severity: Severity;
  range: Range;
  message: string;
  /** What may replace the range, most likely first ("Kyrgyzstan" for "Kyrgystan"): offered as quick fixes. */
  replacements?: string[];
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
