// Where this process loads the harness's sources from, decided once per process: the compiled
// tree .build/ (scripts/build.js) when it matches the TypeScript sources, else the TypeScript
// itself through scripts/register-ts.js. Every entry point (bin/, the Cucumber formatters, the
// scripts) loads through here, so one process never holds two copies of a module.
// QMT_SOURCES=ts forces the TypeScript (e.g. to compare start-up in `npm run bench`).
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { BUILD_DIR, ROOT, buildStamp } = require('./source-files');

/** Does `<root>/.build` hold the compiled form of the sources as they are now? */
function buildIsCurrent(root = ROOT) {
  if (process.env.QMT_SOURCES === 'ts') return false;
  let recorded;
  try {
    recorded = readFileSync(path.join(root, path.basename(BUILD_DIR), 'sources.json'), 'utf8');
  } catch {
    return false;
  }
  try {
    return JSON.stringify(buildStamp(root)) === recorded;
  } catch {
    return false; // a file vanished while being read: the sources are changing
  }
}

function decide() {
  if (global.qmtSourceRoot === undefined) {
    if (buildIsCurrent()) {
      process.setSourceMapsEnabled(true);
      global.qmtSourceRoot = BUILD_DIR;
    } else {
      require('./register-ts');
      global.qmtSourceRoot = ROOT;
    }
  }
  return global.qmtSourceRoot;
}

/** `load('src/cli/main')`: the module from the compiled tree or the TypeScript. */
function load(relative) {
  return require(path.join(decide(), relative));
}

module.exports = { buildIsCurrent, load, sourceRoot: decide };
