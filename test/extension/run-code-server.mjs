#!/usr/bin/env node
// `npm run test:extension`: the extension's tests in a real extension host, that of code-server
// (VS Code in the browser) on 127.0.0.1, driven by headless Chromium; then one check of the
// rendered workbench (test/e2e/). Expects `npm run build` to have produced dist/extension.js.
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

/** Prints the suite's messages (mocha's reporter among them); returns the message text, or undefined. */
function relayLog(type, args) {
  const text = format(...(Array.isArray(args) ? args : [args]));
  if (!text.startsWith(LOG_MARK)) return undefined;
  const message = text.slice(LOG_MARK.length);
  if (type === 'error' || type === 'warn' || type === 'warning') console.error(message);
  else console.log(message);
  return message;
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
  const cleanup = async () => {
    await context?.close().catch(() => undefined);
    context = undefined;
    await server?.stop();
    server = undefined;
    if (!process.env.UPR_KEEP_TMP) removeDir(root);
    else log(`kept ${root}`);
  };
  const offInterrupt = onInterrupt(cleanup);

  const serverLog = fs.createWriteStream(path.join(ARTIFACTS, 'code-server.log'));
  const browserLog = fs.createWriteStream(path.join(ARTIFACTS, 'browser-console.log'));
  let summary;
  let suiteCode;
  let e2eError;
  try {
    const port = await freePort();
    server = await startCodeServer({
      nodeBin, codeServer, port, userDataDir, extensionsDir, configDir,
      smokeTestDriver: true,
      log: serverLog,
      env: { UPR_TEST_LOG_MARK: LOG_MARK }, // reaches the extension host
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
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // Nothing leaves this machine: requests to anything but loopback are refused in the browser.
    await context.route((url) => !isLoopback(url), (route) => {
      browserLog.write(`[blocked] ${route.request().url()}\n`);
      return route.abort('blockedbyclient');
    });
    context.on('console', (msg) => browserLog.write(`[${msg.type()}] ${msg.text()}\n`));

    const page = context.pages()[0] ?? (await context.newPage());
    let finish;
    const exited = new Promise((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = relayLog(type, args);
      if (text === undefined) browserLog.write(`[workbench ${type}] ${format(...[].concat(args))}\n`);
      else summary = parseSuiteSummary(text) ?? summary;
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
    page.on('pageerror', (e) => browserLog.write(`[pageerror] ${e.stack || e.message}\n`));

    const url = workbenchUrl(port, workspace, [
      ['extensionDevelopmentPath', remoteUri(port, EXTENSION)],
      ['extensionTestsPath', remoteUri(port, SUITE_BUNDLE)],
    ]);
    log(`opening the workbench with the tests (${elapsed()})`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    let timer;
    suiteCode = await Promise.race([
      exited,
      new Promise((resolve) => (timer = setTimeout(resolve, SUITE_TIMEOUT_MS, 'timeout'))),
    ]);
    clearTimeout(timer);
    await page.screenshot({ path: path.join(ARTIFACTS, 'extension-tests.png') }).catch(() => undefined);
    if (suiteCode === 'timeout') {
      log(`the suite did not finish within ${SUITE_TIMEOUT_MS / 1000} s (see .test-artifacts/)`);
      suiteCode = 1;
    }
    log(`suite finished with exit code ${suiteCode} (${elapsed()})`);
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
  }

  const e2eRan = !process.env.UPR_TEST_GREP;
  const passed = (summary?.passes ?? 0) + (e2eRan && !e2eError ? 1 : 0);
  const failed = (summary ? summary.failures : suiteCode === 0 ? 0 : 1) + (e2eError ? 1 : 0);
  console.log(`extension: ${passed} passed, ${failed} failed`);
  log(`done in ${elapsed()}`);
  return suiteCode === 0 && !e2eError && summary ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[test:extension] ${e.stack || e.message}`);
    process.exit(1);
  },
);
