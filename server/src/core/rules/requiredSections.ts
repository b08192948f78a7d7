// Required sections: an executive summary, and recommendations with at least one item.

import * as l10n from '@vscode/l10n';
import type { Finding } from '../findings';
import type { Range } from '../text';
import type { Rule } from './rule';

export const requiredSectionsRule: Rule = ({ model }) => {
  const findings: Finding[] = [];
  const { sections, recommendations } = model;
  // Missing sections are shown at the first heading, or at the start of the body.
  const anchor: Range = sections[0]?.headingRange ?? firstBodyLine(model.frontMatter?.range.end.line, model.lines.lineCount);

  if (!sections.some((section) => section.kind === 'executiveSummary')) {
    findings.push({
      code: 'sections/executive-summary',
      severity: 'warning',
      range: anchor,
      message: l10n.t('The submission has no executive summary: add a section headed "Executive summary" with the main points and recommendations.'),
    });
  }
  if (!sections.some((section) => section.kind === 'recommendations')) {
    findings.push({
      code: 'sections/recommendations',
      severity: 'warning',
      range: anchor,
      message: l10n.t('The submission has no recommendations: add a section headed "Recommendations" with one bullet item (- ) per recommendation.'),
    });
  }
  // Every section that holds an item, directly or through a subsection.
  const holdsItems = new Set<number>();
  for (const item of recommendations) {
    for (let current: number | undefined = item.section; current !== undefined && !holdsItems.has(current); current = sections[current].parent) {
      holdsItems.add(current);
    }
  }
  sections.forEach((section, index) => {
    if (section.kind === 'recommendations' && !holdsItems.has(index)) {
      findings.push({
        code: 'sections/empty-recommendations',
        severity: 'warning',
        range: section.headingRange,
        message: l10n.t('"{0}" has no recommendations: write each one as a bullet item (- ).', section.title),
      });
    }
  });
  return findings;
};

function firstBodyLine(frontMatterEnd: number | undefined, lineCount: number): Range {
  const line = Math.min(frontMatterEnd === undefined ? 0 : frontMatterEnd + 1, lineCount - 1);
  return { start: { line, character: 0 }, end: { line, character: 0 } };
}
