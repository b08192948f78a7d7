// Completion of previous recommendations: after `@rec` (then words to search by) or while typing
// a reference (`A/HRC/15/`, `A/HRC/15/2, para. 76.`). The State under review's recommendations
// from the previous cycle come first, those on the submission's `issues` before the others; the inserted text is the canonical reference followed by
// the recommending States, as in UN documents: `A/HRC/15/2, para. 76.27 (Austria)`.

import * as l10n from '@vscode/l10n';
import { CompletionItem, CompletionItemKind, type CompletionList, MarkupKind } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analyse';
import { actionCategoryLabel, citedItem, isSample, responseLabel, type ReferenceLibrary } from '../core/references/library';
import { canonicalReference, type RecommendationRecord } from '../core/references/records';
import type { Position, Range } from '../core/text';

const TRIGGER = /@rec(?:\s+([^@]*))?$|@rec(\S*)$/u;
const PARTIAL_REFERENCE = /(?<![\p{L}\p{N}/])((?:A|E|CEDAW|CRC|CCPR|CAT|CERD|CRPD|CMW|CED)\/[A-Za-z0-9./-]*(?:,?\s*(?:paras?\.?|п\.)\s*[\d.]*)?)$/u;
const LIMIT = 50;
/** Records searched per item offered: UPR Info gives an item one record per recommending State. */
const RECORDS_PER_ITEM = 4;

/**
 * The previous recommendations for what was typed: an incomplete list, searched again as the
 * writer types on; an empty complete one outside `@rec` and references.
 */
export function recommendationCompletions(analysis: Analysis, library: ReferenceLibrary, before: string, position: Position): CompletionList {
  const { state, cycle, issues } = analysis.frontMatter.data;
  const trigger = TRIGGER.exec(before);
  const partial = trigger ? undefined : PARTIAL_REFERENCE.exec(before);
  if (!trigger && !partial) return { isIncomplete: false, items: [] };
  const typed = trigger ? trigger[0] : partial![1];
  const range = { start: { line: position.line, character: position.character - typed.length }, end: position };

  let records: RecommendationRecord[];
  if (trigger) {
    const words = (trigger[1] ?? trigger[2] ?? '').trim();
    records = words
      ? // Several records may make one item (one per recommending State): enough of them for LIMIT items.
        library.index.search(words, { state, limit: LIMIT * RECORDS_PER_ITEM }).map((hit) => hit.record)
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
  // One item per reference: a source may hold several records for it (one per recommending State,
  // or one crediting a State the report does not name), and the item is what the index makes of them.
  const offered = new Set<string>();
  const items: CompletionItem[] = [];
  const ranked = records
    .filter((record) => record.symbol !== undefined)
    .map((record, order) => ({ record, order }))
    .sort((a, b) => rank(a.record) - rank(b.record) || a.order - b.order);
  for (const { record } of ranked) {
    const reference = canonicalReference(record)!;
    if (offered.has(reference)) continue;
    offered.add(reference);
    items.push(item(reference, record, library, range, typed, items.length));
    if (items.length >= LIMIT) break;
  }
  return { isIncomplete: true, items };
}

function item(reference: string, record: RecommendationRecord, library: ReferenceLibrary, range: Range, typed: string, order: number): CompletionItem {
  const { shown, ambiguous } = citedItem(library.index, record);
  const states = shown.recommendingStates.length ? ` (${shown.recommendingStates.join(', ')})` : '';
  const facts = [
    ambiguous ? '⚠️' : undefined,
    shown.recommendingStates.join(', '),
    responseLabel(shown),
    actionCategoryLabel(shown),
  ].filter(Boolean);
  const sample = isSample(library, record) ? `${l10n.t('⚠️ SAMPLE DATA, not an official text')}\n\n` : '';
  const ambiguity = ambiguous ? `${l10n.t('**Ambiguous:** the index holds different recommendations under this reference.')}\n\n` : '';
  return {
    label: reference,
    // The start of the text beside the reference, to choose by content without opening each item.
    labelDetails: { description: shown.text.length > 60 ? `${shown.text.slice(0, 59)}…` : shown.text },
    kind: CompletionItemKind.Reference,
    detail: facts.join(' · '),
    documentation: { kind: MarkupKind.Markdown, value: `${sample}${ambiguity}${shown.text}` },
    // Whatever was typed (words after @rec, or the start of the symbol) keeps the item in the list.
    filterText: `${typed} ${reference} ${shown.text}`,
    sortText: String(order).padStart(4, '0'),
    textEdit: { range, newText: `${reference}${states}` },
  };
}
