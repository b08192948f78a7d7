// "Prepare oral statement": the statement from the chosen parts and its speaking time, and the
// time of a statement as the user edits it. Pace and limit come from the extension's settings.

import type { Analysis } from '../core/analyse';
import { buildStatement, speakingTime } from '../core/oralStatement';
import type { OralStatementParams, OralStatementResult, SpeakingPace, SpeakingTimeResult } from '../protocol';

const DEFAULT_PACE: SpeakingPace = { wordsPerMinute: 130, minutes: 5 };

export function oralStatement(analysis: Analysis, params: Partial<OralStatementParams> | undefined): OralStatementResult {
  const text = buildStatement(analysis.model, analysis.frontMatter.data, {
    sections: indices(params?.sections),
    recommendations: indices(params?.recommendations),
  });
  return { text, time: speakingTime(text, pace(params)) };
}

export function statementTime(params: (Partial<SpeakingPace> & { text?: unknown }) | undefined): SpeakingTimeResult | null {
  return typeof params?.text === 'string' ? speakingTime(params.text, pace(params)) : null;
}

/** The pace asked for, where it is a positive number; the defaults otherwise. */
function pace(params: Partial<SpeakingPace> | undefined): SpeakingPace {
  const positive = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback);
  return {
    wordsPerMinute: positive(params?.wordsPerMinute, DEFAULT_PACE.wordsPerMinute),
    minutes: positive(params?.minutes, DEFAULT_PACE.minutes),
  };
}

function indices(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((index): index is number => Number.isInteger(index) && index >= 0) : [];
}
