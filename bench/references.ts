// Benchmark of the previous-recommendations index (server/src/core/references/): a 40,000-record
// index generated from the shared data (../shared/data/upr/recommendations.csv and the Slovenia
// thematic lists, read in place, never copied), each generated record a real one with its words
// varied (synonyms), another recommending State, another State under review and cycle, and its own
// report symbol and paragraph. Prints, beside their targets (asserts nothing):
//   load: the generated file (the project's JSON, as `upr import` writes it) read as the language
//         server reads it (loadReferences), in fresh Node processes running the code bundled by
//         esbuild with the flag the extension starts the server with: the first time, when the
//         word index is built and saved, and at later starts, when it is restored (median of nine);
//         also the same rows read from CSV, for information;
//   memory: that process's resident memory after loading and 3 s of rest (as a server has), also
//         without the smaller young generation the extension gives the language server;
//   completion after `@rec` as the server answers it, in a submission on one State; the same words
//         searched in every State's recommendations (completion without `state`);
//   similar past recommendations for one recommendation: p95.
//
//   node --import tsx bench/references.ts      (or call benchReferences() from another benchmark)

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildSync } from 'esbuild';
import { analyseText } from '../server/src/core/analyse';
import { resolveConfig } from '../server/src/core/config';
import { importCsv, importJson } from '../server/src/core/references/importers';
import { RecommendationIndex } from '../server/src/core/references/recommendationIndex';
import { serialiseRecommendationFile, toRecommendationFile, type RecommendationRecord } from '../server/src/core/references/records';
import { seededRandom } from '../test/seededRandom';
import { recommendationCompletions } from '../server/src/features/recommendationCompletion';
import { line as reportLine, percentile, verdict } from './report';

const SIZE = 40_000;
/** The submission completion runs in: its front matter, and the line `@rec` is typed on. */
const SUBMISSION = '---\ntype: joint\nstate: Kyrgyzstan\ncycle: 4\nlanguage: en\ntitle: Benchmark\nissues:\n  - Disabilities\n---\n\n# Recommendations\n\n';
const SMALL_YOUNG_GENERATION = '--max-semi-space-size=4';
const QUERIES = 300;
const WARM_UP = 30;

/** The shared data folder: `../shared/data/upr` from the repository root (the working directory). */
function sharedFolder(): string {
  for (const base of [process.cwd(), resolve(process.cwd(), '..')]) {
    const folder = resolve(base, '../shared/data/upr');
    if (existsSync(resolve(folder, 'recommendations.csv'))) return folder;
  }
  throw new Error('../shared/data/upr/recommendations.csv not found: run from the repository root');
}

function loadShared(): RecommendationRecord[] {
  const folder = sharedFolder();
  const records: RecommendationRecord[] = [];
  for (const name of ['recommendations.csv', 'slovenia_cycles2-4_thematic_lists.csv']) {
    const result = importCsv(readFileSync(resolve(folder, name), 'utf8'), name);
    if (result.errors.length) throw new Error(`${name}: ${result.errors[0].line}: ${result.errors[0].message}`);
    records.push(...result.records);
  }
  return records;
}

