#!/usr/bin/env node
// `npm run test:extension`: the extension's tests in a real extension host, that of code-server
// (VS Code in the browser) on 127.0.0.1, driven by headless Chromium; then one check of the
// rendered workbench (test/e2e/). Expects `npm run build` to have produced dist/extension.js.
// For the co-editing test (suite/collab*.test.ts) it also starts a collaboration server and opens
// a second window, once the first has shared the submission (see collab.mjs).
//
//   UPR_TEST_TIMEOUT=180  overall seconds for the in-host suite
//   UPR_TEST_GREP=text    run only the tests whose title contains text
//   UPR_KEEP_TMP=1        keep the temp folder (workspace, user data, logs)
//   UPR_EXTENSION_PATH=d  test the extension in d instead of the repository root
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { checkStatusBar } from '../e2e/status-bar.mjs';
import { SHARED_MARK, START_SERVER_MARK, STOP_SERVER_MARK, collabTestSelected, setUpCoEditing } from './collab.mjs';
import {
  ensureCodeServer,
  freePort,
  onInterrupt,
  remoteUri,
  startCodeServer,
  workbenchUrl,
  writeUserSettings,
} from '../../scripts/code-server.mjs';
import { ARTIFACTS, EXTENSION, SUITE_BUNDLE, bundleSuite, checkExtensionBuilt, parseSuiteSummary, prepareWorkspace, removeDir } from './prepare.mjs';

const SUITE_TIMEOUT_MS = Number(process.env.UPR_TEST_TIMEOUT || 180) * 1000;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const isLoopback = (url) => /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(url.hostname);
const log = (message) => console.log(`[test:extension] ${message}`);

// The suite (suite/index.ts) starts each of its console messages with this mark; the workbench's
// own log, which arrives through the same codeAutomationLog, goes to .test-artifacts/ only.
const LOG_MARK = '\u2063upr-test\u2063 ';

/**
 * Prints the suite's messages (mocha's reporter among them), each line after `prefix`; returns the
 * message text, or undefined.
 */
function relayLog(type, args, prefix = '') {
  const text = format(...(Array.isArray(args) ? args : [args]));
  if (!text.startsWith(LOG_MARK)) return undefined;
  const message = text.slice(LOG_MARK.length);
  const shown = prefix ? message.replace(/^/gm, prefix) : message;
  if (type === 'error' || type === 'warn' || type === 'warning') console.error(shown);
  else console.log(shown);
  return message;
}

/**
 * Opens a workbench page whose extension host runs the suite; resolves the page and a promise of
 * its exit code. `onMessage` receives each of the suite's messages.
 */
async function openSuitePage({ context, page: given, port, workspace, browserLog, prefix = '', onMessage }) {
  const page = given ?? (await context.newPage());
  let finish;
  const exited = new Promise((resolve) => (finish = resolve));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = relayLog(type, args, prefix);
    if (text === undefined) browserLog.write(`${prefix}[workbench ${type}] ${format(...[].concat(args))}\n`);
    else onMessage(text);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
  page.on('pageerror', (e) => browserLog.write(`${prefix}[pageerror] ${e.stack || e.message}\n`));
  const url = workbenchUrl(port, workspace, [
    ['extensionDevelopmentPath', remoteUri(port, EXTENSION)],
    ['extensionTestsPath', remoteUri(port, SUITE_BUNDLE)],
  ]);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  return { page, exited };
}

/** Resolves with the exit code, or 'timeout' at `deadline` (ms since the epoch). */
function untilExit(exited, deadline) {
  let timer;
  return Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, Math.max(0, deadline - Date.now()), 'timeout')))]).finally(
    () => clearTimeout(timer),
  );
}

