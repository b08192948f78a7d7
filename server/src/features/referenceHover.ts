// Hover on a reference to a previous recommendation (`A/HRC/15/2, para. 76.27`): its full text,
// recommending States, response, action category, issues and SDGs, as the index knows them.

import { basename } from 'node:path';
import * as l10n from '@vscode/l10n';
import { Hover, MarkupKind } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analyse';
import { actionCategoryLabel, isSample, itemAsCited, responseLabel, type ReferenceLibrary } from '../core/references/library';
import { canonicalReference, type RecommendationRecord } from '../core/references/records';
import { containsPosition, Position, textKey } from '../core/text';

export function referenceHover({ model }: Analysis, position: Position, library: ReferenceLibrary): Hover | null {
  const reference = model.references.find(({ range }) => containsPosition(range, position));
  if (!reference) return null;
  const resolution = library.index.resolve(reference.symbol, reference.paragraph);
  if (resolution.kind === 'none') return null;
  let parts: string[];
  if (resolution.kind === 'item' && !resolution.ambiguous) {
    // One item, as completion shows it: its words once, with every State the item credits. Records
    // whose words are in the item's (co-sponsors, parts, the same row in two files) are the item
    // too; only other words are listed.
    const shown = itemAsCited(resolution)!;
    parts = [describe(shown, library, shown.recommendingStates)];
    const itemWords = textKey(shown.text);
    const otherWords = resolution.records.filter((record) => !itemWords.includes(textKey(record.text)));
    if (otherWords.length) parts.push(otherRecords(otherWords));
  } else if (resolution.kind === 'item') {
    // Ambiguous: each text once, with the States of all its records.
    const texts = byText(resolution.records);
    parts = [l10n.t('**Ambiguous:** the index holds different recommendations under this reference.')];
    for (const { record, states } of texts.slice(0, SHOWN)) parts.push(describe(record, library, states));
    const others = texts.slice(SHOWN).map(({ record }) => record);
    if (others.length) parts.push(otherRecords(others));
  } else {
    const shown = resolution.records.slice(0, SHOWN);
    parts = shown.map((record) => describe(record, library, record.recommendingStates));
    const others = resolution.records.length - shown.length;
    if (others) parts.push(l10n.t('… and {0} more recommendations in this document', others));
  }
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: reference.range };
}

/** Records shown in full when a reference is ambiguous or names a whole document; the others are listed. */
const SHOWN = 5;
const OTHER_WORDS_SHOWN = 100;

/** Records by their words, in order, each text with the recommending States of all its records. */
function byText(records: readonly RecommendationRecord[]): { record: RecommendationRecord; states: string[] }[] {
  const texts = new Map<string, { record: RecommendationRecord; states: string[] }>();
  for (const record of records) {
    const key = textKey(record.text);
    const known = texts.get(key);
    if (!known) texts.set(key, { record, states: [...record.recommendingStates] });
    else for (const state of record.recommendingStates) if (!known.states.includes(state)) known.states.push(state);
  }
  return [...texts.values()];
}

/** Other records under the reference: their words, by whom and where, for the writer to check. */
function otherRecords(others: RecommendationRecord[]): string {
  const listed = others.slice(0, SHOWN).map((record) => {
    const words = record.text.length > OTHER_WORDS_SHOWN ? `${record.text.slice(0, OTHER_WORDS_SHOWN - 1).trimEnd()}…` : record.text;
    const states = record.recommendingStates.join(', ') || l10n.t('no recommending State');
    return `- "${words.replace(/\s+/g, ' ')}" (${states}, ${basename(record.source.file)}:${record.source.line})`;
  });
  const more = others.length > listed.length ? [l10n.t('… and {0} more', others.length - listed.length)] : [];
  return [l10n.t('Also under this reference:'), ...listed, ...more].join('\n');
}

function describe(record: RecommendationRecord, library: ReferenceLibrary, recommendingStates: readonly string[]): string {
  const heading = [`**${canonicalReference(record) ?? record.symbol ?? ''}**`, record.state, record.year ? String(record.year) : undefined]
    .filter(Boolean)
    .join(' · ');
  const facts = [
    recommendingStates.length ? l10n.t('Recommended by {0}', recommendingStates.join(', ')) : undefined,
    responseLabel(record),
    record.actionCategory ? l10n.t('UPR Info category {0} ({1})', record.actionCategory, actionCategoryLabel(record)!) : undefined,
  ].filter(Boolean);
  const lines = [
    isSample(library, record) ? l10n.t('⚠️ SAMPLE DATA, not an official text') : undefined,
    heading,
    `> ${record.text.replace(/\n/g, ' ')}`,
    facts.join(' · '),
    record.issues.length ? l10n.t('Issues: {0}', record.issues.join(', ')) : undefined,
    record.sdgs.length ? l10n.t('SDGs: {0}', record.sdgs.join(', ')) : undefined,
  ];
  return lines.filter((line) => line !== undefined && line !== '').join('\n\n');
}
