// Paragraph numbering: OHCHR wants paragraphs numbered 1, 2, 3 ... across the whole document.

import * as l10n from '@vscode/l10n';
import type { Finding } from '../findings';
import type { Rule } from './rule';

export const numberingRule: Rule = ({ model }) => {
  const findings: Finding[] = [];
  const firstLineOf = new Map<number, number>();
  let previous: number | undefined;
  for (const paragraph of model.paragraphs) {
    const { number, numberRange } = paragraph;
    const seenAt = firstLineOf.get(number);
    if (previous === undefined) {
      if (number !== 1) {
        findings.push({
          code: 'numbering/start',
          severity: 'warning',
          range: numberRange,
          message: l10n.t('Paragraph numbering starts at {0}: number the first paragraph 1.', number),
        });
      }
    } else if (seenAt !== undefined) {
      findings.push({
        code: 'numbering/duplicate',
        severity: 'error',
        range: numberRange,
        message: l10n.t('Paragraph number {0} is used twice (first on line {1}).', number, seenAt + 1),
      });
    } else if (number !== previous + 1) {
      findings.push({
        code: 'numbering/gap',
        severity: 'error',
        range: numberRange,
        message:
          number > previous + 1
            ? l10n.t('Paragraph {0} follows paragraph {1}: {2} is missing.', number, previous, missingSpan(previous, number))
            : l10n.t('Paragraph {0} follows paragraph {1}: numbers must go up by one.', number, previous),
      });
    }
    if (seenAt === undefined) firstLineOf.set(number, numberRange.start.line);
    previous = number;
  }
  return findings;
};

function missingSpan(previous: number, next: number): string {
  return next - previous === 2 ? String(previous + 1) : `${previous + 1}–${next - 1}`;
}
