// Code action on a thematic section's heading: "Insert assessment of previous recommendations on
// <issue>", a table of the index's recommendations to the State on that issue, ready to fill in.

import * as l10n from '@vscode/l10n';
import { CodeAction, CodeActionKind } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analyse';
import { citedItem, responseLabel, type ReferenceLibrary } from '../core/references/library';
import { canonicalReference, type RecommendationRecord } from '../core/references/records';
import type { Range } from '../core/text';

export function assessmentActions(analysis: Analysis, range: Range, library: ReferenceLibrary, uri: string): CodeAction[] {
  const { model, frontMatter } = analysis;
  const section = model.sections.find((candidate) => candidate.headingRange.start.line === range.start.line);
  const state = frontMatter.data.state;
  if (!section || section.kind !== 'other' || !state) return [];
  const received = new Set(library.index.forState(state));
  const lineEnd = model.lines.lineEnd(section.headingRange.start.line);
  const eol = /\r\n|\r|\n/.exec(model.text)?.[0] ?? '\n';
  return (frontMatter.data.issues ?? []).flatMap((issue) => {
    // One row per reference, however many records (one per recommending State) the item has.
    const byReference = new Map<string, RecommendationRecord>();
    for (const record of library.index.byIssue(issue)) {
      const reference = received.has(record) ? canonicalReference(record) : undefined;
      if (reference && !byReference.has(reference)) byReference.set(reference, citedItem(library.index, record).shown);
    }
    const records = [...byReference.values()];
    if (!records.length) return [];
    return [
      {
        title: l10n.t('Insert assessment of previous recommendations on {0}', issue),
        kind: `${CodeActionKind.Refactor}.insert`,
        edit: { changes: { [uri]: [{ range: model.lines.range(lineEnd, lineEnd), newText: eol + eol + table(records, eol) }] } },
      },
    ];
  });
  function table(records: RecommendationRecord[], eol: string): string {
    const cell = (text: string) => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
    const placeholder = l10n.t('not / partially / fully implemented');
    const rows = [
      `| ${l10n.t('Reference')} | ${l10n.t('Recommending State')} | ${l10n.t('Response')} | ${l10n.t('Implementation')} | ${l10n.t('Evidence')} |`,
      '|---|---|---|---|---|',
      ...records.map(
        (record) =>
          `| ${cell(canonicalReference(record)!)} | ${cell(record.recommendingStates.join(', '))} | ${responseLabel(record) ?? ''} | ${placeholder} |  |`,
      ),
    ];
    return rows.join(eol);
  }
}
