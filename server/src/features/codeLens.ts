// A code lens above each of the coalition's recommendations: which States made similar
// recommendations before ("Similar past recommendations: Germany 3, Canada 2"), the States to lobby.

import { pathToFileURL } from 'node:url';
import * as l10n from '@vscode/l10n';
import type { CodeLens } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analyse';
import { canonicalReference } from '../core/references/records';
import type { ReferenceLibrary } from '../core/references/library';
import { recommendingStatesOf } from '../core/references/recommendationIndex';
import { ShowSimilarRecommendationsCommand, type SimilarRecommendation } from '../protocol';

const STATES_SHOWN = 4;

/** What the lens's numbers count. */
function lensTooltip(): string {
  return l10n.t(
    "Past recommendations most like this one (with at least half of its words, or far closer than the rest), counted by the State that made them: the States most likely to make it again. Click to read them.",
  );
}

interface LensContent {
  title: string;
  similar: SimilarRecommendation[];
}

/**
 * The editor asks for lenses after every change, but a keystroke changes one recommendation at
 * most: each text's lens is kept, per library, until the library is read again.
 */
const cache = new WeakMap<ReferenceLibrary, Map<string, LensContent | undefined>>();

export function codeLenses(analysis: Analysis, library: ReferenceLibrary): CodeLens[] {
  let lenses = cache.get(library);
  if (!lenses) cache.set(library, (lenses = new Map()));
  const known = lenses;
  return analysis.recommendations.flatMap(({ item }) => {
    if (!known.has(item.text)) known.set(item.text, lensContent(item.text, library));
    const content = known.get(item.text);
    if (!content) return [];
    const line = item.range.start.line;
    return [
      {
        range: { start: { line, character: 0 }, end: { line, character: 0 } },
        command: { title: content.title, tooltip: lensTooltip(), command: ShowSimilarRecommendationsCommand, arguments: [content.similar] },
      },
    ];
  });
}

function lensContent(text: string, library: ReferenceLibrary): LensContent | undefined {
  // One search: the records counted are those the list shows.
  const hits = library.index.similarForLobbying(text);
  const counts = recommendingStatesOf(hits);
  if (!counts.length) return undefined;
  const summary = counts.slice(0, STATES_SHOWN).map(({ state, count }) => `${state} ${count}`).join(', ');
  const similar = hits.slice(0, 20).map(({ record }) => ({
    reference: canonicalReference(record),
    state: record.state,
    recommendingStates: record.recommendingStates,
    text: record.text,
    source: { uri: pathToFileURL(record.source.file).toString(), line: Math.max(0, record.source.line - 1) },
  }));
  const states = `${summary}${counts.length > STATES_SHOWN ? ', …' : ''}`;
  // Sample data is read only when the coalition has none of its own: its made-up States are said to be such.
  const title = library.sampleFiles.size ? l10n.t('Similar past recommendations (sample data): {0}', states) : l10n.t('Similar past recommendations: {0}', states);
  return { title, similar };
}
