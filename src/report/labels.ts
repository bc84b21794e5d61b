// Allure labels the Before hook (support/hooks.ts) puts on every scenario result:
// the Suites tab reads parentSuite → suite → subSuite, so a customer browses
// variant → command → normative statement; the other labels identify what was tested where.

export interface AllureLabel {
  name: string;
  value: string;
}

export interface ScenarioLabelInfo {
  variant: string;
  firmware: string;
  model: string;
  imei?: string;
  rig: string;
  harness: string;
  /** The labgrid place of the module and the exporter serving it, when the run took a place. */
  place?: string;
  exporter?: string;
  featureName: string;
  ruleName?: string;
  /** Gherkin tag names as cucumber gives them, e.g. "@spec:3.3.1:keepalive:set". */
  tags: string[];
}

const SPEC_TAG_PREFIX = '@spec:';

/** Keeps only the last 4 digits: an IMEI identifies one customer's device. Idempotent. */
export function maskImei(imei: string): string {
  const trimmed = imei.trim();
  if (trimmed.length <= 4) return trimmed;
  return '*'.repeat(trimmed.length - 4) + trimmed.slice(-4);
}

/** Removes user:password from URL-like rig descriptions (ser2net behind an authenticating proxy). */
export function maskRigCredentials(rig: string): string {
  return rig.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/i, '$1***@');
}

/** Spec item ids named by `@spec:<id>` tags (the id itself contains colons, e.g. 3.3.1:keepalive:set). */
export function specIdsFromTags(tags: readonly string[]): string[] {
  const ids = tags
    .filter((tag) => tag.startsWith(SPEC_TAG_PREFIX))
    .map((tag) => tag.slice(SPEC_TAG_PREFIX.length).trim())
    .filter((id) => id.length > 0);
  return [...new Set(ids)];
}

export function scenarioLabels(info: ScenarioLabelInfo): AllureLabel[] {
  const labels: AllureLabel[] = [
    { name: 'parentSuite', value: info.variant },
    { name: 'suite', value: info.featureName },
  ];
  if (info.ruleName && info.ruleName.trim() !== '') labels.push({ name: 'subSuite', value: info.ruleName.trim() });
  labels.push(
    { name: 'variant', value: info.variant },
    { name: 'firmware', value: info.firmware },
    { name: 'model', value: info.model },
  );
  // The caller masks already; masking again is harmless and guards against a forgotten call.
  if (info.imei && info.imei.trim() !== '') labels.push({ name: 'imei', value: maskImei(info.imei) });
  labels.push({ name: 'rig', value: maskRigCredentials(info.rig) }, { name: 'harness', value: info.harness });
  if (info.place) labels.push({ name: 'labgrid-place', value: info.place });
  if (info.exporter) labels.push({ name: 'labgrid-exporter', value: info.exporter });
  for (const id of specIdsFromTags(info.tags)) labels.push({ name: 'spec', value: id });
  return labels;
}

/** Label for a scenario skipped as not applicable to the variant (status skipped, message "not applicable: …"). */
export function applicabilityLabel(reason: string): AllureLabel {
  return { name: 'applicability', value: reason };
}

/** statusDetails.message for a not-applicable skip; compliance and categories key on this prefix. */
export function notApplicableMessage(reason: string): string {
  return `not applicable: ${reason}`;
}
