// "Advocacy targets": for each of the submission's recommendations, the States most likely to
// make it at the review, with the similar recommendations they made before as evidence.

import * as l10n from '@vscode/l10n';
import type { Analysis } from '../core/analyse';
import type { ReferenceLibrary } from '../core/references/library';
import { canonicalReference } from '../core/references/records';

const STATES_PER_RECOMMENDATION = 5;

/** A Markdown document with one table row per recommendation. */
export function advocacyTargets(analysis: Analysis, library: ReferenceLibrary): string {
  const cell = (text: string) => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
  const title = analysis.frontMatter.data.title ?? '';
  const lines = [
    `# ${l10n.t('Advocacy targets')}${title ? `: ${cell(title)}` : ''}`,
    '',
    l10n.t('States that made similar recommendations before, most first: the States to ask to make ours at the review.'),
    '',
    `| # | ${l10n.t('Recommendation')} | ${l10n.t('States to lobby')} | ${l10n.t('Evidence')} |`,
    '|---|---|---|---|',
  ];
  analysis.recommendations.forEach(({ item }, index) => {
    const counts = library.index.recommendingStatesFor(item.text, { limit: STATES_PER_RECOMMENDATION });
    const states = counts.map(({ state, count }) => `${state} (${count})`).join(', ') || l10n.t('none found');
    const evidence = counts
      .flatMap(({ state, examples }) => examples.slice(0, 1).map((record) => `${state}: ${canonicalReference(record) ?? ''} “${record.text}”`))
      .join('<br>');
    lines.push(`| ${index + 1} | ${cell(item.text)} | ${cell(states)} | ${cell(evidence)} |`);
  });
  return `${lines.join('\n')}\n`;
}
