// The recommendation matrix for a coalition's lobbying plan: one row per new recommendation, with
// where it stands, what the SMART core made of it (UPR Info action category and the letters it
// evaluates: specific, measurable, time-bound, and one action only), the SDG targets it cites and
// the previous recommendations it follows up. Pure: analyses in, rows out.

import type { Analysis } from '../analyse';
import type { DocumentReference, SubmissionDocument } from '../document';
import { containsPosition } from '../text';

export const MATRIX_COLUMNS = [
  'file',
  'state',
  'section',
  'recommendations_heading',
  'number',
  'line',
  'text',
  'action_category',
  'action_label',
  'action_verb',
  'specific',
  'measurable',
  'time_bound',
  'single_action',
  'sdg_targets',
  'follows_up',
  'follows_up_cited_in',
] as const;

export type MatrixRow = Record<(typeof MATRIX_COLUMNS)[number], string>;

const yesNo = (value: boolean) => (value ? 'yes' : 'no');
const LIST_SEPARATOR = '; ';

/** A previous recommendation as UN documents cite it: `A/HRC/15/2, para. 76.116`. */
const citation = (reference: DocumentReference) => `${reference.symbol}, para. ${reference.paragraph}`;

const unique = (values: string[]) => [...new Set(values)];

/** The thematic section a recommendations heading closes: the nearest section above it that is not about recommendations. */
function thematicSection(model: SubmissionDocument, index: number): number {
  let current: number | undefined = index;
  while (current !== undefined && model.sections[current].inRecommendations) current = model.sections[current].parent;
  return current ?? index;
}

/** The rows of one submission, its recommendations in document order (`number` as in the exported Word list). */
export function matrixRows(file: string, analysis: Analysis): MatrixRow[] {
  const { model, recommendations, frontMatter } = analysis;
  // Previous recommendations are cited by report symbol and paragraph. A section's own citations
  // are those of its text, not those another recommendation of it makes.
  const previous = model.references.filter((reference) => reference.paragraph !== undefined);
  const inAnyItem = (reference: DocumentReference) => recommendations.some(({ item }) => containsPosition(item.range, reference.range.start));
  return recommendations.map(({ item, classification }, index) => {
    const inItem = (range: DocumentReference['range']) => containsPosition(item.range, range.start);
    const own = unique(previous.filter((reference) => inItem(reference.range)).map(citation));
    const section = thematicSection(model, item.section);
    const { startOffset, endOffset } = model.sections[section];
    const inSection = unique(
      previous
        .filter((reference) => {
          const offset = model.lines.offsetAt(reference.range.start);
          return offset >= startOffset && offset < endOffset && !inAnyItem(reference);
        })
        .map(citation),
    );
    const followsUp = own.length ? own : inSection;
    return {
      file,
      state: frontMatter.data.state ?? '',
      section: model.sections[section].title,
      recommendations_heading: model.sections[item.section].title,
      number: String(index + 1),
      line: String(item.range.start.line + 1),
      text: item.text.replace(/\s+/g, ' ').trim(),
      action_category: String(classification.category),
      action_label: classification.label,
      action_verb: classification.action?.text ?? '',
      specific: yesNo(classification.smart.specific),
      measurable: yesNo(classification.smart.measurable),
      time_bound: yesNo(classification.smart.timeBound),
      single_action: yesNo(classification.smart.singleAction),
      sdg_targets: unique(model.sdgReferences.filter((reference) => inItem(reference.range)).map((reference) => reference.id)).join(LIST_SEPARATOR),
      follows_up: followsUp.join(LIST_SEPARATOR),
      follows_up_cited_in: own.length ? 'recommendation' : inSection.length ? 'section' : '',
    };
  });
}
