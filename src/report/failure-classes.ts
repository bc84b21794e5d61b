// One source of truth for what a red or skipped scenario means: module non-conformance, a
// deviation from the declared profile, interoperability beyond the note, or "not judged"
// (a precondition of another document, harness or rig trouble), and "not applicable" skips.
// categories.json (Java regex, evaluated by Allure with String.matches, i.e. whole-message
// match) and the compliance summary (JS RegExp) are both derived from the rules below, so the
// Allure report and the summary never disagree. The prefixes are those of src/qmt/verdict.ts.

export type ResultStatus = 'passed' | 'failed' | 'broken' | 'skipped' | 'unknown';
export type ResultClass =
  | 'passed'
  | 'non-conformance'
  | 'profile-deviation'
  | 'interoperability'
  | 'precondition'
  | 'harness-trouble'
  | 'not-applicable'
  | 'not-run';

/** The failure classes, most serious first (the order failures are listed in). */
export type FailureClass =
  'non-conformance' | 'profile-deviation' | 'interoperability' | 'precondition' | 'harness-trouble';
export const FAILURE_CLASSES: readonly FailureClass[] = [
  'non-conformance',
  'profile-deviation',
  'interoperability',
  'precondition',
  'harness-trouble',
];

/** Failures that are no evidence about the module at all: the test could not judge it. */
export const NOT_JUDGED: readonly FailureClass[] = ['precondition', 'harness-trouble'];

export function isFailureClass(c: ResultClass): c is FailureClass {
  return (FAILURE_CLASSES as readonly string[]).includes(c);
}

export function isNotJudged(c: ResultClass): boolean {
  return (NOT_JUDGED as readonly string[]).includes(c);
}

/**
 * The Allure status a class is shown with: what the note judges is "failed"; what nobody could
 * judge is "broken" (no evidence against the module), whatever status the thrown error happened to give
 * (allure-js marks a plain Error broken and an AssertionError failed).
 */
export function statusForClass(c: FailureClass): 'failed' | 'broken' {
  return isNotJudged(c) ? 'broken' : 'failed';
}

export const NOT_APPLICABLE_PREFIX = 'not applicable:';

// src/qmt/verdict.ts prefixes. A prefixed message is classified by its prefix alone, whatever
// words follow ("precondition: AT+QFUPL … port" is not rig trouble, "non-conformance: broker
// received QoS 0" is not harness trouble).
const PREFIX: Record<FailureClass, string> = {
  'non-conformance': 'non-conformance:',
  'profile-deviation': 'profile deviation:',
  interoperability: 'interoperability:',
  precondition: 'precondition:',
  'harness-trouble': 'harness:|rig:',
};
const ANY_PREFIX = Object.values(PREFIX).join('|');

// Words that point at the rig or the harness in a message without a prefix. `\b` keeps "port"
// from matching "reported"/"support", which appear in real non-conformance messages.
const HARNESS_WORDS = String.raw`harness:|rig:|no byte received|\bport\b|ECONNREFUSED|\bbroker\b`;

// The AT client's timeout when the module did talk but never ended its answer with a final
// result code ("AT+QMTCFG=…: no final result within 300 ms (24 bytes received)", src/at/types.ts):
// the module is alive and answering, so this is its behaviour, not the rig's — unlike "(no byte
// received from the module)". A reading whose answer has no final OK (A13) is observed by the
// scenario's own step; what reaches the report as this timeout is an answer the note forbids.
const INCOMPLETE_ANSWER = String.raw`no final result within \d+ ms \([1-9]\d* bytes received\)`;

// Cucumber stores the formatted error: "AssertionError [ERR_ASSERTION]: …" or "Error: harness: …",
// followed by the stack. The class name is skipped, and words are looked for only before the
// first stack frame ("\n    at …"), so a file path in the stack cannot reclassify a failure.
const ERROR_NAME = String.raw`\s*(?:[A-Za-z_$][\w$]*(?: \[[A-Z_]+\])?: )?`;
const BEFORE_STACK = String.raw`(?:(?!\n\s+at ).)*?`;
const UNPREFIXED = `(?!${ERROR_NAME}(?:${ANY_PREFIX}))`;
const INCOMPLETE = `${BEFORE_STACK}(?:${INCOMPLETE_ANSWER})`;
const prefixed = (c: FailureClass) => `${ERROR_NAME}(?:${PREFIX[c]}).*`;

export const CATEGORY_NON_CONFORMANCE = 'Module non-conformance';
export const CATEGORY_DEVIATION = 'Deviation from the declared profile';
export const CATEGORY_INTEROPERABILITY = 'Interoperability beyond the application note';
export const CATEGORY_PRECONDITION = 'Not judged: precondition outside the application note';
export const CATEGORY_HARNESS = 'Not judged: harness or rig trouble';
export const CATEGORY_NOT_APPLICABLE = 'Not applicable';

export const CATEGORY_OF: Record<FailureClass | 'not-applicable', string> = {
  'non-conformance': CATEGORY_NON_CONFORMANCE,
  'profile-deviation': CATEGORY_DEVIATION,
  interoperability: CATEGORY_INTEROPERABILITY,
  precondition: CATEGORY_PRECONDITION,
  'harness-trouble': CATEGORY_HARNESS,
  'not-applicable': CATEGORY_NOT_APPLICABLE,
};

