// Completion of previous recommendations: after `@rec` (then words to search by) or while typing
// a reference (`A/HRC/15/`, `A/HRC/15/2, para. 76.`). After `@rec`, the State under review's
// recommendations from the previous cycle come first, those on the submission's `issues` before
// the others; a reference being typed lists its documents' paragraphs in numeric order. The
// inserted text is the canonical reference followed by the recommending States, as in UN
// documents: `A/HRC/15/2, para. 76.27 (Austria)`.

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
  // A reference being typed, as the start of a canonical one: what it is compared with.
  const canonical = trigger ? undefined : typedReference(typed);
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
    const candidates = state ? library.index.forState(state) : [];
    records = candidates.filter((record) => canonicalReference(record)?.toLowerCase().startsWith(canonical!) ?? false);
  }
  // Words after @rec: the previous cycle first (the recommendations this review follows up), then
  // those on the submission's own issues. A reference being typed: in the order of its paragraphs
  // (76.1, 76.10 ... 76.19, 76.100 for `76.1`), what it has been typed so far first.
  const ownIssues = new Set((issues ?? []).map((issue) => issue.toLowerCase()));
  const onOwnIssue = (record: RecommendationRecord) => record.issues.some((issue) => ownIssues.has(issue.toLowerCase()));
  const rank = (record: RecommendationRecord) =>
    (cycle !== undefined && record.cycle === cycle - 1 ? 0 : 2) + (onOwnIssue(record) ? 0 : 1);
  const compare = trigger
    ? (a: RecommendationRecord, b: RecommendationRecord) => rank(a) - rank(b)
    : (a: RecommendationRecord, b: RecommendationRecord) => comparePapers(a, b);
  // One item per reference: a source may hold several records for it (one per recommending State,
  // or one crediting a State the report does not name), and the item is what the index makes of them.
  const offered = new Set<string>();
  const items: CompletionItem[] = [];
  const ranked = records
    .filter((record) => record.symbol !== undefined)
    .map((record, order) => ({ record, order }))
    .sort((a, b) => compare(a.record, b.record) || a.order - b.order);
  for (const { record } of ranked) {
    const reference = canonicalReference(record)!;
    if (offered.has(reference)) continue;
    offered.add(reference);
    items.push(item(reference, record, library, range, { typed, canonical }, items.length));
    if (items.length >= LIMIT) break;
  }
  return { isIncomplete: true, items };
}

/** A reference being typed, as the start of a canonical one: `a/hrc/15/2 paras 76.` → `a/hrc/15/2, para. 76.`. */
function typedReference(typed: string): string {
  return typed.toLowerCase().replace(/\s+/g, ' ').replace(/,?\s*(paras?\.?|п\.)\s*/, ', para. ');
}

/** Records in the order of their documents, then of their paragraphs as numbers (76.9 before 76.10). */
function comparePapers(a: RecommendationRecord, b: RecommendationRecord): number {
  if (a.symbol !== b.symbol) return (a.symbol ?? '') < (b.symbol ?? '') ? -1 : 1;
  const [x, y] = [a, b].map((record) => (record.paragraph ?? '').split('.').map(Number));
  return (x[0] || 0) - (y[0] || 0) || (x[1] ?? -1) - (y[1] ?? -1);
}

/**
 * What was typed when the list was asked for: words after `@rec`, or the start of a reference,
 * with its `canonical` form then (`typedReference`).
 */
type Typed = { typed: string; canonical?: string };

function item(reference: string, record: RecommendationRecord, library: ReferenceLibrary, range: Range, { typed, canonical }: Typed, order: number): CompletionItem {
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
  // Once the symbol is typed, only the paragraph tells the items apart: the label is the paragraph,
  // which a label as long as the whole reference would lose to the text beside it.
  const symbol = record.symbol!;
  const symbolTyped = canonical !== undefined && canonical.length > symbol.length;
  return {
    label: symbolTyped ? reference.slice(symbol.length + 2) : reference,
    // The start of the text beside the reference, to choose by content without opening each item.
    labelDetails: { description: shown.text.length > 60 ? `${shown.text.slice(0, 59)}…` : shown.text },
    kind: CompletionItemKind.Reference,
    detail: facts.join(' · '),
    documentation: { kind: MarkupKind.Markdown, value: `${sample}${ambiguity}${shown.text}` },
    // The editor filters the list by what is typed on: words after @rec keep every item; the start
    // of a reference, as typed, continued with the rest of this one, keeps the items it begins.
    filterText: canonical === undefined ? `${typed} ${reference} ${shown.text}` : `${typed}${reference.slice(canonical.trimEnd().length)}`,
    sortText: String(order).padStart(4, '0'),
    textEdit: { range, newText: `${reference}${states}` },
  };
}
