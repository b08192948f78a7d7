// Hover on a reference to a previous recommendation (`A/HRC/15/2, para. 76.27`): its full text,
// recommending States, response, action category, issues and SDGs, as the index knows them.

import { basename } from 'node:path';
import * as l10n from '@vscode/l10n';
import { Hover, MarkupKind } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analyse';
import { isSample, responseLabel, type ReferenceLibrary } from '../core/references/library';
import { canonicalReference, type RecommendationRecord } from '../core/references/records';
import { LABELS } from '../core/smart/classify';
import { containsPosition, Position } from '../core/text';

export function referenceHover({ model }: Analysis, position: Position, library: ReferenceLibrary): Hover | null {
  const reference = model.references.find(({ range }) => containsPosition(range, position));
  if (!reference) return null;
  const resolution = library.index.resolve(reference.symbol, reference.paragraph);
  if (resolution.kind === 'none') return null;
  const records = resolution.kind === 'item' ? resolution.records.slice(0, resolution.ambiguous ? 5 : 1) : resolution.records.slice(0, 5);
  const parts = records.map((record) => describe(record, library));
  if (resolution.ambiguous) parts.unshift(l10n.t('**Ambiguous:** the index holds different recommendations under this reference.'));
  const others = resolution.records.slice(records.length);
  if (others.length) parts.push(resolution.kind === 'item' ? otherSources(others) : l10n.t('… and {0} more recommendations in this document', others.length));
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: reference.range };
}

/** The item's other records, by whom and where, so that the writer can tell a duplicate from a conflict. */
function otherSources(others: RecommendationRecord[]): string {
  const shown = others.slice(0, OTHER_SOURCES_SHOWN).map((record) => {
    const states = record.recommendingStates.join(', ') || l10n.t('no recommending State');
    return `${states} (${basename(record.source.file)}:${record.source.line})`;
  });
  const more = others.length > shown.length ? l10n.t(', and {0} more', others.length - shown.length) : '';
  return l10n.t('Also under this reference: {0}', `${shown.join('; ')}${more}`);
}

const OTHER_SOURCES_SHOWN = 5;

function describe(record: RecommendationRecord, library: ReferenceLibrary): string {
  const heading = [`**${canonicalReference(record) ?? record.symbol ?? ''}**`, record.state, record.year ? String(record.year) : undefined]
    .filter(Boolean)
    .join(' · ');
  const facts = [
    record.recommendingStates.length ? l10n.t('Recommended by {0}', record.recommendingStates.join(', ')) : undefined,
    responseLabel(record),
    record.actionCategory ? l10n.t('UPR Info category {0} ({1})', record.actionCategory, LABELS[record.actionCategory]) : undefined,
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
