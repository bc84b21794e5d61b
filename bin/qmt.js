#!/usr/bin/env node
// The harness CLI. TypeScript sources run through ts-node (transpile only; `npm run typecheck` checks types).
const path = require('node:path');
require('ts-node').register({ transpileOnly: true, project: path.join(__dirname, '..', 'tsconfig.json') });
const { main } = require('../src/cli/main');
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`qmt: ${error && error.message ? error.message : error}`);
    process.exit(2);
  },
);
