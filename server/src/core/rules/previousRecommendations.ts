// References to previous recommendations (`A/HRC/15/2, para. 76.27`) against the coalition's
// index: not in it, made to another State, or ambiguous. Quiet while the index is empty, and on
// documents of a series it holds none of (treaty-body paragraphs when only UPR reports were imported).

import * as l10n from '@vscode/l10n';
import type { Finding } from '../findings';
import { canonicalReference, type RecommendationRecord } from '../references/records';
import { textKey } from '../text';
import { findState } from '../references/states';
import type { Rule } from './rule';

export const previousRecommendationsRule: Rule = ({ model, frontMatter, library }) => {
  if (!library || library.index.size === 0) return [];
  const state = frontMatter.data.state;
  const findings: Finding[] = [];
  // The State's records as the index finds them, by any of its names or its code.
  const isOfState = (record: RecommendationRecord) => library.index.recordsConcerning(state ?? '').has(record);
  // A `state` neither the list of States nor the index knows is a typo, said once on the front
  // matter (front-matter/unknown-state): not again on every reference, as made to another State.
  const checksState = () => state !== undefined && (findState(state) !== undefined || library.index.recordsConcerning(state).size > 0);
  for (const reference of model.references) {
    // A document cited as a whole (a report, concluding observations) is not a recommendation.
    if (reference.paragraph === undefined) continue;
    const cited = canonicalReference(reference)!;
    const resolution = library.index.resolve(reference.symbol, reference.paragraph);
    if (resolution.kind === 'none' || resolution.records.length === 0) {
      if (!library.index.holdsSeries(reference.symbol)) continue;
      findings.push({
        code: 'references/unknown',
        severity: 'information',
        range: reference.range,
        // A report the index holds, without that paragraph: most likely a typo in the number.
        message:
          library.index.holdsDocument(reference.symbol)
            ? l10n.t('{0} has no paragraph {1} in the index of previous recommendations: check the number.', reference.symbol, reference.paragraph)
            : l10n.t('{0} is not in the index of previous recommendations: import the report into the recommendations folder.', cited),
      });
    } else if (checksState() && !resolution.records.some(isOfState)) {
      // Made to another State, whether or not the index can tell which of its records is meant.
      findings.push({
        code: 'references/other-state',
        severity: 'warning',
        range: reference.range,
        message: l10n.t('{0} was made to {1}, not to {2}.', cited, resolution.records[0].state, state!),
      });
    } else if (resolution.ambiguous) {
      findings.push({
        code: 'references/ambiguous',
        severity: 'warning',
        range: reference.range,
        message:
          resolution.reason === 'different-states'
            ? l10n.t('{0} is ambiguous: the index holds it for different States under review ({1}); hover to see the records.', cited, [...new Set(resolution.records.map((record) => record.state))].join(', '))
            : l10n.t('{0} is ambiguous: the index holds {1} different texts under it; hover to see them.', cited, new Set(resolution.records.map((record) => textKey(record.text))).size),
      });
    }
  }
  return findings;
};
