// The `uprSubmission.*` settings as the client sends them, turned into analysis settings.
// Anything malformed falls back to the default instead of breaking the analysis.

import { AnalysisConfig, resolveConfig } from './core/config';
import { SEVERITIES, Severity } from './core/findings';

export interface ServerSettings {
  analysis: AnalysisConfig;
  trigger: 'onType' | 'onSave';
  debounceMs: number;
}

export function readSettings(raw: unknown): ServerSettings {
  const settings = isRecord(raw) ? raw : {};
  const lint = isRecord(settings.lint) ? settings.lint : {};
  const wordLimit = isRecord(settings.wordLimit) ? settings.wordLimit : {};
  const rules: Record<string, Severity | 'off'> = {};
  if (isRecord(settings.rules)) {
    for (const [rule, severity] of Object.entries(settings.rules)) {
      if (severity === 'off' || SEVERITIES.includes(severity as Severity)) rules[rule] = severity as Severity | 'off';
    }
  }
  const defaults = resolveConfig();
  return {
    analysis: resolveConfig({
      wordLimits: {
        individual: positive(wordLimit.individual) ?? defaults.wordLimits.individual,
        joint: positive(wordLimit.joint) ?? defaults.wordLimits.joint,
        nhri: positive(wordLimit.nhri) ?? defaults.wordLimits.nhri,
      },
      countFootnotes: typeof wordLimit.countFootnotes === 'boolean' ? wordLimit.countFootnotes : undefined,
      warnAtPercent: positive(wordLimit.warnAtPercent),
      rules,
    }),
    trigger: lint.trigger === 'onSave' ? 'onSave' : 'onType',
    debounceMs: typeof lint.debounceMs === 'number' && lint.debounceMs >= 0 ? lint.debounceMs : 300,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}
