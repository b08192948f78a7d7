// Completion of previous recommendations: after `@rec` (then words to search by) or while typing
// a reference (`A/HRC/15/`, `A/HRC/15/2, para. 76.`). The State under review's recommendations
// from the previous cycle come first, those on the submission's `issues` before the others; the inserted text is the canonical reference followed by
// the recommending States, as in UN documents: `A/HRC/15/2, para. 76.27 (Austria)`.

import * as l10n from '@vscode/l10n';
import { CompletionItem, CompletionItemKind, MarkupKind } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analyse';
import { isSample, responseLabel, type ReferenceLibrary } from '../core/references/library';
import { canonicalReference, type RecommendationRecord } from '../core/references/records';
import { LABELS } from '../core/smart/classify';
import type { Position, Range } from '../core/text';

const TRIGGER = /@rec(?:\s+([^@]*))?$|@rec(\S*)$/u;
const PARTIAL_REFERENCE = /(?<![\p{L}\p{N}/])((?:A|E|CEDAW|CRC|CCPR|CAT|CERD|CRPD|CMW|CED)\/[A-Za-z0-9./-]*(?:,?\s*(?:paras?\.?|п\.)\s*[\d.]*)?)$/u;
const LIMIT = 50;

export function recommendationCompletions(analysis: Analysis, library: ReferenceLibrary, before: string, position: Position): CompletionItem[] {
  const { state, cycle, issues } = analysis.frontMatter.data;
  const trigger = TRIGGER.exec(before);
  const partial = trigger ? undefined : PARTIAL_REFERENCE.exec(before);
  if (!trigger && !partial) return [];
  const typed = trigger ? trigger[0] : partial![1];
  const range = { start: { line: position.line, character: position.character - typed.length }, end: position };

  let records: RecommendationRecord[];
  if (trigger) {
    const words = (trigger[1] ?? trigger[2] ?? '').trim();
    records = words
      ? library.index.search(words, { state, limit: LIMIT }).map((hit) => hit.record)
      : state
        ? library.index.forState(state)
        : [];
  } else {
    const typedKey = typed.toLowerCase().replace(/\s+/g, ' ');
    const candidates = state ? library.index.forState(state) : [];
    records = candidates.filter((record) => canonicalReference(record)?.toLowerCase().startsWith(typedKey.replace(/,?\s*(paras?\.?|п\.)\s*/, ', para. ')) ?? false);
  }
  // The previous cycle first (the recommendations this review follows up), then those on the
  // submission's own issues.
  const ownIssues = new Set((issues ?? []).map((issue) => issue.toLowerCase()));
  const onOwnIssue = (record: RecommendationRecord) => record.issues.some((issue) => ownIssues.has(issue.toLowerCase()));
  const rank = (record: RecommendationRecord) =>
    (cycle !== undefined && record.cycle === cycle - 1 ? 0 : 2) + (onOwnIssue(record) ? 0 : 1);
  return records
    .filter((record) => record.symbol !== undefined)
    .map((record, order) => ({ record, order }))
    .sort((a, b) => rank(a.record) - rank(b.record) || a.order - b.order)
    .slice(0, LIMIT)
    .map(({ record }, order) => item(record, library, range, typed, order));
}

function item(record: RecommendationRecord, library: ReferenceLibrary, range: Range, typed: string, order: number): CompletionItem {
  const reference = canonicalReference(record)!;
  const states = record.recommendingStates.length ? ` (${record.recommendingStates.join(', ')})` : '';
  const facts = [
    record.recommendingStates.join(', '),
    responseLabel(record),
    record.actionCategory ? LABELS[record.actionCategory] : undefined,
  ].filter(Boolean);
  const sample = isSample(library, record) ? `${l10n.t('⚠️ SAMPLE DATA, not an official text')}\n\n` : '';
  return {
    label: reference,
    kind: CompletionItemKind.Reference,
    detail: facts.join(' · '),
    documentation: { kind: MarkupKind.Markdown, value: `${sample}${record.text}` },
    // Whatever was typed (words after @rec, or the start of the symbol) keeps the item in the list.
    filterText: `${typed} ${reference} ${record.text}`,
    sortText: String(order).padStart(4, '0'),
    textEdit: { range, newText: `${reference}${states}` },
  };
}
