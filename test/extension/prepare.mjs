// What both extension-test runners (code-server and desktop) need: the bundled in-host suite and a
// throwaway workspace (samples/ plus the test fixtures), so that tests never modify the repository.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { REPO } from '../../scripts/code-server.mjs';

export const SUITE_ENTRY = path.join(REPO, 'test/extension/suite/index.ts');
export const SUITE_BUNDLE = path.join(REPO, 'dist/test/extension/index.js');
export const ARTIFACTS = path.join(REPO, '.test-artifacts');

/** Bundles test/extension/suite/ into dist/test/extension/index.js (vscode and mocha stay external). */
export async function bundleSuite() {
  await esbuild.build({
    entryPoints: [SUITE_ENTRY],
    outfile: SUITE_BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return SUITE_BUNDLE;
}

/** The extension under test: the repository root, or UPR_EXTENSION_PATH (to try the harness on another). */
export const EXTENSION = path.resolve(process.env.UPR_EXTENSION_PATH || REPO);

/** The built extension must exist. */
export function checkExtensionBuilt() {
  const pkg = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'package.json'), 'utf8'));
  const main = path.join(EXTENSION, pkg.main);
  if (!fs.existsSync(main)) {
    throw new Error(`${path.relative(REPO, main)} is missing: run \`npm run build\` first.`);
  }
}

/** A fresh temp folder holding a copy of samples/ and test/extension/fixtures/. */
export function prepareWorkspace() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'upr-ext-test-'));
  const workspace = path.join(root, 'workspace');
  fs.mkdirSync(workspace);
  // A fixture never replaces a sample of the same name.
  for (const [from, force] of [['samples', true], ['test/extension/fixtures', false]]) {
    const dir = path.join(REPO, from);
    if (fs.existsSync(dir)) fs.cpSync(dir, workspace, { recursive: true, force });
  }
  return { root, workspace };
}

export function removeDir(dir) {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

/** Parses the summary line that the in-host suite logs (see suite/index.ts). */
export function parseSuiteSummary(line) {
  const m = String(line).match(/UPR-SUITE-RESULT (\{.*\})/);
  return m ? JSON.parse(m[1]) : undefined;
}
