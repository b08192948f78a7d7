// Benchmarks, run by `npm run bench` (after a build). Prints figures beside their targets and
// asserts nothing:
//   (a) re-analysis (parse, front matter, word count, every rule) of a generated 5,630-word
//       joint submission, in process;
//   (b) LSP round trip: didChange to the matching publishDiagnostics, against dist/server.js
//       started with lint.debounceMs 0;
//   (c) the action-category classifier (bench/classify.ts): macro-F1, per-category precision and
//       recall and the confusion matrix on the shared UPR Info sample, and the time for 500
//       recommendations. The sample is read from ../shared/data beside the repository, found from
//       the working directory: run from the repository root, as `npm run bench` does;
//   (d) previous recommendations (bench/references.ts): load (built, then restored), completion,
//       similarity and memory of a 40,000-recommendation index;
//   (e) the collaboration server (bench/collab.ts), dist/collab-server.js with y-websocket clients:
//       50 writers typing into one room (edit-to-peer latency, server CPU and memory), cold load and
//       memory of stored 5,630-word rooms.

import { performance } from 'node:perf_hooks';
import { analyseText } from '../server/src/core/analyse';
import { resolveConfig } from '../server/src/core/config';
import { parseSubmission } from '../server/src/core/document';
import { TestClient } from '../test/lsp/client';
import { benchClassify } from './classify';
import { benchCollab } from './collab';
import { benchReferences } from './references';
import { generateSubmission } from './generate';
import { line, percentile, verdict } from './report';

const WARM_UP = 50;
const ANALYSIS_RUNS = 200;
const ROUND_TRIPS = 100;

const ms = (value: number) => `${value.toFixed(3)} ms`;

async function main(): Promise<void> {
  const generated = generateSubmission();
  const { text } = generated;
  const config = resolveConfig();

  console.log('Document');
  line('characters', text.length.toLocaleString('en'));
  line('words (generator / analysis)', `${generated.words} / ${analyseText(text, config).wordCount.words}`);
  line('numbered paragraphs', String(generated.paragraphs));
  line('recommendations', String(generated.recommendations));
  line('headings', String(generated.sections.length));
  line('footnotes', String(generated.footnotes));
  const byCode = new Map<string, number>();
  for (const { code } of analyseText(text, config).diagnostics) byCode.set(code, (byCode.get(code) ?? 0) + 1);
  line('diagnostics', byCode.size ? '' : 'none');
  for (const [code, count] of [...byCode].sort(([a], [b]) => a.localeCompare(b))) line(`  ${code}`, String(count));

  // (a) Re-analysis after typing, in process: every run analyses a new version of the text, with
  // one character typed into a recommendation (a different one each time) and one into a paragraph,
  // as a writer's keystrokes do; the caches for unchanged parts work as they do in the editor.
  const recommendationStarts = [...text.matchAll(/^- /gm)].map((match) => match.index + 2);
  const paragraphStarts = [...text.matchAll(/^\d+\. /gm)].map((match) => match.index + match[0].length);
  const typed = (run: number) => {
    const inRecommendation = recommendationStarts[run % recommendationStarts.length];
    const inParagraph = paragraphStarts[run % paragraphStarts.length];
    const [first, second] = [inRecommendation, inParagraph].sort((a, b) => a - b);
    return `${text.slice(0, first)}x${text.slice(first, second)}y${text.slice(second)}`;
  };
  for (let i = 0; i < WARM_UP; i++) analyseText(typed(i), config);
  const versions = Array.from({ length: ANALYSIS_RUNS }, (_, i) => typed(WARM_UP + i));
  const analysis: number[] = [];
  for (const version of versions) {
    const start = performance.now();
    analyseText(version, config);
    analysis.push(performance.now() - start);
  }
  const analysisP50 = percentile(analysis, 0.5);
  console.log(`\n(a) analyseText after a keystroke, ${ANALYSIS_RUNS} versions after ${WARM_UP} warm-up runs`);
  line('p50', ms(analysisP50), `p50 <= 5 ms with ${generated.recommendations} recommendations (${verdict(analysisP50, 5)})`);
  line('p95', ms(percentile(analysis, 0.95)));
  line('max', ms(Math.max(...analysis)));
  const parsing: number[] = [];
  for (let i = 0; i < ANALYSIS_RUNS; i++) {
    const start = performance.now();
    parseSubmission(text);
    parsing.push(performance.now() - start);
  }
  line('of which parseSubmission p50', ms(percentile(parsing, 0.5)));

  // (b) LSP round trip.
  const startedAt = performance.now();
  const client = await TestClient.start({ configuration: [{ lint: { debounceMs: 0 } }] });
  try {
    const ready = performance.now() - startedAt;
    const uri = 'file:///bench/generated.upr.md';
    const openedAt = performance.now();
    await client.open(uri, text, 1);
    await client.waitForDiagnostics(uri, (params) => params.version === 1, 10000);
    const firstDiagnostics = performance.now() - openedAt;

    // Edit the first word of paragraph 1 back and forth: same length, so the positions stay valid.
    const lines = text.split('\n');
    const editLine = lines.findIndex((content) => content.startsWith('1. '));
    const original = lines[editLine].slice(3).split(' ')[0];
    const replacement = original === 'Every' ? 'Whole' : 'Every'.slice(0, original.length).padEnd(original.length, 'x');
    const range = { start: { line: editLine, character: 3 }, end: { line: editLine, character: 3 + original.length } };

    const roundTrips: number[] = [];
    for (let i = 0; i < ROUND_TRIPS; i++) {
      const version = i + 2;
      const start = performance.now();
      await client.change(uri, version, [{ range, text: i % 2 === 0 ? replacement : original }]);
      await client.waitForDiagnostics(uri, (params) => params.version === version, 10000);
      roundTrips.push(performance.now() - start);
    }
    const roundTripP95 = percentile(roundTrips, 0.95);
    console.log(`\n(b) LSP didChange -> publishDiagnostics, ${ROUND_TRIPS} changes, lint.debounceMs 0`);
    line('server start + initialize', ms(ready));
    line('didOpen -> first diagnostics', ms(firstDiagnostics));
    line('p50', ms(percentile(roundTrips, 0.5)));
    line('p95', ms(roundTripP95), `p95 <= 50 ms (${verdict(roundTripP95, 50)})`);
    line('max', ms(Math.max(...roundTrips)));
  } finally {
    await client.stop();
  }

  // (c) The classifier.
  process.stdout.write('\n(c) ');
  await benchClassify();

  // (d) Previous recommendations: a 40,000-recommendation index.
  process.stdout.write('\n(d) ');
  await benchReferences();

  // (e) The collaboration server.
  process.stdout.write('\n(e) ');
  await benchCollab();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
