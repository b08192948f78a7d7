#!/usr/bin/env node
// `npm run test:desktop`: the same in-host suite as `npm run test:extension`, in desktop VS Code
// through @vscode/test-electron, for machines that can download VS Code (or have it: set
// VSCODE_EXECUTABLE to its executable). Headless Linux needs a display: `xvfb-run -a npm run test:desktop`.
//
//   VSCODE_VERSION=1.96.0   the VS Code version to download (default: stable)
//   VSCODE_EXECUTABLE=path  use this VS Code executable instead of downloading one
//   UPR_TEST_GREP=text      run only the tests whose title contains text
import path from 'node:path';
import { TestRunFailedError, runTests } from '@vscode/test-electron';
import { CACHE_DIR, onInterrupt } from '../../scripts/code-server.mjs';
import { EXTENSION, bundleSuite, checkExtensionBuilt, prepareWorkspace, removeDir } from './prepare.mjs';

const CACHE = path.join(CACHE_DIR, 'vscode-test');

async function main() {
  checkExtensionBuilt();
  const suite = await bundleSuite();
  const { root, workspace } = prepareWorkspace();
  const offInterrupt = onInterrupt(() => removeDir(root));
  try {
    return await runTests({
      extensionDevelopmentPath: EXTENSION,
      extensionTestsPath: suite,
      cachePath: CACHE,
      version: process.env.VSCODE_VERSION || 'stable',
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      timeout: 30_000,
      extensionTestsEnv: { UPR_TEST_GREP: process.env.UPR_TEST_GREP, UPR_TEST_USER_DATA_DIR: path.join(root, 'user-data') },
      launchArgs: [
        workspace,
        '--disable-extensions', // other installed extensions; the one under development still loads
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir', path.join(root, 'user-data'),
        '--extensions-dir', path.join(root, 'extensions'),
      ],
    });
  } catch (e) {
    if (e instanceof TestRunFailedError) {
      // VS Code ran and the suite failed (its output is above).
      console.error(`[test:desktop] the extension tests failed (exit code ${e.code ?? e.signal})`);
      return typeof e.code === 'number' && e.code !== 0 ? e.code : 1;
    }
    if (!process.env.VSCODE_EXECUTABLE) {
      console.error(
        `[test:desktop] could not download or start VS Code desktop: ${e?.message ?? e}\n` +
          'This machine may not reach the VS Code download server. Either set VSCODE_EXECUTABLE to an ' +
          'installed VS Code executable, or run the same suite in code-server with `npm run test:extension`.',
      );
    } else {
      console.error(`[test:desktop] could not start ${process.env.VSCODE_EXECUTABLE}: ${e?.message ?? e}`);
    }
    return 2;
  } finally {
    offInterrupt();
    removeDir(root);
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[test:desktop] ${e.stack || e.message}`);
    process.exit(1);
  },
);
