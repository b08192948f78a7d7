// Scores predicted action categories against reference labels: per-category precision, recall and
// F1, their macro average, and the confusion matrix. Pure; used by the tests and the benchmark.

import type { ActionCategory } from './lexicon';

export const CATEGORIES: readonly ActionCategory[] = [1, 2, 3, 4, 5];

export interface CategoryScore {
  precision: number;
  recall: number;
  f1: number;
  /** Reference items of the category. */
  support: number;
}

export interface Scores {
  macroF1: number;
  accuracy: number;
  perCategory: Record<ActionCategory, CategoryScore>;
  /** confusion[reference][predicted], indices 1–5 (index 0 unused). */
  confusion: number[][];
}

export function scoreCategories(reference: readonly ActionCategory[], predicted: readonly ActionCategory[]): Scores {
  if (reference.length !== predicted.length) throw new Error('reference and predicted differ in length');
  const confusion = Array.from({ length: 6 }, () => new Array<number>(6).fill(0));
  for (let i = 0; i < reference.length; i++) confusion[reference[i]][predicted[i]]++;
  const perCategory = {} as Record<ActionCategory, CategoryScore>;
  let sum = 0;
  let correct = 0;
  for (const c of CATEGORIES) {
    const tp = confusion[c][c];
    let predictedAs = 0;
    let support = 0;
    for (const d of CATEGORIES) {
      predictedAs += confusion[d][c];
      support += confusion[c][d];
    }
    const precision = predictedAs > 0 ? tp / predictedAs : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    perCategory[c] = { precision, recall, f1, support };
    sum += f1;
    correct += tp;
  }
  return { macroF1: sum / CATEGORIES.length, accuracy: reference.length > 0 ? correct / reference.length : 0, perCategory, confusion };
}

/** The scores as aligned text lines (for the benchmark and test failures). */
export function formatScores(scores: Scores): string[] {
  const pct = (v: number) => (v * 100).toFixed(1).padStart(6);
  const lines = [`macro-F1 ${scores.macroF1.toFixed(4)}   accuracy ${scores.accuracy.toFixed(4)}`, '  cat  precision  recall      F1  support'];
  for (const c of CATEGORIES) {
    const s = scores.perCategory[c];
    lines.push(`  ${c}    ${pct(s.precision)} %  ${pct(s.recall)} %  ${pct(s.f1)} %  ${String(s.support).padStart(7)}`);
  }
  lines.push('  confusion (rows: reference, columns: predicted)', `         ${CATEGORIES.map((c) => String(c).padStart(5)).join('')}`);
  for (const c of CATEGORIES) lines.push(`  ${String(c).padStart(5)}  ${CATEGORIES.map((d) => String(scores.confusion[c][d]).padStart(5)).join('')}`);
  return lines;
}
