#!/usr/bin/env node
// Compiles the TypeScript sources the CLI runs (src/, steps/, support/) to JavaScript in .build/,
// so `qmt` and `qmt-sim` start without transpiling: run by `npm install` (prepare), `npm start`
// and `npm test` (prestart / pretest). Transpile only, with esbuild (already installed as tsx's
// own compiler); `npm run typecheck` checks types. scripts/sources.js uses .build/ only while it
// matches the sources in the size and modification time of every file, and loads the TypeScript
// through tsx otherwise, so an edit is never run stale. A build that still matches is left alone
// (`--force` rebuilds): a `qmt run` already under way may still be loading modules from it.
const { buildSync } = require('esbuild');
const { cpSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { BUILD_DIR, ROOT, SOURCE_DIRS, buildStamp, sourceFiles } = require('./source-files');
const { buildIsCurrent } = require('./sources');

const quiet = process.argv.includes('--quiet');
if (!process.argv.includes('--force') && buildIsCurrent()) {
  if (!quiet) console.log('build: .build matches the sources, nothing to do (--force rebuilds)');
  process.exit(0);
}
const started = Date.now();
// Taken before compiling: a file edited meanwhile then no longer matches, and the TypeScript runs.
const stamp = buildStamp();
const files = sourceFiles();
// Built beside .build and renamed into place, so a process never sees half a tree.
const staging = `${BUILD_DIR}.${process.pid}`;
rmSync(staging, { recursive: true, force: true });
try {
  compileInto(staging);
  rmSync(BUILD_DIR, { recursive: true, force: true });
  renameSync(staging, BUILD_DIR);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
if (!quiet)
  console.log(
    `build: ${files.length} files of ${SOURCE_DIRS.join(', ')} compiled to ${path.relative(process.cwd(), BUILD_DIR) || BUILD_DIR} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

function compileInto(staging) {
  buildSync({
    entryPoints: files.filter((f) => f.endsWith('.ts')).map((f) => path.join(ROOT, f)),
    outdir: staging,
    outbase: ROOT,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // Stack traces in reports point at the TypeScript lines (scripts/sources.js turns maps on).
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'warning',
  });
  // Files the sources read beside themselves (the pty bridge of qmt-sim --pty).
  for (const f of files.filter((f) => !f.endsWith('.ts'))) {
    mkdirSync(path.dirname(path.join(staging, f)), { recursive: true });
    cpSync(path.join(ROOT, f), path.join(staging, f));
  }
  // What the sources read relative to their own place (`import … from '../../spec/…json'`, the
  // profiles, the features, the formatters in scripts/, package.json, the unpacked labgrid).
  for (const name of ['spec', 'profiles', 'features', 'scripts', 'package.json', '.tools'])
    symlinkSync(path.join('..', name), path.join(staging, name));
  writeFileSync(path.join(staging, 'sources.json'), JSON.stringify(stamp));
}