const SYNONYMS: [RegExp, string[]][] = [
  [/\bEnsure\b/g, ['Guarantee', 'Make sure', 'Secure']],
  [/\bAdopt\b/g, ['Enact', 'Pass', 'Approve']],
  [/\bStrengthen\b/g, ['Reinforce', 'Enhance', 'Bolster']],
  [/\bContinue\b/g, ['Pursue', 'Maintain', 'Keep up']],
  [/\bTake\b/g, ['Undertake', 'Implement']],
  [/\bmeasures\b/g, ['steps', 'action', 'policies']],
  [/\beffective\b/g, ['efficient', 'concrete', 'meaningful']],
  [/\bchildren\b/g, ['minors', 'girls and boys', 'young people']],
  [/\bwomen\b/g, ['women and girls', 'female citizens']],
  [/\befforts\b/g, ['work', 'endeavours', 'commitment']],
  [/\bpromote\b/g, ['advance', 'foster', 'encourage']],
  [/\bcombat\b/g, ['fight', 'tackle', 'counter']],
  [/\blegislation\b/g, ['laws', 'legal framework', 'statutes']],
  [/\bprotection\b/g, ['safeguarding', 'defence']],
  [/\bnecessary\b/g, ['required', 'needed', 'appropriate']],
  [/\bnational\b/g, ['country-wide', 'domestic']],
  [/\bright\b/g, ['entitlement', 'human right']],
  [/\bviolence\b/g, ['abuse', 'violent acts']],
  [/\bimplement\b/g, ['carry out', 'put into practice', 'apply']],
  [/\bestablish\b/gi, ['set up', 'create', 'institute']],
  [/\bconsider\b/gi, ['examine', 'study', 'look into']],
];

const ADVERBS = ['', '', 'further ', 'urgently ', 'fully ', 'effectively ', 'systematically ', 'promptly '];

const SUFFIXES = [
  '', '', '', ' by 2027', ' before the next review', ', in consultation with civil society', ', with adequate resources',
  ' at national and local levels', ', in line with international standards', ', including in rural areas',
  ', and report on progress', ', with the support of OHCHR', ', with a dedicated budget', ', in particular for minorities',
];

/** 40,000 records: the shared ones and variations of them. */
export function generateRecords(base: readonly RecommendationRecord[], size = SIZE): RecommendationRecord[] {
  const next = seededRandom(20240517);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)];
  const recommending = [...new Set(base.flatMap((record) => record.recommendingStates))];
  const reviewed = [...new Map(base.map((record) => [record.state, record.stateCode])).entries()];
  const extraStates: [string, string][] = [
    ['Armenia', 'ARM'], ['Georgia', 'GEO'], ['Mongolia', 'MNG'], ['Azerbaijan', 'AZE'], ['Republic of Moldova', 'MDA'],
    ['Belarus', 'BLR'], ['Ukraine', 'UKR'], ['Serbia', 'SRB'], ['Albania', 'ALB'], ['Montenegro', 'MNE'],
    ['North Macedonia', 'MKD'], ['Bosnia and Herzegovina', 'BIH'], ['Türkiye', 'TUR'], ['Afghanistan', 'AFG'], ['Pakistan', 'PAK'],
  ];
  const states = [...reviewed.map(([state, code]) => [state, code ?? 'SVN'] as [string, string]), ...extraStates];
  const records: RecommendationRecord[] = base.map((record) => ({ ...record, source: { file: 'generated.json', line: 0 } }));
  let paragraph = 0;
  while (records.length < size) {
    const original = pick(base);
    let text = original.text;
    for (const [pattern, choices] of SYNONYMS) if (next() < 0.5) text = text.replace(pattern, () => pick(choices));
    const [state, stateCode] = pick(states);
    // An adverb after the first word, one or two endings, sometimes the State named.
    text = text.replace(/^(\S+) /, (_, verb: string) => `${verb} ${pick(ADVERBS)}`) + pick(SUFFIXES) + pick(SUFFIXES);
    if (next() < 0.2) text += ` in ${state}`;
    const cycle = 1 + Math.floor(next() * 4);
    const session = (cycle - 1) * 14 + 1 + Math.floor(next() * 14);
    paragraph++;
    records.push({
      ...original,
      id: `GEN-${records.length}`,
      text,
      reportText: undefined,
      paragraphMatch: undefined,
      state,
      stateCode,
      cycle,
      session,
      year: 2008 + Math.floor(((session - 1) * 4.5) / 14),
      symbol: `A/HRC/${10 + session}/${1 + (paragraph % 40)}`,
      paragraph: `${100 + (paragraph % 50)}.${1 + (paragraph % 250)}`,
      recommendingStates: [pick(recommending)],
      source: { file: 'generated.json', line: 0 },
    });
  }
  return records;
}

