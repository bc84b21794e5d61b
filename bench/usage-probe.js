// Preloaded (NODE_OPTIONS=--require) into a measured process: at exit it writes its own CPU time
// and peak RSS to QMT_BENCH_USAGE_FILE, so the bench needs no GNU time on the machine.
const { writeFileSync } = require('node:fs');

const file = process.env.QMT_BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({ userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000, maxRssMb: u.maxRSS / 1024 }),
    );
  });
}
