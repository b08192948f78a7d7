// The shape every rule has: the analysed document in, findings out.

import type { AnalysisConfig } from '../config';
import type { SubmissionDocument } from '../document';
import type { Finding } from '../findings';
import type { FrontMatterResult } from '../frontMatter';
import type { ReferenceLibrary } from '../references/library';
import type { AnalysedRecommendation } from '../smart/recommendations';
import type { WordCount } from '../wordCount';
import type { WordLimit } from './wordLimit';

export interface RuleContext {
  model: SubmissionDocument;
  config: AnalysisConfig;
  frontMatter: FrontMatterResult;
  wordCount: WordCount;
  wordLimit: WordLimit;
  recommendations: AnalysedRecommendation[];
  /** The coalition's previous recommendations, when the workspace has any. */
  library: ReferenceLibrary | undefined;
}

export type Rule = (context: RuleContext) => Finding[];
