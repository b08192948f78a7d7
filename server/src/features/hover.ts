// Hover: on an SDG reference, the target; on a reference to a previous recommendation, what the
// index knows of it; on a recommendation, its UPR Info action category with what that means and a
// SMART checklist saying, letter by letter, what is met and why.

import * as l10n from '@vscode/l10n';
import { Hover, MarkupKind } from 'vscode-languageserver-types';
import type { Analysis } from '../core/analyse';
import type { ActionCategory } from '../core/smart/classify';
import type { ReferenceLibrary } from '../core/references/library';
import { describeTarget } from '../core/references/sdg';
import { containsPosition, Position } from '../core/text';
import { referenceHover } from './referenceHover';

function categoryLine(category: ActionCategory): string {
  switch (category) {
    case 1:
      return l10n.t('**Minimal action** (UPR Info category 1): asks others for help or to share; the State itself need not act.');
    case 2:
      return l10n.t('**Continuing action** (UPR Info category 2): the State can accept it and change nothing.');
    case 3:
      return l10n.t('**Considering action** (UPR Info category 3): the State can accept it without doing anything.');
    case 4:
      return l10n.t('**General action** (UPR Info category 4): an action without a specific act to check it by.');
    case 5:
      return l10n.t('**Specific action** (UPR Info category 5): a concrete act that can be checked at the next review.');
  }
}

export function hover(analysis: Analysis, position: Position, library?: ReferenceLibrary): Hover | null {
  return sdgHover(analysis, position) ?? (library ? referenceHover(analysis, position, library) : null) ?? recommendationHover(analysis, position);
}

/** An SDG reference: the target's text and its goal. */
function sdgHover({ model, frontMatter }: Analysis, position: Position): Hover | null {
  const reference = model.sdgReferences.find(({ range }) => containsPosition(range, position));
  const value = reference && describeTarget(reference.id, frontMatter.data.language === 'ru' ? 'ru' : 'en');
  return value ? { contents: { kind: MarkupKind.Markdown, value }, range: reference.range } : null;
}

/** A recommendation the coalition drafted: its action category and SMART checklist. */
function recommendationHover(analysis: Analysis, position: Position): Hover | null {
  const found = analysis.recommendations.find(({ item }) => containsPosition(item.range, position));
  if (!found) return null;
  const { classification, words, item } = found;
  const { smart, evidence } = classification;
  const check = (met: boolean, letter: string, why: string | undefined) => `- ${met ? '✅' : '❌'} ${letter}${why ? ` — \`${why}\`` : ''}`;
  const lines = [
    categoryLine(classification.category),
    '',
    check(smart.specific, l10n.t('Specific'), evidence.specific),
    check(smart.measurable, l10n.t('Measurable'), evidence.measurable),
    check(smart.timeBound, l10n.t('Time-bound'), evidence.timeBound),
    check(smart.singleAction, l10n.t('One action'), evidence.singleAction),
    '',
    l10n.t('{0} words', words),
  ];
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: item.textRange };
}
