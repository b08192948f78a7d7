// UPR Info's issue labels: the themes a submission lists in its front matter (`issues:`), for
// completion and to filter previous recommendations by.

import { closest } from '../closest';
import data from './uprInfoIssues.json';

export const UPR_INFO_ISSUES: readonly string[] = data.issues;

const normalise = (label: string) => label.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const BY_NORMAL = new Map(UPR_INFO_ISSUES.map((issue) => [normalise(issue), issue]));

/** The label as UPR Info writes it, for a label written in another case or punctuation. */
export function knownIssue(label: string): string | undefined {
  return BY_NORMAL.get(normalise(label));
}

/** The labels most alike `label`, best first: suggestions for a mistyped one. */
export function closestIssues(label: string, limit = 3): string[] {
  return closest(label, UPR_INFO_ISSUES, limit);
}
