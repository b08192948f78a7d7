// Benchmark of the action-category classifier (server/src/core/smart/classify.ts) on the shared UPR
// Info sample (../shared/data/upr/recommendations.csv, read in place, never copied): macro-F1,
// per-category precision and recall and the confusion matrix, overall, on the development States
// (KAZ, UZB, TKM, TJK) and on the held-out one (KGZ); then the time to classify 500
// recommendations (p50 over repeated runs). Prints figures beside their targets; asserts nothing.
//
//   node --import tsx bench/classify.ts      (or call benchClassify() from another benchmark)

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse/sync';
import { classifyRecommendation, type ActionCategory } from '../server/src/core/smart/classify';
import { formatScores, scoreCategories } from '../server/src/core/smart/evaluate';
import { percentile } from './report';

const HELD_OUT = 'KGZ';
const BATCH = 500;
const WARM_UP = 20;
const RUNS = 50;

interface Row {
  text: string;
  state: string;
  category: ActionCategory;
}

/** The shared data folder: `../shared/data` from the repository root (the working directory). */
function sharedCsv(): string {
  for (const base of [process.cwd(), resolve(process.cwd(), '..')]) {
    const file = resolve(base, '../shared/data/upr/recommendations.csv');
    if (existsSync(file)) return file;
  }
  throw new Error('recommendations.csv not found: run from the repository root (../shared/data/upr)');
}

function loadRows(): Row[] {
  const records = parse(readFileSync(sharedCsv()), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return records.map((r) => ({ text: r.text, state: r.sur_iso3, category: Number(r.action_category) as ActionCategory }));
}

function report(title: string, rows: readonly Row[]): number {
  const scores = scoreCategories(
    rows.map((r) => r.category),
    rows.map((r) => classifyRecommendation(r.text, { language: 'en' }).category),
  );
  console.log(`\n${title} (${rows.length} recommendations)`);
  for (const l of formatScores(scores)) console.log(`  ${l}`);
  return scores.macroF1;
}

export async function benchClassify(): Promise<void> {
  const rows = loadRows();
  console.log('Action-category classifier (UPR Info labels, shared sample)');
  const overall = report('All States', rows);
  report('Development States (KAZ, UZB, TKM, TJK)', rows.filter((r) => r.state !== HELD_OUT));
  report(`Held-out State (${HELD_OUT})`, rows.filter((r) => r.state === HELD_OUT));
  console.log(`\n  macro-F1 overall ${overall.toFixed(4)}   target >= 0.92 (${overall >= 0.92 ? 'met' : 'MISSED'})`);

  const batch = Array.from({ length: BATCH }, (_, i) => rows[i % rows.length].text);
  for (let i = 0; i < WARM_UP; i++) for (const t of batch) classifyRecommendation(t, { language: 'en' });
  const timed = (options: { language?: 'en' }) => {
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      for (const t of batch) classifyRecommendation(t, options);
      samples.push(performance.now() - start);
    }
    return samples;
  };
  const given = timed({ language: 'en' });
  const detected = timed({});
  console.log(`\nSpeed: ${BATCH} recommendations, ${RUNS} runs after ${WARM_UP} warm-up runs`);
  const p50 = percentile(given, 0.5);
  console.log(`  p50 (language given)     ${p50.toFixed(2).padStart(8)} ms   target <= 20 ms (${p50 <= 20 ? 'met' : 'MISSED'})`);
  console.log(`  p95 (language given)     ${percentile(given, 0.95).toFixed(2).padStart(8)} ms`);
  console.log(`  p50 (language detected)  ${percentile(detected, 0.5).toFixed(2).padStart(8)} ms`);
}

if (/[\\/]bench[\\/]classify\.ts$/.test(resolve(process.argv[1] ?? ''))) {
  benchClassify().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
