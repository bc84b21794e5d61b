/**
 * Compares a URC the module sent with the text a scenario expects, field by field, so that
 * quoting differences the spec leaves open (A22, A33) do not decide a verdict on their own.
 * `*` in the expected text matches any one field; `{publish-msgid}` in the <msgid> of +QMTRECV
 * matches only the packet identifier of the PUBLISH the broker sent (src/qmt/publish-msgid.ts).
 */
import type { Urc } from '../at/types';
import { ONE_SHOT, PER_MESSAGE } from '../at/commands/tables';
import { splitArguments } from './command-line';

/** The <msgid> of +QMTRECV as the wire shows it: the packet identifier of the PUBLISH delivered (spec 4.2). */
export const PUBLISH_MSGID = '{publish-msgid}';

/** Whether a +QMTRECV's <msgid> is the one the broker's PUBLISH of that topic and payload carried. */
export type MsgidCheck = (urc: Urc) => boolean;

export interface ExpectedUrc {
  readonly name: string;
  readonly fields: readonly string[];
  /** Decides `{publish-msgid}`; without one that field matches nothing (never a blind wildcard). */
  readonly msgidCheck?: MsgidCheck;
}

export function parseExpectedUrc(text: string, msgidCheck?: MsgidCheck): ExpectedUrc {
  const colon = text.indexOf(':');
  if (colon < 0) return { name: text.trim(), fields: [], msgidCheck };
  return { name: text.slice(0, colon).trim(), fields: splitArguments(text.slice(colon + 1).trim()), msgidCheck };
}

export function urcMatches(urc: Urc, expected: ExpectedUrc): boolean {
  if (urc.name !== expected.name) return false;
  const actual = urc.fields;
  if (urc.payload !== undefined && expected.name === '+QMTRECV') {
    // The payload is the last field and may itself contain commas: everything after the header
    // fields the module sent (idx, msgid, topic[, length]) is the expected payload, compared whole.
    const headCount = actual.length - 1;
    const head = expected.fields.slice(0, headCount);
    const payload = expected.fields.slice(headCount).join(',');
    return (
      head.length === headCount &&
      head.every(
        (f, i) => f === '*' || f === actual[i] || (f === PUBLISH_MSGID && i === 1 && !!expected.msgidCheck?.(urc)),
      ) &&
      (payload === '*' || urc.payload.toString('latin1') === payload)
    );
  }
  const optional = OPTIONAL_TRAILING[expected.name];
  // A bracketed trailing field the module left out ("+QMTCONN: 0,0" for "+QMTCONN: 0,0,0"), only
  // where it would say nothing: a refusal without its <ret_code> would read as accepted (conn-ret-code).
  const omittable =
    optional &&
    expected.fields.length === optional.from + 1 &&
    optional.omittable.includes(expected.fields[optional.from] as string);
  const count = omittable && actual.length === optional.from ? actual.length : expected.fields.length;
  return actual.length === count && expected.fields.slice(0, count).every((f, i) => f === '*' || f === actual[i]);
}

/**
 * Trailing URC fields the note brackets with no condition on when they appear, so a module may
 * leave them out: spec 3.3.4 `+QMTCONN: <client_idx>,<result>[,<ret_code>]`. (The [,<value>] of
 * +QMTSUB / +QMTUNS / +QMTPUBEX is not here: 3.3.6-3.3.8 say for which <result> it is presented,
 * and A25 covers +QMTUNS.)
 */
const OPTIONAL_TRAILING: Record<string, { from: number; reading: string; omittable: readonly string[] }> = {
  '+QMTCONN': { from: 2, reading: 'conn-ret-code', omittable: ['0', '*'] },
};

/** The readings a matched URC shows about its optional fields: printed or omitted. */
export function omittedOptionalFields(urc: Urc, expected: ExpectedUrc): { reading: string; value: string }[] {
  const optional = OPTIONAL_TRAILING[expected.name];
  if (!optional || expected.fields.length <= optional.from || urc.name !== expected.name) return [];
  // Only an accepted connection says anything: a refusal keeps its <ret_code> in either reading.
  if (expected.fields.slice(1).some((f) => f !== '0')) return [];
  return [{ reading: optional.reading, value: urc.fields.length > optional.from ? 'printed' : 'omitted' }];
}

export function describeUrc(expected: ExpectedUrc): string {
  const fields = expected.fields.map((f) => (f === PUBLISH_MSGID ? '<packet id of the PUBLISH the broker sent>' : f));
  return fields.length ? `${expected.name}: ${fields.join(',')}` : expected.name;
}

/**
 * A URC that settles the same question differently: the result of the same command for the same
 * client (spec 3.3.2–3.3.8). Waiting on after it would only delay the verdict. Retransmission
 * notices (<result> 1) settle nothing: the final result still follows. Which result URCs answer
 * once per client and which once per message follows from their format (src/at/commands/tables.ts).
 */

export function urcConflicts(urc: Urc, expected: ExpectedUrc): boolean {
  if (urc.name !== expected.name || urcMatches(urc, expected)) return false;
  const [idx, second, third] = urc.fields;
  // The message awaited, reported with another <msgid> than its PUBLISH's packet identifier.
  if (urc.name === '+QMTRECV' && expected.fields[1] === PUBLISH_MSGID)
    return urcMatches(urc, { name: expected.name, fields: expected.fields.map((f, i) => (i === 1 ? '*' : f)) });
  if (ONE_SHOT.has(urc.name)) return idx === expected.fields[0] && urc.fields.length >= 2;
  if (PER_MESSAGE.has(urc.name)) return idx === expected.fields[0] && second === expected.fields[1] && third !== '1';
  return false;
}
