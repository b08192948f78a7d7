// Completion: SDG targets after `SDG ` (`ЦУР `, `ODD `, `ODS `) by id or by words, UPR Info
// issues in the front matter's `issues:` list, and previous recommendations in a reference
// (`A/HRC/...`, `para.`) or after `@rec`.

import * as l10n from '@vscode/l10n';
import { CompletionItem, CompletionItemKind, type CompletionList, InsertTextFormat, MarkupKind } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analyse';
import { UPR_INFO_ISSUES } from '../core/references/issues';
import type { ReferenceLibrary } from '../core/references/library';
import { completeTargets, describeTarget, sdgGoal, searchTargets, sdgTarget, shortTargetText, type SdgLanguage } from '../core/references/sdg';
import type { Position } from '../core/text';
import { recommendationCompletions } from './recommendationCompletion';

const SDG_PREFIX = /(?<![\p{L}\p{N}])(?:SDG|ЦУР|ODD|ODS)s?[ \u00a0]+([\p{L}\p{N}.][\p{L}\p{N}. ]*)?$/u;

/**
 * The items for the text before `position`. A list found by searching for what was typed (words
 * after `SDG ` or `@rec`, the start of a reference) is incomplete: the editor asks again as the
 * writer types on, rather than filtering the first answer.
 */
export function completions(analysis: Analysis, position: Position, library: ReferenceLibrary | undefined): CompletionList {
  const { model } = analysis;
  const lineStart = model.lines.lineStart(position.line);
  const before = model.text.slice(lineStart, model.lines.offsetAt(position));

  if (model.frontMatter?.closed && position.line < model.frontMatter.range.end.line) {
    return { isIncomplete: false, items: isIssuesItem(model.text, model.lines, position.line, before) ? issueCompletions(before, position) : [] };
  }
  const sdg = SDG_PREFIX.exec(before);
  if (sdg) return sdgCompletions(sdg[1] ?? '', position, analysis.frontMatter.data.language === 'ru' ? 'ru' : 'en');
  return library ? recommendationCompletions(analysis, library, before, position) : { isIncomplete: false, items: [] };
}

function sdgCompletions(typed: string, position: Position, language: SdgLanguage): CompletionList {
  const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  const byWords = /\p{L}{2,}/u.test(typed.replace(/^\d+\.?[a-z]?$/, ''));
  const ids = byWords
    ? searchTargets(typed, language, 20).map((result) => result.id)
    : completeTargets(typed).map((completion) => completion.id);
  // Targets by words are searched again as they are typed; so are goals, whose targets are offered
  // once a goal's number is typed (`SDG 1` then lists 1.1 …); targets by id are filtered by the editor.
  const items = ids.map((id, order) => ({
    label: id,
    kind: sdgTarget(id) ? CompletionItemKind.Value : CompletionItemKind.Module,
    // Beside the id in the list: what the target or goal is about.
    labelDetails: { description: shortTargetText(id, language) },
    detail: sdgTarget(id)?.[language] ?? sdgGoal(id)?.[language].title,
    documentation: { kind: MarkupKind.Markdown, value: describeTarget(id, language) ?? '' },
    // Words typed after `SDG ` are replaced by the id they found; the client keeps the order.
    filterText: byWords ? typed : id,
    sortText: String(order).padStart(4, '0'),
    textEdit: { range, newText: id },
  }));
  return { isIncomplete: byWords || !typed.includes('.'), items };
}

/** A line `  - ...` of the list under the front matter's `issues:` key. */
function isIssuesItem(text: string, lines: Analysis['model']['lines'], line: number, before: string): boolean {
  if (!/^\s*-\s*/.test(before)) return false;
  for (let previous = line; previous >= 0; previous--) {
    const content = text.slice(lines.lineStart(previous), lines.lineEnd(previous));
    if (/^issues:/.test(content)) return true;
    if (/^\S/.test(content) && previous !== line) return false;
  }
  return false;
}

function issueCompletions(before: string, position: Position): CompletionItem[] {
  const typed = /-\s*(.*)$/.exec(before)?.[1] ?? '';
  const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  return UPR_INFO_ISSUES.map((issue) => ({
    label: issue,
    kind: CompletionItemKind.EnumMember,
    detail: l10n.t('UPR Info issue'),
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range, newText: issue },
  }));
}
