/**
 * `qmt run`: the conformance suite against a module (a serial port, a ser2net TCP port, or the
 * built-in simulator), Allure results on disk scenario by scenario, then the report.
 */
import { rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { writeComplianceReport } from '../report/compliance-report';
import { generateReport } from '../report/generate';
import { scrubResultsDir } from '../report/scrub-results';
import { PROJECT_ROOT, runSuite } from './cucumber-runner';
import { checkInteger, checkPort, checkTags, checkVariant } from './options';
import { RunConfigSchema } from './run-config';
import { harnessVersion } from './version';

export interface RunCommandOptions {
  port?: string;
  baud: string;
  variant?: string;
  brokerHost: string;
  brokerListen: string;
  brokerPort: string;
  tags?: string;
  results: string;
  fault: string[];
  secret: string[];
  report: boolean;
  includeSlow?: boolean;
}

export async function runCommand(options: RunCommandOptions): Promise<number> {
  const config = RunConfigSchema.parse({
    port: checkPort(options.port),
    baud: checkInteger('--baud', options.baud, 1, 4_000_000),
    variant: checkVariant(options.variant),
    brokerHost: options.brokerHost,
    brokerListen: options.brokerListen,
    brokerPort: checkInteger('--broker-port', options.brokerPort, 0, 65535),
    faults: options.fault,
    secrets: options.secret,
    resultsDir: path.resolve(options.results),
    tags: options.tags,
    includeSlow: Boolean(options.includeSlow),
    harness: harnessVersion(),
  });
  const tags = checkTags(options.tags);
  const resultsDir = config.resultsDir as string;
  // Cleaned at each run; each scenario's result is written as soon as it finishes, so an
  // interrupted run keeps what it completed.
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  const target = config.port ?? `the built-in simulator (${config.variant ?? 'EC200N-CN'})`;
  console.log(`qmt: conformance suite against ${target}; broker fixture on ${config.brokerListen}; results in ${path.relative(process.cwd(), resultsDir) || resultsDir}`);
  const outcome = await runSuite({ config, tags, resultsDir });
  // Belt and braces: secrets are masked where they are recorded; this catches any that slipped through.
  scrubResultsDir(resultsDir, [...config.secrets, ...Object.values(config.runSecrets)]);
  if (options.report) {
    const outDir = path.join(PROJECT_ROOT, 'reports');
    const started = Date.now();
    const report = await generateReport({ resultsDirs: [resultsDir], outDir });
    const compliance = await writeComplianceReport([resultsDir], outDir);
    console.log(`qmt: Allure report: ${report.reportIndex}`);
    if (report.singleFile) console.log(`qmt: single-file report: ${report.singleFile}`);
    console.log(`qmt: compliance summary: ${compliance.html}${compliance.pdf ? ` and ${compliance.pdf}` : ''} (${compliance.json})`);
    console.log(`qmt: reports generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log(outcome.success ? 'qmt: every scenario passed' : 'qmt: some scenarios FAILED');
  return outcome.success ? 0 : 1;
}
