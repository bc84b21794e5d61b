// Turns an assertion message into "expected … / observed …" a reader who never saw Gherkin or
// node's assert output can follow. Handles node's own messages and the way Cucumber stores
// them ("AssertionError [ERR_ASSERTION]: …", a "+ expected - actual" diff, then the stack).

export interface FailureText {
  expected?: string;
  observed: string;
}

const ERROR_NAME = /^\s*[A-Za-z_$][\w$]*(?: \[[A-Z_]+\])?: (?=\S)/;
// The prefixes of src/qmt/verdict.ts: the report shows the kind of failure on its own line.
const CONVENTION = /^\s*(non-conformance|profile deviation|interoperability|precondition|harness|rig):\s*/i;

/** Drops the error class name and the stack: neither means anything to a customer. */
export function cleanMessage(message: string): string {
  const lines = message.replace(ERROR_NAME, '').split('\n');
  const stack = lines.findIndex((l) => /^\s+at \S/.test(l));
  return (stack >= 0 ? lines.slice(0, stack) : lines).join('\n').trim();
}

// "Expected values to be strictly equal:\n\n'ERROR' !== 'OK'" (left = actual, right = expected).
function fromInlineAssert(message: string): FailureText | undefined {
  if (!/^Expected values to be /.test(message)) return undefined;
  const m = /^(.+?) !== (.+)$/m.exec(message);
  return m ? { observed: m[1].trim(), expected: m[2].trim() } : undefined;
}

// Diffs: node writes "+ actual - expected", Cucumber's formatter "+ expected - actual".
function fromDiff(message: string): FailureText | undefined {
  const lines = message.split('\n');
  const header = lines.findIndex((l) => /\+ (actual|expected) - (expected|actual)/.test(l));
  if (header < 0) return undefined;
  const plusIsActual = /\+ actual/.test(lines[header]);
  const body = lines.slice(header + 1).map((l) => l.trimStart());
  const pick = (sign: string) =>
    body
      .filter((l) => l.startsWith(sign))
      .map((l) => l.slice(1).trim())
      .join('\n')
      .trim();
  const plus = pick('+');
  const minus = pick('-');
  if (!plus && !minus) return undefined;
  const [observed, expected] = plusIsActual ? [plus, minus] : [minus, plus];
  return { observed: observed || '(nothing)', expected: expected || undefined };
}

// Harness convention: "non-conformance: expected OK, observed ERROR" (also got/received/saw/but was).
function fromWords(message: string): FailureText | undefined {
  const body = message.replace(CONVENTION, '');
  const m = /^(.*?)\bexpected:?\s+(.+?)[,;]?\s+(?:but\s+)?(?:observed|got|received|saw|was|actual):?\s+(.+)$/is.exec(
    body,
  );
  if (!m) return undefined;
  const context = m[1].trim().replace(/[:,;]$/, '');
  return { expected: (context ? `${context}: ` : '') + m[2].trim(), observed: m[3].trim() };
}

export function describeFailure(details: { message?: string; expected?: string; actual?: string }): FailureText {
  const message = cleanMessage(details.message ?? '');
  if (details.expected !== undefined || details.actual !== undefined) {
    return { expected: details.expected, observed: details.actual ?? message };
  }
  if (message === '') return { observed: '(no message recorded)' };
  return (
    fromInlineAssert(message) ??
    fromDiff(message) ??
    fromWords(message) ?? { observed: message.replace(CONVENTION, '') }
  );
}
