// The sources scripts/build.js compiles, and the stamp that says whether .build/ still matches them.
const { readdirSync, statSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const BUILD_DIR = path.join(ROOT, '.build');
const SOURCE_DIRS = ['src', 'steps', 'support'];
/** Not code the CLI runs: documentation beside the sources. */
const SKIPPED = /\.md$/;

/** Every file under the source folders, relative to the project root, sorted. */
function sourceFiles(root = ROOT) {
  const walk = (dir) =>
    readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) return walk(rel);
      return SKIPPED.test(entry.name) ? [] : [rel];
    });
  return SOURCE_DIRS.flatMap(walk).sort();
}

/** Size and modification time of each file: a changed, added or removed file changes the stamp. */
function sourceStamp(files, root = ROOT) {
  return Object.fromEntries(
    files.map((f) => {
      const s = statSync(path.join(root, f));
      return [f, [s.size, s.mtimeMs]];
    }),
  );
}

/**
 * What .build/ is made from: the sources under `root`, and the compiler that made it (this
 * project's scripts/build.js and esbuild's version), so a new compiler rebuilds too.
 */
function buildStamp(root = ROOT) {
  // esbuild reads tsconfig.json too (its target decides how class fields compile).
  const builder = ['scripts/build.js', 'tsconfig.json'].map((f) => statSync(path.join(ROOT, f)));
  return {
    ...sourceStamp(sourceFiles(root), root),
    '(builder)': [...builder.flatMap((s) => [s.size, s.mtimeMs]), require('esbuild/package.json').version],
  };
}

module.exports = { BUILD_DIR, ROOT, SOURCE_DIRS, buildStamp, sourceFiles };
