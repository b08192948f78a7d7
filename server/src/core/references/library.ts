// What the editor knows of previous recommendations: the index of every file read, and which of
// those files are sample data (shown as such wherever their records appear).

import * as l10n from '@vscode/l10n';
import type { RecommendationIndex, Resolution } from './recommendationIndex';
import type { RecommendationRecord } from './records';

export interface ReferenceLibrary {
  index: RecommendationIndex;
  /** Files whose `sample: true` marks them as sample data. */
  sampleFiles: ReadonlySet<string>;
}

export function isSample(library: ReferenceLibrary, record: RecommendationRecord): boolean {
  return library.sampleFiles.has(record.source.file);
}

/** The State's response as shown to writers, in their language; undefined when unknown. */
export function responseLabel(record: RecommendationRecord): string | undefined {
  return record.response === 'supported' ? l10n.t('supported') : record.response === 'noted' ? l10n.t('noted') : undefined;
}

/** UPR Info's action category as shown to writers, in their language ("general action"); undefined when unknown. */
export function actionCategoryLabel(record: RecommendationRecord): string | undefined {
  switch (record.actionCategory) {
    case 1:
      return l10n.t('minimal action');
    case 2:
      return l10n.t('continuing action');
    case 3:
      return l10n.t('considering action');
    case 4:
      return l10n.t('general action');
    case 5:
      return l10n.t('specific action');
    default:
      return undefined;
  }
}

/**
 * A record as its reference is cited: the paragraph's item as the index resolves it (the best
 * record, in the item's own words, with the States the report names for it), or the record itself
 * for a document cited whole; and whether the index cannot tell what the reference means. One
 * item may have several records (one per recommending State).
 */
export function citedItem(index: RecommendationIndex, record: RecommendationRecord): { shown: RecommendationRecord; ambiguous: boolean } {
  if (!record.symbol || !record.paragraph) return { shown: record, ambiguous: false };
  const resolution = index.resolve(record.symbol, record.paragraph);
  return { shown: itemAsCited(resolution) ?? record, ambiguous: resolution.ambiguous };
}

/** A paragraph's item as shown: its best record, in the item's own words, with the States the report names for it. */
export function itemAsCited({ kind, best, text, recommendingStates }: Resolution): RecommendationRecord | undefined {
  return kind === 'item' && best ? { ...best, text: text ?? best.text, recommendingStates } : undefined;
}
