// Quick fixes for SMART findings, as text edits: stronger wording for a weak lead verb, a time
// frame appended, a two-action recommendation split into two items.

import * as l10n from '@vscode/l10n';
import en from '../smart/rewrites/en.json';
import es from '../smart/rewrites/es.json';
import fr from '../smart/rewrites/fr.json';
import ru from '../smart/rewrites/ru.json';
import type { Language } from '../smart/classify';
import type { AnalysedRecommendation } from '../smart/recommendations';
import type { SubmissionDocument } from '../document';
import type { TextEdit } from './renumber';

export interface Fix {
  title: string;
  edits: TextEdit[];
}

interface RewriteData {
  byYear: string;
  beforeNextReview: string;
  rewrites: { pattern: string; replacements: string[] }[];
  verbs: Record<string, string>;
}

const DATA: Record<Language, RewriteData> = { en, ru, fr, es };
const COMPILED = new Map<Language, { pattern: RegExp; replacements: string[] }[]>();

function rewritesFor(language: Language) {
  let compiled = COMPILED.get(language);
  if (!compiled) {
    compiled = DATA[language].rewrites.map(({ pattern, replacements }) => ({ pattern: new RegExp(pattern, 'iu'), replacements }));
    COMPILED.set(language, compiled);
  }
  return compiled;
}

/** "Consider ratifying X" → "Ratify X": one fix per stronger wording the language's data offers. */
export function strongerWording(model: SubmissionDocument, { item, classification }: AnalysedRecommendation): Fix[] {
  const { action, language } = classification;
  if (!action || classification.category === 5) return [];
  const rest = item.text.slice(action.start);
  const data = DATA[language];
  const fixes: Fix[] = [];
  for (const { pattern, replacements } of rewritesFor(language)) {
    const match = pattern.exec(rest);
    if (!match) continue;
    for (const replacement of replacements) {
      const expanded = replacement.replace(/\{verb:\$(\d)\}|\$(\d)/g, (_, verbGroup: string | undefined, group: string | undefined) => {
        const captured = match[Number(verbGroup ?? group)] ?? '';
        return verbGroup ? (data.verbs[captured.toLowerCase()] ?? captured) : captured;
      });
      const newText = matchCase(match[0], expanded);
      const start = item.textOffset + action.start;
      fixes.push({
        title: l10n.t('Replace "{0}" with "{1}"', match[0], newText),
        edits: [{ range: model.lines.range(start, start + match[0].length), newText }],
      });
    }
    break;
  }
  return fixes;
}

/** Appends "by 2029" (the year before the next review) before the item's closing punctuation. */
export function appendTimeFrame(model: SubmissionDocument, { item, classification }: AnalysedRecommendation, year: number | undefined): Fix {
  const data = DATA[classification.language];
  const phrase = year === undefined ? data.beforeNextReview : data.byYear.replace('{year}', String(year));
  // The end of what a reader sees, before a closing full stop or semicolon.
  let end = item.text.trimEnd().length;
  if (/[.;,]/.test(item.text[end - 1] ?? '')) end--;
  // Before a closing citation: "Ratify X by 2029 (SDG 16.3)."
  const citation = /\s*\((?:SDG|ЦУР|ODD|ODS)s?[^()]*\)\s*$/u.exec(item.text.slice(0, end));
  if (citation) end = citation.index;
  const offset = item.textOffset + end;
  return {
    title: l10n.t('Add the time frame "{0}"', phrase),
    edits: [{ range: model.lines.range(offset, offset), newText: ` ${phrase}` }],
  };
}

// What joins two actions and is left out when they become two items.
const JOINER = /[\s,;]*(?:\b(?:and|et|y)\b|(?<![\p{L}])и(?![\p{L}]))?[\s,;]*$/u;

/** Splits "Adopt X and establish Y." into "- Adopt X." and "- Establish Y." */
export function splitActions(model: SubmissionDocument, { item, classification }: AnalysedRecommendation): Fix | undefined {
  const second = classification.secondAction;
  if (!second || second.start <= 0) return undefined;
  const before = item.text.slice(0, second.start);
  const firstEnd = before.length - (JOINER.exec(before)?.[0].length ?? 0);
  if (firstEnd <= 0) return undefined;
  // The bullet with its indentation and spacing, as the writer typed it.
  const marker = model.text.slice(model.lines.offsetAt(item.range.start), item.textOffset);
  const stop = /[.;]$/.test(item.text.slice(0, firstEnd)) ? '' : '.';
  const secondStart = item.textOffset + second.start;
  const capital = model.text[secondStart].toLocaleUpperCase();
  return {
    title: l10n.t('Split into two recommendations'),
    edits: [
      {
        range: model.lines.range(item.textOffset + firstEnd, secondStart + 1),
        newText: `${stop}\n${marker}${capital}`,
      },
    ],
  };
}

/** The replacement with the original's first letter case: "Consider" → "Ratify", "consider" → "ratify". */
function matchCase(original: string, replacement: string): string {
  const first = original[0];
  if (!first || first.toLocaleUpperCase() !== first) return replacement;
  return replacement[0].toLocaleUpperCase() + replacement.slice(1);
}
