// UPR Info's issue labels: the themes a submission lists in its front matter (`issues:`), for
// completion and to filter previous recommendations by.

import data from './uprInfoIssues.json';

export const UPR_INFO_ISSUES: readonly string[] = data.issues;

const normalise = (label: string) => label.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const BY_NORMAL = new Map(UPR_INFO_ISSUES.map((issue) => [normalise(issue), issue]));

/** The label as UPR Info writes it, for a label written in another case or punctuation. */
export function knownIssue(label: string): string | undefined {
  return BY_NORMAL.get(normalise(label));
}

/** The labels most alike `label` (shared letter pairs), best first: suggestions for a mistyped one. */
export function closestIssues(label: string, limit = 3): string[] {
  const own = pairs(normalise(label));
  return UPR_INFO_ISSUES.map((issue) => {
    const other = pairs(normalise(issue));
    const shared = [...own].filter((pair) => other.has(pair)).length;
    return { issue, score: (2 * shared) / (own.size + other.size || 1) };
  })
    .filter(({ score }) => score >= 0.3)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ issue }) => issue);
}

function pairs(text: string): Set<string> {
  const result = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) result.add(text.slice(i, i + 2));
  return result;
}
