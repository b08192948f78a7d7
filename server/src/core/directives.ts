// Inline rule switches written as HTML comments:
//   <!-- upr-disable-next-line numbering/gap -->   the line after the comment
//   <!-- upr-disable-line word-limit -->           the comment's own line
//   <!-- upr-disable-file smart -->                the whole document
// A switch names codes (`numbering/gap`) or groups (`numbering`); none means every rule.

import type { Range } from './text';

export type DirectiveScope = 'line' | 'next-line' | 'file';

export interface RuleDirective {
  scope: DirectiveScope;
  /** Codes or groups; empty for every rule. */
  rules: string[];
  /** The line it applies to (for `file`, the comment's line). */
  line: number;
  range: Range;
}

const DIRECTIVE = /^\s*upr-disable-(next-line|line|file)(?:\s+([\s\S]*?))?\s*$/;

export function parseDirectives(comments: { text: string; range: Range }[]): RuleDirective[] {
  const directives: RuleDirective[] = [];
  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.text);
    if (!match) continue;
    const scope = match[1] as DirectiveScope;
    directives.push({
      scope,
      rules: (match[2] ?? '').split(/[\s,]+/).filter(Boolean),
      line: scope === 'next-line' ? comment.range.end.line + 1 : comment.range.start.line,
      range: comment.range,
    });
  }
  return directives;
}

/** Whether a finding with this code on this line is switched off. */
export function isDisabled(directives: RuleDirective[], code: string, line: number): boolean {
  return directives.some(
    (directive) =>
      (directive.scope === 'file' || directive.line === line) &&
      (directive.rules.length === 0 || directive.rules.some((rule) => ruleMatches(rule, code))),
  );
}

export function ruleMatches(rule: string, code: string): boolean {
  return code === rule || code.startsWith(`${rule}/`);
}
