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
  const recommendationSections = sections.filter((section) => section.kind === 'recommendations');
  if (!recommendationSections.length) {
    findings.push({
      code: 'sections/recommendations',
      severity: 'warning',
      range: anchor,
      message: l10n.t('The submission has no recommendations: add a section headed "Recommendations" with one bullet item (- ) per recommendation.'),
    });
  }
  for (const section of recommendationSections) {
    const index = sections.indexOf(section);
    const hasItems = recommendations.some((item) => isWithin(sections, item.section, index));
    if (!hasItems) {
      findings.push({
        code: 'sections/empty-recommendations',
        severity: 'warning',
        range: section.headingRange,
        message: l10n.t('"{0}" has no recommendations: write each one as a bullet item (- ).', section.title),
      });
    }
  }
  return findings;
};

function isWithin(sections: { parent: number | undefined }[], section: number, ancestor: number): boolean {
  for (let current: number | undefined = section; current !== undefined; current = sections[current].parent) {
    if (current === ancestor) return true;
  }
  return false;
}

function firstBodyLine(frontMatterEnd: number | undefined, lineCount: number): Range {
  const line = Math.min(frontMatterEnd === undefined ? 0 : frontMatterEnd + 1, lineCount - 1);
  return { start: { line, character: 0 }, end: { line, character: 0 } };
}
