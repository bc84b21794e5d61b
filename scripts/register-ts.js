// The one place that decides how the TypeScript sources load (no build step): tsx (esbuild
// transpile, no type check) by default — `npm run bench` figure (d) measured it at a fraction of
// ts-node's start-up — or ts-node with QMT_TS_LOADER=ts-node. `npm run typecheck` checks types.
const path = require('node:path');

if (process.env.QMT_TS_LOADER === 'ts-node') {
  require('ts-node').register({ transpileOnly: true, project: path.join(__dirname, '..', 'tsconfig.json') });
} else {
  require('tsx/cjs');
}
// A process that loads TypeScript loads all of it that way (scripts/sources.js reads this).
global.qmtSourceRoot ??= path.resolve(__dirname, '..');
