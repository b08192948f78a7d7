// The shared UPR data the unit tests read in place (../shared/data/upr, never copied): each file
// read and imported once for every test file that uses it.

import { readFileSync } from 'node:fs';
import { importCsv } from '../../server/src/core/references/importers';
import { RecommendationIndex } from '../../server/src/core/references/recommendationIndex';
import type { RecommendationRecord } from '../../server/src/core/references/records';

const SHARED = `${process.cwd()}/../shared/data/upr`;

export const sharedCsv = (name: string) => readFileSync(`${SHARED}/${name}`, 'utf8');

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** The UPR Info rows of five Central Asian States (recommendations.csv), as the importer reads them. */
export const centralAsiaRecords = once((): RecommendationRecord[] => importCsv(sharedCsv('recommendations.csv'), 'recommendations.csv').records);

/** Slovenia's OHCHR thematic lists, cycles 2 to 4. */
export const sloveniaRecords = once((): RecommendationRecord[] => importCsv(sharedCsv('slovenia_cycles2-4_thematic_lists.csv'), 'slovenia.csv').records);

/** A library of the Central Asian rows alone, as the features read it. */
export const centralAsiaLibrary = once(() => ({ index: new RecommendationIndex(centralAsiaRecords()), sampleFiles: new Set<string>() }));
