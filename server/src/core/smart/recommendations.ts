// Classifies every recommendation of a submission once per analysis, for the SMART rule, the
// hover and the quick fixes alike.

import type { SmartConfig } from '../config';
import type { Recommendation } from '../document';
import type { FrontMatterData } from '../frontMatter';
import { withoutCitations } from './citations';
import { classifyRecommendation, type Classification, type Language } from './classify';

export interface AnalysedRecommendation {
  item: Recommendation;
  classification: Classification;
  /** Words as a reader counts them. */
  words: number;
}

const LANGUAGES = new Set<string>(['en', 'ru', 'fr', 'es']);

/**
 * A keystroke changes one recommendation at most: the others' classifications are kept, by
 * language and text, for as long as the SMART settings are the same object.
 */
const CACHE_LIMIT = 10_000;
const cache = new Map<string, Classification>();
let cachedFor: SmartConfig | undefined;

export function analyseRecommendations(items: Recommendation[], data: FrontMatterData, config: SmartConfig): AnalysedRecommendation[] {
  if (cachedFor !== config || cache.size > CACHE_LIMIT) {
    cache.clear();
    cachedFor = config;
  }
  // The submission's language decides, where the front matter gives one; otherwise each is detected.
  const language = data.language && LANGUAGES.has(data.language) ? (data.language as Language) : undefined;
  return items.map((item) => {
    const key = `${language ?? ''}\u0000${item.text}`;
    let classification = cache.get(key);
    if (!classification) {
      classification = classifyRecommendation(withoutCitations(item.text), { language, extraVerbs: config.extraVerbs, concreteTerms: config.acceptedTerms });
      cache.set(key, classification);
    }
    return { item, classification, words: item.text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length };
  });
}
