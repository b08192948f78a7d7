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

/** Answers whether a finding with a code on a line is switched off, looking up by line. */
export function switchedOff(directives: RuleDirective[]): (code: string, line: number) => boolean {
  const everywhere = directives.filter((directive) => directive.scope === 'file');
  const byLine = new Map<number, RuleDirective[]>();
  for (const directive of directives) {
    if (directive.scope !== 'file') byLine.set(directive.line, [...(byLine.get(directive.line) ?? []), directive]);
  }
  const covers = (directive: RuleDirective, code: string) =>
    directive.rules.length === 0 || directive.rules.some((rule) => ruleMatches(rule, code));
  return (code, line) =>
    everywhere.some((directive) => covers(directive, code)) || (byLine.get(line) ?? []).some((directive) => covers(directive, code));
}

export function ruleMatches(rule: string, code: string): boolean {
  return code === rule || code.startsWith(`${rule}/`);
}
