/**
 * The spec coverage matrix (spec item → scenarios) of the features a run used, kept beside its
 * results so the report a customer receives carries the traceability with it. It is no scenario:
 * it is written as a run-level file (`spec-coverage.json`), never as an Allure result, so no
 * count of scenarios (Cucumber's, Allure's, the compliance summary's) can include it. The
 * compliance summary states it and writes the matrix as `spec-coverage.md`; Allure's Environment
 * widget gets one line.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { computeCoverage, coverageMarkdown } from '../catalog/coverage';
import { scanFeatures } from '../catalog/feature-scan';

export const SPEC_COVERAGE_FILE = 'spec-coverage.json';

export interface SpecCoverageRecord {
  covered: number;
  items: number;
  uncovered: string[];
  unknownTags: string[];
  markdown: string;
}

export function writeTraceabilityResult(resultsDir: string, featuresDir: string): SpecCoverageRecord {
  const coverage = computeCoverage(scanFeatures(featuresDir));
  const record: SpecCoverageRecord = {
    covered: coverage.rows.length - coverage.uncovered.length,
    items: coverage.rows.length,
    uncovered: coverage.uncovered.map((i) => i.id),
    unknownTags: [...coverage.unknownTags],
    markdown: coverageMarkdown(coverage),
  };
  writeFileSync(path.join(resultsDir, SPEC_COVERAGE_FILE), JSON.stringify(record, null, 2) + '\n');
  const environment = path.join(resultsDir, 'environment.properties');
  if (existsSync(environment))
    appendFileSync(environment, `Spec\\ coverage=${record.covered} of ${record.items} spec items have scenarios\n`);
  return record;
}

/** The record a run left in its results folder; undefined for results without one. */
export function readSpecCoverage(resultsDir: string): SpecCoverageRecord | undefined {
  try {
    return JSON.parse(readFileSync(path.join(resultsDir, SPEC_COVERAGE_FILE), 'utf8')) as SpecCoverageRecord;
  } catch {
    return undefined;
  }
}

/** Results of older runs held the matrix as an Allure result: it is still not a scenario. */
export function isCoverageMatrixResult(raw: { fullName?: unknown }): boolean {
  return raw.fullName === 'traceability#spec-coverage-matrix';
}
