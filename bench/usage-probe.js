// Preloaded (NODE_OPTIONS=--require) into a measured process and, through the environment, into the
// node processes it starts (Cucumber's parallel workers, qmt-sim, qmt run per module): at exit each
// appends its own CPU time and peak RSS as one JSON line to QMT_BENCH_USAGE_FILE; bench/measure.ts
// sums the CPU and takes the largest RSS. No GNU time needed on the machine.
const { appendFileSync } = require('node:fs');

const file = process.env.QMT_BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    appendFileSync(
      file,
      JSON.stringify({ userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000, maxRssMb: u.maxRSS / 1024 }) +
        '\n',
    );
  });
}
