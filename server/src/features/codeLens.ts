// A code lens above each of the coalition's recommendations: which States made similar
// recommendations before ("Similar past recommendations: Germany 3, Canada 2"), the States to lobby.

import * as l10n from '@vscode/l10n';
import type { CodeLens } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analyse';
import { canonicalReference } from '../core/references/records';
import type { ReferenceLibrary } from '../core/references/library';
import { ShowSimilarRecommendationsCommand, type SimilarRecommendation } from '../protocol';


const STATES_SHOWN = 4;

export function codeLenses(analysis: Analysis, library: ReferenceLibrary): CodeLens[] {
  return analysis.recommendations.flatMap(({ item }) => {
    const counts = library.index.recommendingStatesFor(item.text);
    if (!counts.length) return [];
    const summary = counts.slice(0, STATES_SHOWN).map(({ state, count }) => `${state} ${count}`).join(', ');
    const similar: SimilarRecommendation[] = library.index.similar(item.text, { limit: 20, minCoverage: 0.5 }).map(({ record }) => ({
      reference: canonicalReference(record),
      state: record.state,
      recommendingStates: record.recommendingStates,
      text: record.text,
    }));
    const line = item.range.start.line;
    return [
      {
        range: { start: { line, character: 0 }, end: { line, character: 0 } },
        command: {
          title: l10n.t('Similar past recommendations: {0}', `${summary}${counts.length > STATES_SHOWN ? ', …' : ''}`),
          command: ShowSimilarRecommendationsCommand,
          arguments: [similar],
        },
      },
    ];
  });
}
