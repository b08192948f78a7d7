// The `uprSubmission.*` settings as the client sends them: only what the user set (the extension
// leaves out VS Code's defaults), so that they override the coalition's `.upr/config.yaml` and
// no more. Anything malformed is ignored instead of breaking the analysis.

import type { PartialConfig } from './core/config';
import { SEVERITIES, Severity } from './core/findings';

export interface ServerSettings {
  /** What the user's settings override in the analysis configuration. */
  overrides: PartialConfig;
  trigger: 'onType' | 'onSave';
  debounceMs: number;
  /** The folder of each workspace folder that holds previous recommendations. */
  referencesFolder: string;
}

export function readSettings(raw: unknown): ServerSettings {
  const settings = isRecord(raw) ? raw : {};
  const lint = isRecord(settings.lint) ? settings.lint : {};
  const wordLimit = isRecord(settings.wordLimit) ? settings.wordLimit : {};
  const smart = isRecord(settings.smart) ? settings.smart : {};
  const references = isRecord(settings.references) ? settings.references : {};
  const overrides: PartialConfig = {};

  const wordLimits = {
    individual: positive(wordLimit.individual),
    joint: positive(wordLimit.joint),
    nhri: positive(wordLimit.nhri),
  };
  const setLimits = Object.fromEntries(Object.entries(wordLimits).filter(([, value]) => value !== undefined));
  if (Object.keys(setLimits).length) overrides.wordLimits = setLimits;
  if (typeof wordLimit.countFootnotes === 'boolean') overrides.countFootnotes = wordLimit.countFootnotes;
  const warnAtPercent = positive(wordLimit.warnAtPercent);
  if (warnAtPercent !== undefined && warnAtPercent <= 100) overrides.warnAtPercent = warnAtPercent;

  if (isRecord(settings.rules)) {
    const rules: Record<string, Severity | 'off'> = {};
    for (const [rule, severity] of Object.entries(settings.rules)) {
      if (severity === 'off' || SEVERITIES.includes(severity as Severity)) rules[rule] = severity as Severity | 'off';
    }
    overrides.rules = rules;
  }
  const maxWords = positive(smart.maxWords);
  if (maxWords !== undefined) overrides.smart = { maxWords };

  return {
    overrides,
    trigger: lint.trigger === 'onSave' ? 'onSave' : 'onType',
    debounceMs: typeof lint.debounceMs === 'number' && lint.debounceMs >= 0 ? lint.debounceMs : 300,
    referencesFolder: typeof references.folder === 'string' && references.folder.trim() ? references.folder.trim() : 'recommendations',
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}