const DESCRIPTION: Record<FailureClass | 'not-applicable', string> = {
  'non-conformance': 'The module answered what the application note does not allow.',
  'profile-deviation':
    'Strict run (--profile): the module took another reading of the note than its profile declares. The note allows it; the declared characterisation is wrong.',
  interoperability:
    "A cloud platform's credential derivation (Alibaba, OneNET, Huawei): checked beyond the application note, which only says the settings exist.",
  precondition:
    'Not judged: a command of another document the scenario needs (AT+QFUPL, AT+QSSLCFG, AT+CFUN, AT+CGSN) failed. No evidence against the module.',
  'harness-trouble':
    'Not judged: serial port, network, broker or harness problem. No evidence against the module; re-run advised.',
  'not-applicable':
    'Skipped because the module does not have the feature, or took another reading of the note than the scenario is written for.',
};

interface Rule {
  cls: FailureClass | 'not-applicable';
  statuses: ResultStatus[];
  body: string;
}

// Mutually exclusive: Allure puts a result in EVERY category that matches (test/report checks
// that no message lands in two).
const RULES: Rule[] = [
  ...FAILURE_CLASSES.map((cls): Rule => ({ cls, statuses: ['failed', 'broken'], body: prefixed(cls) })),
  // No prefix: an assertion is the module's answer unless it names the rig or the harness.
  {
    cls: 'non-conformance',
    statuses: ['failed'],
    body: `${UNPREFIXED}(?:${INCOMPLETE}|(?!${BEFORE_STACK}(?:${HARNESS_WORDS}))).*`,
  },
  {
    cls: 'harness-trouble',
    statuses: ['failed'],
    body: `${UNPREFIXED}(?!${INCOMPLETE})${BEFORE_STACK}(?:${HARNESS_WORDS}).*`,
  },
  // Broken without a prefix = an error that is not an assertion: no evidence against the module,
  // except an answer the module started and never finished.
  { cls: 'non-conformance', statuses: ['broken'], body: `${UNPREFIXED}${INCOMPLETE}.*` },
  { cls: 'harness-trouble', statuses: ['broken'], body: `${UNPREFIXED}(?!${INCOMPLETE}).*` },
  { cls: 'not-applicable', statuses: ['skipped'], body: `${ERROR_NAME}${NOT_APPLICABLE_PREFIX}.*` },
];

export interface AllureCategory {
  name: string;
  description?: string;
  matchedStatuses: string[];
  messageRegex?: string;
}

/** Allure categories; Java `(?s)` lets `.` cross the newlines of multi-line assertion messages. */
export function allureCategories(): AllureCategory[] {
  return RULES.map((r) => ({
    name: CATEGORY_OF[r.cls],
    description: DESCRIPTION[r.cls],
    matchedStatuses: [...r.statuses],
    messageRegex: `(?s)(?:${r.body})`,
  }));
}

/**
 * The run hook may mark a not-applicable skip only with an `applicability` label (a Before hook
 * returning 'skipped' leaves statusDetails empty). This gives the message the categories and
 * the compliance summary key on; the label value may or may not carry the prefix already.
 */
export function skipMessageFromApplicability(
  status: unknown,
  message: string | undefined,
  applicability: string | undefined,
): string | undefined {
  if (status !== 'skipped' || !applicability || (message && message.trim() !== '')) return message;
  const reason = applicability.trim();
  return reason.startsWith(NOT_APPLICABLE_PREFIX) ? reason : `${NOT_APPLICABLE_PREFIX} ${reason}`;
}

/**
 * A scenario written for one reading (`@reading:A10=after-connect`) whose module showed another
 * (`reading` label "A10=after-open") is skipped by its observing step mid-scenario, which leaves
 * neither a message nor an `applicability` label. The labels still say why: not applicable.
 */
export function readingSkipMessage(tags: readonly string[], readings: readonly string[]): string | undefined {
  for (const tag of tags) {
    const m = /^@reading:([A-Za-z0-9:-]+)=(.+)$/.exec(tag);
    if (!m) continue;
    const seen = readings.find((r) => r.startsWith(`${m[1]}=`))?.slice(m[1].length + 1);
    if (seen !== undefined && seen !== m[2]) {
      return `${NOT_APPLICABLE_PREFIX} the module reads ${m[1]} as "${seen}", this scenario checks "${m[2]}"`;
    }
  }
  return undefined;
}

/** The message a skip is classified by: its own, else the applicability label, else its reading tags. */
export function skipMessage(
  status: unknown,
  message: string | undefined,
  labels: { applicability?: string; tags: readonly string[]; readings: readonly string[] },
): string | undefined {
  const fromLabel = skipMessageFromApplicability(status, message, labels.applicability);
  if (status !== 'skipped' || (fromLabel && fromLabel.trim() !== '')) return fromLabel;
  return readingSkipMessage(labels.tags, labels.readings) ?? fromLabel;
}

const COMPILED = RULES.map((r) => ({ ...r, re: new RegExp(`^(?:${r.body})$`, 's') }));

export function normaliseStatus(status: unknown): ResultStatus {
  return status === 'passed' || status === 'failed' || status === 'broken' || status === 'skipped' ? status : 'unknown';
}

/** Same decision as the categories above, for one scenario result. */
export function classifyResult(status: ResultStatus, message: string | undefined): ResultClass {
  if (status === 'passed') return 'passed';
  const text = message ?? '';
  const rule = COMPILED.find((r) => r.statuses.includes(status) && r.re.test(text));
  if (rule) return rule.cls;
  // A failed/broken message always matches one rule above; a skip without the prefix was not run.
  return 'not-run';
}