async function main() {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  checkExtensionBuilt();
  await bundleSuite();
  const { nodeBin, codeServer } = ensureCodeServer();

  const { root, workspace } = prepareWorkspace();
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  const configDir = path.join(root, 'config');
  const browserProfile = path.join(root, 'chromium');
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  writeUserSettings(userDataDir);

  let server;
  let context;
  let coEditing;
  const cleanup = async () => {
    await context?.close().catch(() => undefined);
    context = undefined;
    await server?.stop();
    server = undefined;
    await coEditing?.stop();
    coEditing = undefined;
    if (!process.env.UPR_KEEP_TMP) removeDir(root);
    else log(`kept ${root}`);
  };
  const offInterrupt = onInterrupt(cleanup);

  const serverLog = fs.createWriteStream(path.join(ARTIFACTS, 'code-server.log'));
  const browserLog = fs.createWriteStream(path.join(ARTIFACTS, 'browser-console.log'));
  const collabLog = fs.createWriteStream(path.join(ARTIFACTS, 'collab-server.log'));
  let summary;
  let suiteCode;
  let peerSummary;
  let peerCode;
  let e2eError;
  try {
    if (collabTestSelected(process.env.UPR_TEST_GREP)) {
      coEditing = await setUpCoEditing({ root, workspace, log: collabLog });
      log(`collaboration server for the co-editing test (${elapsed()})`);
    }
    const port = await freePort();
    server = await startCodeServer({
      nodeBin, codeServer, port, userDataDir, extensionsDir, configDir,
      smokeTestDriver: true,
      log: serverLog,
      env: { UPR_TEST_LOG_MARK: LOG_MARK, UPR_TEST_USER_DATA_DIR: userDataDir }, // reaches the extension host
    });
    log(`code-server on ${server.url} (${elapsed()})`);

    context = await chromium.launchPersistentContext(browserProfile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 900 },
      handleSIGINT: false, // onInterrupt() closes the browser, then stops code-server
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        // Two windows at once (the co-editing test): neither is slowed down as a background tab.
        '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'],
    });
    // Nothing leaves this machine: requests to anything but loopback are refused in the browser.
    await context.route((url) => !isLoopback(url), (route) => {
      browserLog.write(`[blocked] ${route.request().url()}\n`);
      return route.abort('blockedbyclient');
    });
    context.on('console', (msg) => browserLog.write(`[${msg.type()}] ${msg.text()}\n`));

    // The first window; once it has shared the submission, the second one (the co-editing test).
    let peer;
    const openPeer = () => {
      log(`opening the second window of the co-editing test (${elapsed()})`);
      peer = openSuitePage({
        context, port, browserLog,
        workspace: coEditing.peerWorkspace,
        prefix: '[second window] ',
        onMessage: (text) => {
          peerSummary = parseSuiteSummary(text) ?? peerSummary;
          // Offline editing: the second window asks for the server to go away and come back.
          const request = { [STOP_SERVER_MARK]: coEditing.stopServer, [START_SERVER_MARK]: coEditing.restartServer }[text];
          request?.().then(
            () => log(`collaboration server ${text === STOP_SERVER_MARK ? 'stopped' : 'started again'} (${elapsed()})`),
            (e) => log(`collaboration server: ${e.message}`),
          );
        },
      });
      peer.catch((e) => log(`the second window did not open: ${e.message}`));
    };
    log(`opening the workbench with the tests (${elapsed()})`);
    const deadline = Date.now() + SUITE_TIMEOUT_MS;
    const { page, exited } = await openSuitePage({
      context, port, workspace, browserLog,
      page: context.pages()[0],
      onMessage: (text) => {
        summary = parseSuiteSummary(text) ?? summary;
        if (text === SHARED_MARK && coEditing && !peer) openPeer();
      },
    });
    suiteCode = await untilExit(exited, deadline);
    await page.screenshot({ path: path.join(ARTIFACTS, 'extension-tests.png') }).catch(() => undefined);
    if (suiteCode === 'timeout') {
      log(`the suite did not finish within ${SUITE_TIMEOUT_MS / 1000} s (see .test-artifacts/)`);
      suiteCode = 1;
    }
    log(`suite finished with exit code ${suiteCode} (${elapsed()})`);
    if (peer) {
      const opened = await peer.catch(() => undefined);
      peerCode = opened ? await untilExit(opened.exited, deadline) : 1;
      if (peerCode === 'timeout') {
        log('the second window of the co-editing test did not finish in time');
        peerCode = 1;
      }
      await opened?.page.screenshot({ path: path.join(ARTIFACTS, 'extension-tests-second-window.png') }).catch(() => undefined);
      await opened?.page.close().catch(() => undefined);
      log(`second window finished with exit code ${peerCode} (${elapsed()})`);
    }
    await page.close().catch(() => undefined);

    if (!process.env.UPR_TEST_GREP) {
      log('e2e: the word count in the rendered status bar');
      try {
        const text = await checkStatusBar({
          context,
          port,
          workspace,
          extensionPath: EXTENSION,
          screenshotPath: path.join(ARTIFACTS, 'status-bar.png'),
        });
        log(`e2e: status bar shows "${text}" (.test-artifacts/status-bar.png) (${elapsed()})`);
      } catch (e) {
        e2eError = e;
        log(`e2e: FAILED: ${e.message}`);
      }
    }
  } finally {
    await cleanup();
    offInterrupt();
    serverLog.end();
    browserLog.end();
    collabLog.end();
  }

  const e2eRan = !process.env.UPR_TEST_GREP;
  // The second window, when it was opened, must have passed too.
  const peerOk = peerCode === undefined || (peerCode === 0 && peerSummary);
  const passed = (summary?.passes ?? 0) + (peerSummary?.passes ?? 0) + (e2eRan && !e2eError ? 1 : 0);
  const failed =
    (summary ? summary.failures : suiteCode === 0 ? 0 : 1) +
    (peerCode === undefined ? 0 : peerSummary ? peerSummary.failures : peerCode === 0 ? 0 : 1) +
    (e2eError ? 1 : 0);
  console.log(`extension: ${passed} passed, ${failed} failed`);
  log(`done in ${elapsed()}`);
  return suiteCode === 0 && peerOk && !e2eError && summary ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[test:extension] ${e.stack || e.message}`);
    process.exit(1);
  },
);
