// SDG references: a cited goal or target must exist, and a recommendation should cite the target it
// serves (with the closest targets proposed, and a quick fix that appends one).

import * as l10n from '@vscode/l10n';
import type { Recommendation, SdgReference, SubmissionDocument } from '../document';
import type { Finding } from '../findings';
import type { TextEdit } from '../fixes/renumber';
import { bestTargetsFor, sdgGoal, sdgLabel, sdgTarget, shortTargetText, targetSpans, type SdgLanguage } from '../references/sdg';
import { comparePositions, type Range } from '../text';
import type { Rule } from './rule';

export const sdgReferencesRule: Rule = ({ model, frontMatter, recommendations }) => {
  const findings: Finding[] = [];
  for (const reference of model.sdgReferences) {
    const message = unknownReferenceMessage(reference);
    if (message) findings.push({ code: 'references/sdg-unknown', severity: 'error', range: reference.idRange, message });
  }
  for (const { item } of recommendations) {
    if (citesSdg(model, item)) continue;
    const language = sdgLanguageOf(frontMatter.data.language, item.text);
    const ids = language ? bestTargetsFor(item.text, language) : [];
    findings.push({
      code: 'references/sdg-missing',
      severity: 'hint',
      range: firstLineOf(model, item),
      message: ids.length
        ? l10n.t(
            'The recommendation cites no SDG target. The closest: {0}.',
            // As the submission cites them ("SDG 5.2" in an English one, whatever the editor's language), which the quick fixes write.
            ids.map((id) => `${sdgLabel(frontMatter.data.language ?? language)} ${id} (${shortTargetText(id, language!, 50)})`).join('; '),
          )
        : l10n.t('The recommendation cites no SDG target: add the one it serves, as in "(SDG 16.3)".'),
    });
  }
  return findings;
};

/** Why a reference is wrong, or undefined when its goal or target exists. */
function unknownReferenceMessage(reference: SdgReference): string | undefined {
  if (reference.target === undefined ? sdgGoal(reference.id) : sdgTarget(reference.id)) return undefined;
  if (!sdgGoal(reference.goal)) return l10n.t('SDG {0} does not exist: the goals are numbered 1 to 17.', reference.id);
  const [numbered, lettered] = targetSpans(reference.goal);
  return lettered
    ? l10n.t('SDG {0} does not exist: SDG {1} has targets {2} and {3}.', reference.id, reference.goal, numbered, lettered)
    : l10n.t('SDG {0} does not exist: SDG {1} has targets {2}.', reference.id, reference.goal, numbered);
}

/** True when an SDG reference, right or wrong, stands anywhere in the item (its sub-items too). */
function citesSdg(model: SubmissionDocument, item: Recommendation): boolean {
  return model.sdgReferences.some(
    (reference) => comparePositions(item.range.start, reference.range.start) <= 0 && comparePositions(reference.range.end, item.range.end) <= 0,
  );
}

/** The item's text on its first line, without the bullet and trailing spaces. */
function firstLineOf(model: SubmissionDocument, item: Recommendation): Range {
  const start = item.textOffset;
  let end = Math.min(model.lines.lineEnd(item.textRange.start.line), model.lines.offsetAt(item.textRange.end));
  while (end > start && /\s/.test(model.text[end - 1])) end--;
  return model.lines.range(start, end);
}

/**
 * The language of the target texts to match a recommendation against: the submission's, when it
 * is English or Russian; none for French or Spanish; by its letters when the front matter has none.
 */
function sdgLanguageOf(documentLanguage: string | undefined, text: string): SdgLanguage | undefined {
  if (documentLanguage === 'en' || documentLanguage === 'ru') return documentLanguage;
  if (documentLanguage !== undefined) return undefined;
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return cyrillic > latin ? 'ru' : 'en';
}

/**
 * The targets to propose for a recommendation that cites none, best first (three at most), as the
 * `references/sdg-missing` hint names them; empty when it already cites one, or when the submission
 * is in French or Spanish. `language` is the front matter's `language`.
 */
export function sdgSuggestions(model: SubmissionDocument, recommendation: Recommendation, language: string | undefined): string[] {
  if (citesSdg(model, recommendation)) return [];
  const sdgLanguage = sdgLanguageOf(language, recommendation.text);
  return sdgLanguage ? bestTargetsFor(recommendation.text, sdgLanguage) : [];
}

/**
 * A quick fix citing a target: "Link to SDG 5.2: Eliminate all forms of violence…", which appends
 * ` (SDG 5.2)` (`ЦУР`, `ODD`, `ODS` after the front matter's `language`) before the item's final
 * full stop, or after its last word when it has none. Undefined for an unknown target.
 */
export function sdgCitation(
  model: SubmissionDocument,
  recommendation: Recommendation,
  id: string,
  language: string | undefined,
): { title: string; edits: TextEdit[] } | undefined {
  const target = sdgTarget(id);
  if (!target) return undefined;
  const { text, textOffset } = recommendation;
  // Hidden markup (a footnote marker, a comment) is blank in `text`: the last visible character.
  let last = text.length - 1;
  while (last >= 0 && /\s/.test(text[last])) last--;
  const at = textOffset + (text[last] === '.' ? last : last + 1);
  const textLanguage = sdgLanguageOf(language, text) ?? 'en';
  return {
    title: l10n.t('Link to SDG {0}: {1}', target.id, shortTargetText(target.id, textLanguage)!),
    edits: [{ range: model.lines.range(at, at), newText: ` (${sdgLabel(language ?? textLanguage)} ${target.id})` }],
  };
}
