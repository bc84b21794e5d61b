// One source of truth for telling module non-conformance from harness/rig trouble and
// "not applicable" skips. categories.json (Java regex, evaluated by Allure with
// String.matches, i.e. whole-message match) and the compliance summary (JS RegExp) are
// both derived from these patterns, so the Allure report and the summary never disagree.

export type ResultStatus = 'passed' | 'failed' | 'broken' | 'skipped' | 'unknown';
export type ResultClass = 'passed' | 'non-conformance' | 'harness-trouble' | 'not-applicable' | 'not-run';

export const NOT_APPLICABLE_PREFIX = 'not applicable:';

// Words that point at the rig or the harness rather than the module. `\b` keeps "port" from
// matching "reported"/"support", which appear in real non-conformance messages.
const HARNESS_WORDS = String.raw`harness:|rig:|no byte received|\bport\b|ECONNREFUSED|\bbroker\b`;

// Cucumber stores the formatted error: "AssertionError [ERR_ASSERTION]: …" or "Error: harness: …",
// followed by the stack. The class name is skipped, and words are looked for only before the
// first stack frame ("\n    at …"), so a file path in the stack cannot reclassify a failure.
const ERROR_NAME = String.raw`\s*(?:[A-Za-z_$][\w$]*(?: \[[A-Z_]+\])?: )?`;
const BEFORE_STACK = String.raw`(?:(?!\n\s+at ).)*?`;

// A message that says "non-conformance:" is the module's fault even if it mentions the broker
// ("non-conformance: broker received QoS 0, expected 1").
const HARNESS_BODY = String.raw`(?!${ERROR_NAME}non-conformance:)${BEFORE_STACK}(?:${HARNESS_WORDS}).*`;
const NON_CONFORMANCE_BODY = String.raw`${ERROR_NAME}non-conformance:.*|(?!${BEFORE_STACK}(?:${HARNESS_WORDS})).*`;
const NOT_APPLICABLE_BODY = String.raw`${ERROR_NAME}not applicable:.*`;

export interface AllureCategory {
  name: string;
  description?: string;
  matchedStatuses: string[];
  messageRegex?: string;
}

export const CATEGORY_NON_CONFORMANCE = 'Module non-conformance';
export const CATEGORY_HARNESS = 'Harness or rig trouble';
export const CATEGORY_NOT_APPLICABLE = 'Not applicable';

/** Allure categories; Java `(?s)` lets `.` cross the newlines of multi-line assertion messages. */
export function allureCategories(): AllureCategory[] {
  return [
    {
      name: CATEGORY_NON_CONFORMANCE,
      description: 'The module answered differently from the application note.',
      matchedStatuses: ['failed'],
      messageRegex: `(?s)(?:${NON_CONFORMANCE_BODY})`,
    },
    {
      name: CATEGORY_HARNESS,
      description: 'The test could not judge the module: serial port, network, broker or harness problem.',
      matchedStatuses: ['failed'],
      messageRegex: `(?s)(?:${HARNESS_BODY})`,
    },
    // Broken = an error that is not an assertion: never evidence against the module.
    { name: CATEGORY_HARNESS, matchedStatuses: ['broken'] },
    {
      name: CATEGORY_NOT_APPLICABLE,
      description: 'Skipped because the variant does not have the feature (profile reading of the spec).',
      matchedStatuses: ['skipped'],
      messageRegex: `(?s)(?:${NOT_APPLICABLE_BODY})`,
    },
  ];
}

/**
 * The run hook may mark a not-applicable skip only with an `applicability` label (a Before hook
 * returning 'skipped' leaves statusDetails empty). This gives the message the categories and
 * the compliance summary key on; the label value may or may not carry the prefix already.
 */
export function skipMessageFromApplicability(status: unknown, message: string | undefined, applicability: string | undefined): string | undefined {
  if (status !== 'skipped' || !applicability || (message && message.trim() !== '')) return message;
  const reason = applicability.trim();
  return reason.startsWith(NOT_APPLICABLE_PREFIX) ? reason : `${NOT_APPLICABLE_PREFIX} ${reason}`;
}

const wholeMatch = (body: string): RegExp => new RegExp(`^(?:${body})$`, 's');
const HARNESS_RE = wholeMatch(HARNESS_BODY);
const NOT_APPLICABLE_RE = wholeMatch(NOT_APPLICABLE_BODY);

export function normaliseStatus(status: unknown): ResultStatus {
  return status === 'passed' || status === 'failed' || status === 'broken' || status === 'skipped' ? status : 'unknown';
}

/** Same decision as the categories above, for one scenario result. */
export function classifyResult(status: ResultStatus, message: string | undefined): ResultClass {
  const text = message ?? '';
  switch (status) {
    case 'passed':
      return 'passed';
    case 'broken':
      return 'harness-trouble';
    case 'failed':
      return HARNESS_RE.test(text) ? 'harness-trouble' : 'non-conformance';
    case 'skipped':
      return NOT_APPLICABLE_RE.test(text) ? 'not-applicable' : 'not-run';
    default:
      return 'not-run';
  }
}
