// Analysis settings: word limits, footnote counting, rule severities. The language server fills
// them from VS Code settings, the command line from its flags; both start from these defaults.

import type { Severity } from './findings';
import type { ClassifyOptions } from './smart/classify';

export type SubmissionType = 'individual' | 'joint' | 'nhri';

export interface AnalysisConfig {
  wordLimits: Record<SubmissionType, number>;
  countFootnotes: boolean;
  /** Percentage of the limit from which a warning is shown. */
  warnAtPercent: number;
  /** Per code (`numbering/gap`) or group (`numbering`): a severity, or `off`. */
  rules: Record<string, Severity | 'off'>;
  smart: SmartConfig;
}

export interface SmartConfig {
  /** A recommendation longer than this many words gets `smart/length`. */
  maxWords: number;
  /** The coalition's verbs and phrases per language and action category, added to the lexicons. */
  extraVerbs: NonNullable<ClassifyOptions['extraVerbs']>;
  /** The coalition's accepted terms: names of bodies, programmes and instruments that count as concrete objects. */
  acceptedTerms: string[];
}

export const DEFAULT_CONFIG: AnalysisConfig = {
  // OHCHR's current limits could not be confirmed (shared FACTS.md §1): hence configurable.
  wordLimits: { individual: 2815, joint: 5630, nhri: 5630 },
  countFootnotes: true,
  warnAtPercent: 90,
  rules: {},
  smart: { maxWords: 60, extraVerbs: {}, acceptedTerms: [] },
};

export type PartialConfig = Partial<Omit<AnalysisConfig, 'wordLimits' | 'smart'>> & {
  wordLimits?: Partial<AnalysisConfig['wordLimits']>;
  smart?: Partial<SmartConfig>;
};

/** Fills what a partial configuration leaves out with the defaults. */
export function resolveConfig(partial: PartialConfig = {}): AnalysisConfig {
  return {
    wordLimits: { ...DEFAULT_CONFIG.wordLimits, ...partial.wordLimits },
    countFootnotes: partial.countFootnotes ?? DEFAULT_CONFIG.countFootnotes,
    warnAtPercent: partial.warnAtPercent ?? DEFAULT_CONFIG.warnAtPercent,
    rules: { ...DEFAULT_CONFIG.rules, ...partial.rules },
    smart: { ...DEFAULT_CONFIG.smart, ...partial.smart },
  };
}

/** `override` on top of `base`, key by key: what the user set wins over the coalition's file. */
export function mergeConfig(base: PartialConfig, override: PartialConfig): PartialConfig {
  return {
    ...base,
    ...override,
    wordLimits: { ...base.wordLimits, ...override.wordLimits },
    rules: { ...base.rules, ...override.rules },
    smart: { ...base.smart, ...override.smart },
  };
}
