// Suggestions for a mistyped label: the candidates most alike it by shared letter pairs (Dice's
// coefficient on bigrams), for "did you mean" in messages.

import { textKey } from './text';

function pairs(text: string): Set<string> {
  const result = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) result.add(text.slice(i, i + 2));
  return result;
}

/** The candidates at least `threshold` alike `label`, most alike first. */
export function closest(label: string, candidates: readonly string[], limit = 3, threshold = 0.3): string[] {
  const own = pairs(textKey(label));
  return candidates
    .map((candidate) => {
      const other = pairs(textKey(candidate));
      const shared = [...own].filter((pair) => other.has(pair)).length;
      return { candidate, score: (2 * shared) / (own.size + other.size || 1) };
    })
    .filter(({ score }) => score >= threshold)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}
