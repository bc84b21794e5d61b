/**
 * Puts the spec coverage matrix (spec item → scenarios) into a results folder as one Allure
 * result of its own, so the report a customer receives carries the traceability with it.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { computeCoverage, coverageMarkdown } from '../catalog/coverage';
import { scanFeatures } from '../catalog/feature-scan';

export function writeTraceabilityResult(resultsDir: string, featuresDir: string, variant: string): void {
  const coverage = computeCoverage(scanFeatures(featuresDir));
  const uuid = randomUUID();
  const attachment = `${uuid}-attachment.md`;
  writeFileSync(path.join(resultsDir, attachment), coverageMarkdown(coverage));
  const now = Date.now();
  const covered = coverage.rows.length - coverage.uncovered.length;
  const result = {
    uuid,
    historyId: `traceability-${variant}`,
    testCaseId: `traceability-${variant}`,
    name: `Spec coverage matrix: ${covered} of ${coverage.rows.length} spec items have scenarios`,
    fullName: 'traceability#spec-coverage-matrix',
    status: coverage.uncovered.length === 0 && coverage.unknownTags.length === 0 ? 'passed' : 'failed',
    statusDetails: coverage.uncovered.length
      ? { message: `spec items without a scenario: ${coverage.uncovered.map((i) => i.id).join(', ')}` }
      : {},
    stage: 'finished',
    start: now,
    stop: now,
    labels: [
      { name: 'parentSuite', value: variant },
      { name: 'suite', value: 'Traceability' },
      { name: 'variant', value: variant },
    ],
    attachments: [{ name: 'Spec coverage matrix', source: attachment, type: 'text/markdown' }],
    steps: [],
    parameters: [],
    links: [],
  };
  writeFileSync(path.join(resultsDir, `${uuid}-result.json`), JSON.stringify(result));
}
