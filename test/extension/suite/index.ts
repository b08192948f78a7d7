// The extension-tests entry (extensionTestsPath): runs the mocha suite inside VS Code's (or
// code-server's) real extension host. Bundled by test/extension/prepare.mjs into
// dist/test/extension/index.js; `vscode` and `mocha` are resolved at run time.
import { format } from 'node:util';
import { collabTestConfig } from './collabConfig';
import { startDiagnosticsTracking } from './helpers';

type MochaCtor = typeof import('mocha');

async function loadMocha(): Promise<MochaCtor> {
  let m: unknown;
  try {
    m = require('mocha'); // mocha 12 is ESM: Node >= 22 hands back its namespace object
  } catch {
    m = await import('mocha');
  }
  const ns = m as { default?: MochaCtor; Mocha?: MochaCtor };
  const ctor = typeof m === 'function' ? (m as MochaCtor) : (ns.default ?? ns.Mocha);
  if (typeof ctor !== 'function') throw new Error('could not load mocha');
  return ctor;
}

/**
 * Writes to the console with UPR_TEST_LOG_MARK before each message, so that a runner reading the
 * workbench's log (code-server's codeAutomationLog) can tell the suite's output from the
 * workbench's own. (The extension host does not let console.log itself be replaced.)
 */
function log(...args: unknown[]): void {
  console.log((process.env.UPR_TEST_LOG_MARK ?? '') + format(...args));
}

export async function run(): Promise<void> {
  startDiagnosticsTracking();
  const Mocha = await loadMocha();
  Mocha.reporters.Base.consoleLog = log;
  Mocha.reporters.Base.useColors = false; // mocha turns colours on under CI=true; the log is plain text
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 60_000,
    slow: 5_000,
    grep: process.env.UPR_TEST_GREP || undefined,
  });
  // Bundled test files register their suites when required, after mocha's globals exist.
  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  // The runner's second co-editing window runs only its part; the first runs it before the rest,
  // so that the second window (opened once the first has shared) is not kept waiting.
  const collabPart = collabTestConfig()?.part;
  if (collabPart === 'second') {
    require('./collabPeer.test');
  } else {
    if (collabPart === 'first') require('./collab.test');
    require('./language.test');
    require('./numbering.test');
    require('./outline.test');
    require('./wordCount.test');
    require('./newSubmission.test');
    require('./smartQuickFix.test');
    require('./sdgCompletion.test');
    require('./wordIndexStorage.test');
    require('./referencesFolder.test');
    require('./similarRecommendations.test');
    require('./oralStatement.test');
    require('./factsheet.test');
    require('./exportToWord.test');
    require('./reviewComments.test');
    require('./importRecommendations.test');
  }

  const stats = await new Promise<{ passes: number; failures: number; pending: number }>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? { passes: 0, failures: 1, pending: 0 }));
  });
  // One machine-readable line for the runner outside the editor.
  log(`UPR-SUITE-RESULT ${JSON.stringify({ passes: stats.passes, failures: stats.failures, pending: stats.pending })}`);
  if (stats.failures > 0) throw new Error(`${stats.failures} extension test(s) failed`);
  if (stats.passes === 0) throw new Error('no extension test ran');
}
