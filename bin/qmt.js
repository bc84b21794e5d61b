#!/usr/bin/env node
// The harness CLI. TypeScript sources load through scripts/register-ts.js (transpile only; `npm run typecheck` checks types).
require('../scripts/register-ts');
const { main } = require('../src/cli/main');
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`qmt: ${error && error.message ? error.message : error}`);
    process.exit(2);
  },
);
