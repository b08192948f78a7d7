// The submission's `issues` in the front matter come from UPR Info's issue list.

import * as l10n from '@vscode/l10n';
import { closestIssues, knownIssue } from '../references/issues';
import type { Finding } from '../findings';
import type { FrontMatterResult } from '../frontMatter';
import { comparePositions, type Range } from '../text';
import type { Rule } from './rule';

export const issuesRule: Rule = ({ frontMatter }) => {
  const findings: Finding[] = [];
  (frontMatter.data.issues ?? []).forEach((issue, index) => {
    if (typeof issue !== 'string' || knownIssue(issue)) return;
    const range = frontMatter.locate?.(['issues', index]);
    if (!range) return;
    const closest = closestIssues(issue);
    findings.push({
      code: 'references/unknown-issue',
      severity: 'warning',
      range,
      message: closest.length
        ? l10n.t('"{0}" is not in UPR Info\'s issue list; did you mean {1}?', issue, closest.map((label) => `"${label}"`).join(', '))
        : l10n.t('"{0}" is not in UPR Info\'s issue list.', issue),
    });
  });
  return findings;
};

/** The issues of UPR Info's list meant by the unknown one at a range (a finding's): the quick fixes' names. */
export function suggestedIssues({ data, locate }: FrontMatterResult, range: Range): string[] {
  const at = (data.issues ?? []).findIndex((_, index) => {
    const located = locate?.(['issues', index]);
    return located !== undefined && comparePositions(located.start, range.start) === 0 && comparePositions(located.end, range.end) === 0;
  });
  const issue = data.issues?.[at];
  return typeof issue === 'string' && !knownIssue(issue) ? closestIssues(issue) : [];
}
