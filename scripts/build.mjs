// Bundles the four programs with esbuild: the extension, the language server, the CLI and the
// collaboration server.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const bench = process.argv.includes('--bench');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'info',
};
const builds = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { cli: 'server/src/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  {
    ...common,
    entryPoints: { 'collab-server': 'collab/src/main.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
    // A native module, loaded from node_modules; ws's optional native helpers are left out.
    external: ['better-sqlite3', 'bufferutil', 'utf-8-validate'],
  },
];

// The benchmarks run the core as the product ships it: bundled by esbuild, not transpiled on the fly.
const benchBuild = {
  ...common,
  entryPoints: { run: 'bench/run.ts' },
  outdir: 'dist/bench',
  outExtension: { '.js': '.mjs' },
  format: 'esm',
  // bench/references.ts bundles a loader for a fresh process with esbuild itself.
  external: ['esbuild'],
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
};

if (bench) {
  await esbuild.build(benchBuild);
} else if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
