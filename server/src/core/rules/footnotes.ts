// Footnotes: a marker without a definition loses its text in the Word export, and a definition no
// marker cites is not exported at all.

import * as l10n from '@vscode/l10n';
import type { Finding } from '../findings';
import type { Rule } from './rule';

export const footnotesRule: Rule = ({ model }) => {
  const findings: Finding[] = [];
  const defined = new Set(model.footnoteDefinitions.map(({ label }) => label));
  const cited = new Set(model.footnoteReferences.map(({ label }) => label));
  for (const { label, range } of model.footnoteReferences) {
    if (defined.has(label)) continue;
    findings.push({
      code: 'footnotes/undefined',
      severity: 'error',
      range,
      message: l10n.t('Footnote [^{0}] has no definition: add a line "[^{0}]: text" or remove the marker.', label),
    });
  }
  for (const { label, startOffset } of model.footnoteDefinitions) {
    if (cited.has(label)) continue;
    // On the `[^label]:` that opens the definition, after its indentation.
    const labelStart = model.text.indexOf('[^', startOffset);
    findings.push({
      code: 'footnotes/unused',
      severity: 'warning',
      range: model.lines.range(labelStart, labelStart + label.length + 4),
      message: l10n.t('Footnote [^{0}] is defined but never cited: cite it with [^{0}] or remove the definition.', label),
    });
  }
  return findings;
};
