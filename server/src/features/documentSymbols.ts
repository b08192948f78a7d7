// The outline: sections nested by heading level with their word counts, and the
// recommendations under the sections that hold them.

import * as l10n from '@vscode/l10n';
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analyse';

const RECOMMENDATION_NAME_LENGTH = 80;

export function documentSymbols({ model, wordCount }: Analysis): DocumentSymbol[] {
  const ownWords = new Map(wordCount.sections.map((entry) => [entry.section, entry.words]));
  const symbols: DocumentSymbol[] = model.sections.map((section, index) => ({
    name: section.title || l10n.t('(untitled section)'),
    kind: section.kind === 'recommendations' ? SymbolKind.Array : SymbolKind.Namespace,
    range: section.range,
    selectionRange: section.titleRange,
    children: [],
    detail: String(ownWords.get(index) ?? 0),
  }));

  // Words of a section include its subsections: add each section's own count up its ancestors.
  const totals = model.sections.map((_, index) => ownWords.get(index) ?? 0);
  for (let index = model.sections.length - 1; index >= 0; index--) {
    const parent = model.sections[index].parent;
    if (parent !== undefined) totals[parent] += totals[index];
  }
  symbols.forEach((symbol, index) => (symbol.detail = l10n.t('{0} words', totals[index].toLocaleString('en'))));

  for (const recommendation of model.recommendations) {
    symbols[recommendation.section].children!.push({
      name: shorten(recommendation.text.replace(/\s+/g, ' ').trim()),
      kind: SymbolKind.Event,
      range: recommendation.range,
      selectionRange: recommendation.textRange,
    });
  }

  const roots: DocumentSymbol[] = [];
  model.sections.forEach((section, index) => {
    if (section.parent === undefined) roots.push(symbols[index]);
    else symbols[section.parent].children!.push(symbols[index]);
  });
  return roots;
}

function shorten(text: string): string {
  if (text.length <= RECOMMENDATION_NAME_LENGTH) return text;
  return `${text.slice(0, RECOMMENDATION_NAME_LENGTH - 1).trimEnd()}…`;
}
