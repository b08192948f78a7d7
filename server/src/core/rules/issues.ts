// The submission's `issues` in the front matter come from UPR Info's issue list.

import * as l10n from '@vscode/l10n';
import { closestIssues, knownIssue } from '../references/issues';
import type { Finding } from '../findings';
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
      replacements: closest,
      message: closest.length
        ? l10n.t('"{0}" is not in UPR Info\'s issue list; did you mean {1}?', issue, closest.map((label) => `"${label}"`).join(', '))
        : l10n.t('"{0}" is not in UPR Info\'s issue list.', issue),
    });
  });
  return findings;
};
