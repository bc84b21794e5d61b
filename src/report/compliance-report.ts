// Writes the three compliance deliverables: compliance.json (machines), compliance.html
// (people), compliance.pdf (email / print) when headless Chromium is on the machine.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_PATH, findChromium, printToPdf } from './chromium';
import {
  buildCompliance,
  writeComplianceJson,
  type BuildComplianceOptions,
  type ComplianceSummary,
} from './compliance';
import { pdfFooterText, writeComplianceHtml } from './compliance-html';
import { readSpecCoverage } from './traceability-result';

export interface ComplianceFiles {
  summary: ComplianceSummary;
  json: string;
  html: string;
  pdf?: string;
  /** Why there is no PDF, when there is none. */
  pdfNote?: string;
}

export interface ComplianceReportOptions extends BuildComplianceOptions {
  chromiumPath?: string;
  pdf?: boolean;
}

export async function writeComplianceReport(
  resultsDirs: readonly string[],
  outDir: string,
  options: ComplianceReportOptions = {},
): Promise<ComplianceFiles> {
  const summary = buildCompliance(resultsDirs, options);
  const json = writeComplianceJson(summary, outDir);
  const html = writeComplianceHtml(summary, outDir);
  const coverage = resultsDirs.map(readSpecCoverage).find((c) => c !== undefined);
  if (coverage) writeFileSync(join(outDir, 'spec-coverage.md'), coverage.markdown);
  if (options.pdf === false) return { summary, json, html, pdfNote: 'PDF not requested' };
  const chromium = findChromium(options.chromiumPath);
  if (!chromium) {
    return {
      summary,
      json,
      html,
      pdfNote: `PDF skipped: no Chromium at ${options.chromiumPath ?? CHROMIUM_PATH} (apt-get install -y chromium, or bash scripts/install-system-deps.sh)`,
    };
  }
  try {
    const pdf = await printToPdf(chromium, html, join(outDir, 'compliance.pdf'), pdfFooterText(summary));
    return { summary, json, html, pdf };
  } catch (err) {
    return { summary, json, html, pdfNote: `PDF skipped: ${(err as Error).message}` };
  }
}
