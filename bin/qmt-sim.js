#!/usr/bin/env node
// The standalone simulated module: serves it on a pty or a loopback TCP port, like hardware.
const { simMain } = require('../scripts/sources').load('src/cli/sim-cli');
simMain(process.argv.slice(2)).then(
  (code) => {
    if (typeof code === 'number') process.exitCode = code;
  },
  (error) => {
    console.error(`qmt-sim: ${error && error.message ? error.message : error}`);
    process.exit(2);
  },
);
