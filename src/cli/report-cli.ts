// `qmt report` and `qmt compare`: the commands a QA team runs after one or more conformance
// runs to produce what goes to the customer.
import type { Command } from 'commander';
import { compareRuns, formatComparison } from '../report/compare';
import { writeComplianceReport } from '../report/compliance-report';
import { generateReport } from '../report/generate';
import { loadSpecCatalog } from '../report/spec-catalog';
import { PROJECT_ROOT } from './cucumber-runner';
import { checkOutputFolder, markFolder } from './output-folder';
import { harnessVersion } from './version';
import { DEFAULT_REPORT_DIR } from './defaults';

/** Where the commands print; tests pass their own so the test runner's stdout stays untouched. */
export interface ReportIo {
  out(text: string): void;
  err(text: string): void;
  setExitCode(code: number): void;
}

const processIo: ReportIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  setExitCode: (code) => {
    process.exitCode = code;
  },
};

/** Bad input (missing folder, empty folder, unreadable catalog): one line, exit code 2. */
function failWith(io: ReportIo, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  io.err(`qmt: ${message.split('\n')[0]}\n`);
  io.setExitCode(2);
}

interface ReportOptions {
  out: string;
  catalog?: string;
  name?: string;
  singleFile: boolean;
  pdf: boolean;
}

async function reportAction(io: ReportIo, resultsDirs: string[], opts: ReportOptions): Promise<void> {
  try {
    const catalog = loadSpecCatalog(opts.catalog);
    // Its named parts (allure-report, compliance.*) are replaced: never in a folder of the user's.
    markFolder(checkOutputFolder('--out', opts.out, 'report', PROJECT_ROOT), `qmt ${harnessVersion()} report`);
    const allure = await generateReport({
      resultsDirs,
      outDir: opts.out,
      reportName: opts.name,
      singleFile: opts.singleFile,
    });
    const compliance = await writeComplianceReport(resultsDirs, opts.out, { catalog, pdf: opts.pdf });
    const lines = [
      `Allure report:        ${allure.reportIndex}${allure.historyCarried ? ' (history carried over)' : ''}`,
      allure.singleFile ? `Single-file report:   ${allure.singleFile}` : undefined,
      `Compliance (HTML):    ${compliance.html}`,
      `Compliance (JSON):    ${compliance.json}`,
      compliance.pdf ? `Compliance (PDF):     ${compliance.pdf}` : `Compliance (PDF):     ${compliance.pdfNote}`,
    ];
    io.out(lines.filter((l) => l !== undefined).join('\n') + '\n');
    io.out(`Verdict:              ${compliance.summary.verdict.text}\n`);
    // Only what the note judged fails an item; a precondition or rig failure is "not judged".
    const failing = compliance.summary.failures.filter(
      (f) => f.kind === 'non-conformance' || f.kind === 'profile-deviation',
    ).length;
    const notJudged = compliance.summary.failures.length - failing;
    if (failing > 0) io.out(`${failing} failing item result(s); see the compliance summary.\n`);
    if (notJudged > 0)
      io.out(`${notJudged} item result(s) not judged (precondition or rig trouble; no evidence against the module).\n`);
  } catch (err) {
    failWith(io, err);
  }
}

function compareAction(
  io: ReportIo,
  resultsA: string,
  resultsB: string,
  opts: { json?: boolean; catalog?: string },
): void {
  try {
    const comparison = compareRuns(resultsA, resultsB, { catalog: loadSpecCatalog(opts.catalog) });
    io.out(opts.json ? JSON.stringify(comparison, null, 2) + '\n' : formatComparison(comparison));
  } catch (err) {
    failWith(io, err);
  }
}

export function registerReportCommands(program: Command, io: ReportIo = processIo): void {
  program
    .command('report')
    .description('build the Allure report (folder + single file) and the compliance summary from results folders')
    .argument('<resultsDirs...>', 'one or more allure results folders (several runs, variants or rigs)')
    .option('--out <dir>', 'output folder', DEFAULT_REPORT_DIR)
    .option('--catalog <file>', 'spec catalog JSON (default: spec/quectel-mqtt-at.json)')
    .option('--name <title>', 'report title shown by Allure')
    .option('--no-single-file', 'skip the single-file (emailable) Allure report')
    .option('--no-pdf', 'skip the PDF of the compliance summary')
    .action((dirs: string[], opts: ReportOptions) => reportAction(io, dirs, opts));
  program
    .command('compare')
    .description('compare two runs spec item by spec item (regressions first) and list their reading drift')
    .argument('<resultsA>', 'results folder of the earlier run')
    .argument('<resultsB>', 'results folder of the later run')
    .option('--json', 'print JSON instead of text')
    .option('--catalog <file>', 'spec catalog JSON (default: spec/quectel-mqtt-at.json)')
    .action((a: string, b: string, opts: { json?: boolean; catalog?: string }) => compareAction(io, a, b, opts));
}
