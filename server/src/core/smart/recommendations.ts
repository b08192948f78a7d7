// Classifies every recommendation of a submission once per analysis, for the SMART rule, the
// hover and the quick fixes alike.

import type { SmartConfig } from '../config';
import type { Recommendation } from '../document';
import type { FrontMatterData } from '../frontMatter';
import { classifyRecommendation, type Classification, type Language } from './classify';

export interface AnalysedRecommendation {
  item: Recommendation;
  classification: Classification;
  /** Words as a reader counts them. */
  words: number;
}

const LANGUAGES = new Set<string>(['en', 'ru', 'fr', 'es']);

export function analyseRecommendations(items: Recommendation[], data: FrontMatterData, config: SmartConfig): AnalysedRecommendation[] {
  // The submission's language decides, where the front matter gives one; otherwise each is detected.
  const language = data.language && LANGUAGES.has(data.language) ? (data.language as Language) : undefined;
  return items.map((item) => ({
    item,
    classification: classifyRecommendation(item.text, { language, extraVerbs: config.extraVerbs }),
    words: item.text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length,
  }));
}
