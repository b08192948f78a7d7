// What the editor knows of previous recommendations: the index of every file read, and which of
// those files are sample data (shown as such wherever their records appear).

import * as l10n from '@vscode/l10n';
import type { RecommendationIndex } from './recommendationIndex';
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