/** The same rows as a CSV in the layout of recommendations.csv, for the CSV load figure. */
function toCsv(records: readonly RecommendationRecord[]): string {
  const quote = (value: unknown) => {
    const text = value === undefined ? '' : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const header = 'id,state_under_review,sur_iso3,cycle,wg_session,year,wg_report_symbol,paragraph,text,recommending_state,response,action_category,issues';
  const lines = records.map((r) =>
    [r.id, r.state, r.stateCode, r.cycle, r.session, r.year, r.symbol, r.paragraph, r.text, r.recommendingStates[0], r.response, r.actionCategory, r.issues.join('|')]
      .map(quote)
      .join(','),
  );
  return `${header}\n${lines.join('\n')}\n`;
}

const ms = (value: number) => `${value.toFixed(2)} ms`;
const megabytes = 1048576;
const mb = (bytes: number) => `${(bytes / megabytes).toFixed(1)} MB`;
/** This section's labels are longer than the others'. */
const line = (label: string, value: string, target = '') => reportLine(label, value, target, 40);

/** Typed prefixes of words a writer may look up, with the words before them. */
function completionQueries(records: readonly RecommendationRecord[], count: number): string[] {
  const next = seededRandom(7);
  const queries: string[] = [];
  while (queries.length < count) {
    const words = records[Math.floor(next() * records.length)].text.split(/\s+/).filter((word) => /^\p{L}{4,}$/u.test(word));
    if (!words.length) continue;
    const start = Math.floor(next() * words.length);
    const taken = words.slice(start, start + 1 + Math.floor(next() * 3));
    const last = taken[taken.length - 1];
    taken[taken.length - 1] = last.slice(0, Math.max(3, Math.ceil(last.length * (0.4 + next() * 0.6))));
    queries.push(taken.join(' '));
  }
  return queries;
}

interface FreshLoad {
  /** From the start of `loadReferences` until references resolve. */
  records: number;
  /** Then until the first search has its answer (the word index built, if it was not restored). */
  words: number;
  /** Whether the word index was restored from the one a previous process saved. */
  restored: boolean;
  /** Resident memory after loading, and after `settle` seconds at rest (as a server has). */
  rss: number;
  settledRss: number;
  heapUsed: number;
  baselineRss: number;
  size: number;
}

/**
 * Loads a file in a new Node process, as the language server does (`loadReferences`, from the code
 * bundled by esbuild as dist/server.js bundles it, with the server's word index folder), and
 * saves the word index when it was built rather than restored: the times to load, and the
 * process's memory afterwards.
 */
function loadInFreshProcess(file: string, folder: string, { flags = [SMALL_YOUNG_GENERATION], settle = 0 }: { flags?: string[]; settle?: number } = {}): FreshLoad {
  const source = (path: string) => JSON.stringify(resolve(process.cwd(), 'server/src', path));
  const entry = join(folder, 'load.ts');
  const bundle = join(folder, 'load.cjs');
  if (!existsSync(bundle)) {
    writeFileSync(
      entry,
      `import { loadReferences, readSources } from ${source('referenceFiles.ts')};
import { writeWordIndex } from ${source('wordIndexCache.ts')};
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
async function main() {
  gc();
  const baselineRss = process.memoryUsage().rss;
  const started = performance.now();
  const loaded = await loadReferences(readSources([process.argv[2]]), { wordIndexFolder: process.argv[3] });
  const records = performance.now() - started;
  const index = loaded.library.index;
  index.search('torture');
  const words = performance.now() - started - records;
  if (loaded.wordIndexToSave) await writeWordIndex(loaded.wordIndexToSave.folder, loaded.wordIndexToSave.key, index.saveWordIndex());
  gc();
  const { rss, heapUsed } = process.memoryUsage();
  for (let second = 0; second < Number(process.argv[4]); second++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    gc();
  }
  const settledRss = process.memoryUsage().rss;
  const restored = !loaded.wordIndexToSave;
  process.stdout.write(JSON.stringify({ records, words, restored, rss, settledRss, heapUsed, baselineRss, size: index.size }));
}
void main();
`,
    );
    buildSync({ entryPoints: [entry], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: bundle, logLevel: 'silent' });
  }
  const child = spawnSync(process.execPath, ['--expose-gc', ...flags, bundle, file, join(folder, 'word-index'), String(settle)], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`load in a fresh process failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as FreshLoad;
}

const LOAD_TARGET = 1000;
/** Fresh processes per figure: the median is reported, as one run varies by a third on a shared machine. */
const LOAD_RUNS = 9;

/** The median and range of loads in fresh processes, the verdict on the median. */
function reportLoads(loads: FreshLoad[]): void {
  const figure = (values: number[]) => `${ms(percentile(values, 0.5))} (${ms(Math.min(...values))} to ${ms(Math.max(...values))})`;
  const restored = loads[0].restored;
  line(restored ? 'records, and the word index restored' : 'records, ready to resolve references', figure(loads.map((load) => load.records)));
  line(restored ? 'first search' : 'word index (first search, or prepare())', figure(loads.map((load) => load.words)));
  const totals = loads.map((load) => load.records + load.words);
  line('load total', figure(totals), `<= ${LOAD_TARGET} ms (${verdict(percentile(totals, 0.5), LOAD_TARGET)})`);
}

export async function benchReferences(): Promise<void> {
  console.log(`Previous-recommendations index (${SIZE.toLocaleString('en')} records generated from the shared sample)`);
  const generated = generateRecords(loadShared());
  const json = serialiseRecommendationFile(toRecommendationFile(generated, { sample: true, description: 'generated for the benchmark' }));
  const csv = toCsv(generated);
  generated.length = 0;
  const folder = mkdtempSync(join(tmpdir(), 'upr-bench-references-'));
  try {
    const file = join(folder, 'generated.json');
    writeFileSync(file, json);
    console.log(
      `\nLoad in a fresh process, as the language server loads (${(json.length / megabytes).toFixed(1)} MB of JSON, node ${SMALL_YOUNG_GENERATION}` +
        ` as the extension starts it); median of ${LOAD_RUNS} processes, and the range`,
    );
    const first = Array.from({ length: LOAD_RUNS }, () => {
      rmSync(join(folder, 'word-index'), { recursive: true, force: true });
      return loadInFreshProcess(file, folder);
    });
    if (first.some((load) => load.restored)) throw new Error('a first load found a saved word index');
    console.log(`The first load of these records (${first[0].size.toLocaleString('en')}): the word index is built, then saved`);
    reportLoads(first);
    const later = Array.from({ length: LOAD_RUNS }, () => loadInFreshProcess(file, folder));
    if (!later.every((load) => load.restored)) throw new Error('a later load did not restore the saved word index');
    console.log('Every later load of the same records: the saved word index is restored');
    reportLoads(later);

    const atRest = loadInFreshProcess(file, folder, { settle: 3 });
    console.log('Memory of that process');
    line('resident (rss) after loading', mb(atRest.rss));
    line('resident (rss) 3 s later, at rest', mb(atRest.settledRss), `< 150 MB (${atRest.settledRss < 150 * megabytes ? 'met' : 'MISSED'})`);
    line('of which Node itself, before loading', mb(atRest.baselineRss));
    line('JS heap used', mb(atRest.heapUsed));
    // V8 keeps its young generation at full size after the burst of loading: without the flag,
    // the same process holds more at rest.
    const defaults = loadInFreshProcess(file, folder, { flags: [], settle: 3 });
    line(`the same without ${SMALL_YOUNG_GENERATION}, at rest`, mb(defaults.settledRss));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }

  // The queries, in this process.
  let start = performance.now();
  const imported = importJson(json, 'generated.json');
  const index = new RecommendationIndex(imported.records);
  await index.prepare();
  const inProcess = performance.now() - start;
  if (imported.errors.length) throw new Error(`generated file: ${imported.errors[0].message}`);
  start = performance.now();
  const fromCsv = importCsv(csv, 'generated.csv');
  const csvParsed = performance.now() - start;
  console.log('\nLoad in this process, for information');
  line('importJson + index build (prepare)', ms(inProcess));
  line(`importCsv of the same rows (${fromCsv.records.length.toLocaleString('en')})`, ms(csvParsed));
  fromCsv.records.length = 0;

  // Completion as the server answers it, in a submission on Kyrgyzstan: `@rec` and the words typed.
  const records = index.forState('Kyrgyzstan').concat(index.forState('Slovenia'));
  const queries = completionQueries(records, QUERIES + WARM_UP);
  const timeQueries = (run: (query: string) => unknown) => {
    for (const query of queries.slice(0, WARM_UP)) run(query);
    return queries.slice(WARM_UP).map((query) => {
      const started = performance.now();
      run(query);
      return performance.now() - started;
    });
  };
  const library = { index, sampleFiles: new Set<string>() };
  const analysis = analyseText(SUBMISSION, resolveConfig(), library);
  const position = { line: SUBMISSION.split('\n').length - 1, character: 0 };
  let items = 0;
  const completion = timeQueries((query) => {
    const before = `@rec ${query}`;
    items += recommendationCompletions(analysis, library, before, { ...position, character: before.length }).items.length;
  });
  if (!items) throw new Error('completion offered nothing');
  console.log(`\nCompletion after @rec (${QUERIES} word prefixes such as "${queries[WARM_UP]}", a submission on Kyrgyzstan)`);
  line('p50', ms(percentile(completion, 0.5)));
  line('p95', ms(percentile(completion, 0.95)), `<= 15 ms (${verdict(percentile(completion, 0.95), 15)})`);
  // Without `state` (which the front matter requires), completion searches every State's.
  const anyState = timeQueries((query) => index.search(query, { limit: 50 }));
  console.log('The same words searched in every State\'s recommendations, as completion does without `state`');
  line('p50', ms(percentile(anyState, 0.5)));
  line('p95', ms(percentile(anyState, 0.95)), `<= 15 ms (${verdict(percentile(anyState, 0.95), 15)})`);
  line('max', ms(Math.max(...anyState)));

  // Similar past recommendations for one recommendation (a code lens).
  const next = seededRandom(11);
  const texts = Array.from({ length: QUERIES + WARM_UP }, () => records[Math.floor(next() * records.length)].text + ' by 2028');
  for (const text of texts.slice(0, WARM_UP)) index.recommendingStatesFor(text);
  const similar: number[] = [];
  const lens: number[] = [];
  for (const text of texts.slice(WARM_UP)) {
    let started = performance.now();
    index.similar(text, { limit: 10 });
    similar.push(performance.now() - started);
    started = performance.now();
    index.recommendingStatesFor(text);
    lens.push(performance.now() - started);
  }
  console.log(`\nSimilar past recommendations (${QUERIES} recommendations of the index, "by 2028" added, any State)`);
  line('similar() p50', ms(percentile(similar, 0.5)));
  line('similar() p95', ms(percentile(similar, 0.95)), `<= 10 ms (${verdict(percentile(similar, 0.95), 10)})`);
  line('recommendingStatesFor() p95', ms(percentile(lens, 0.95)));
  const example = index.recommendingStatesFor('Criminalise torture and investigate all allegations of torture by 2027');
  line('e.g. torture', example.slice(0, 4).map(({ state, count }) => `${state} ${count}`).join(', ') || 'none');
}

if (/[\\/]bench[\\/]references\.ts$/.test(resolve(process.argv[1] ?? ''))) {
  benchReferences().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
