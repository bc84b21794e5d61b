// Builds the Allure HTML report (folder + single emailable file) from one or more results
// folders, carrying Allure history over so trend charts show run after run.
import { execFile } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { mergeResultsFolders } from './merge-results';

export interface GenerateReportOptions {
  resultsDirs: string[];
  /** Where the report goes (the command's default is in src/cli/defaults.ts). */
  outDir: string;
  reportName?: string;
  /** Also build <outDir>/allure-report-single/index.html (default true). */
  singleFile?: boolean;
  timeoutMs?: number;
}

export interface GeneratedReport {
  mergedResults: string;
  reportDir: string;
  reportIndex: string;
  singleFile?: string;
  historyCarried: boolean;
  results: number;
}

export function allureBin(): string {
  return join(dirname(require.resolve('allure-commandline/package.json')), 'dist', 'bin', 'allure');
}

function runAllure(args: string[], timeoutMs: number): Promise<void> {
  return new Promise((done, fail) => {
    execFile(allureBin(), args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) {
        const why = `${String(stderr)}\n${String(stdout)}`.trim().split('\n').slice(-5).join(' | ');
        fail(new Error(`allure generate failed: ${why || err.message}`));
      } else done();
    });
  });
}

export async function generateReport(options: GenerateReportOptions): Promise<GeneratedReport> {
  const { outDir } = options;
  const timeoutMs = options.timeoutMs ?? 180_000;
  const mergedResults = join(outDir, 'allure-results-merged');
  const reportDir = join(outDir, 'allure-report');
  const singleDir = join(outDir, 'allure-report-single');

  const merged = mergeResultsFolders(options.resultsDirs, mergedResults);

  // `--clean` wipes the previous report, so its history is copied into the results first.
  const previousHistory = join(reportDir, 'history');
  const historyCarried = existsSync(previousHistory);
  if (historyCarried) cpSync(previousHistory, join(mergedResults, 'history'), { recursive: true });

  const name = options.reportName ? ['--name', options.reportName] : [];
  await runAllure(['generate', mergedResults, '-o', reportDir, '--clean', ...name], timeoutMs);
  const report: GeneratedReport = {
    mergedResults,
    reportDir,
    reportIndex: join(reportDir, 'index.html'),
    historyCarried,
    results: merged.results,
  };
  if (options.singleFile !== false) {
    await runAllure(['generate', mergedResults, '-o', singleDir, '--clean', '--single-file', ...name], timeoutMs);
    report.singleFile = join(singleDir, 'index.html');
  }
  return report;
}
