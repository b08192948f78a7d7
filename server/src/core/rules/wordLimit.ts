// Word limit: a warning from the configured share of the limit, an error past it that starts
// at the first word over the limit.

import * as l10n from '@vscode/l10n';
import type { AnalysisConfig, SubmissionType } from '../config';
import type { FrontMatterData } from '../frontMatter';
import type { Finding } from '../findings';
import type { Rule } from './rule';

export interface WordLimit {
  limit: number;
  /** From this many words on, the submission is near its limit. */
  warnAt: number;
  /** Where the limit comes from: the front matter's `word_limit`, or the default for the type. */
  source: 'word_limit' | SubmissionType;
}

export function wordLimitFor(data: FrontMatterData, config: AnalysisConfig): WordLimit {
  const type: SubmissionType = data.type && data.type in config.wordLimits ? data.type : 'joint';
  const override = Number.isInteger(data.word_limit) && data.word_limit! > 0 ? data.word_limit : undefined;
  const limit = override ?? config.wordLimits[type];
  return { limit, warnAt: Math.ceil((limit * config.warnAtPercent) / 100), source: override ? 'word_limit' : type };
}

export const wordLimitRule: Rule = ({ model, config, wordCount, wordLimit }) => {
  const { words } = wordCount;
  const { limit, warnAt } = wordLimit;
  if (words < warnAt) return [];

  const exceeded = words > limit;
  // The word that crosses the line: the first over the limit (to the end of the text), or the
  // first in the warning zone.
  const target = (exceeded ? limit + 1 : warnAt) - 1;
  const start = wordCount.wordStarts[target];
  const end = exceeded ? wordCount.wordEnds[words - 1] : wordCount.wordEnds[target];
  const finding: Finding = exceeded
    ? {
        code: 'word-limit/exceeded',
        severity: 'error',
        range: model.lines.range(start, end),
        message: l10n.t(
          '{0} words: {1} over the limit of {2}. The text past the limit starts here.',
          words.toLocaleString('en'),
          (words - limit).toLocaleString('en'),
          limit.toLocaleString('en'),
        ),
      }
    : {
        code: 'word-limit/near',
        severity: 'warning',
        range: model.lines.range(start, end),
        message: l10n.t(
          '{0} of {1} words ({2} %): {3} words left. The last {4} % of the limit starts here.',
          words.toLocaleString('en'),
          limit.toLocaleString('en'),
          Math.floor((words / limit) * 100),
          (limit - words).toLocaleString('en'),
          100 - config.warnAtPercent,
        ),
      };
  return [finding];
};
