/**
 * URCs the note allows to arrive while a reading's rows are awaited, though no row names them. The
 * note lists the answers of a command but rarely orders them against each other: under Excep1
 * (figure 1: disconnect TCP) a module may first report the command's own failure, `<result>` 2
 * "Failed to send the packet" (spec 3.3.4, packet results), and then the `+QMTSTAT` of the torn
 * link. Such a URC is recorded with the note's words and the wait goes on; any other URC of the
 * same question still settles it (src/qmt/host.ts expectUrcByReading).
 */
import type { Urc } from '../at/types';
import type { ExpectedUrc } from './urc-match';

/** spec 3.3.4-3.3.8 packet results: <result> 2 "Failed to send the packet" (Chinese note: 发送数据包失败). */
const FAILED_TO_SEND = '2';

/** Result URCs whose <result> 2 ends the command when its link goes (spec figure 1, Excep1). */
const RESULT_URCS = new Set(['+QMTCONN', '+QMTSUB', '+QMTUNS', '+QMTPUBEX']);

/**
 * spec 4.1 table 4: the `+QMTSTAT` codes that name the failure of a command's own exchange, so a
 * module may print them before the command's own result: CONNECT "3: Sending CONNECT packet timed
 * out or failed", CONNACK "4: Receiving CONNACK packet timed out or failed".
 */
const STAT_OF_COMMAND: Record<string, readonly string[]> = { '+QMTCONN': ['3', '4'] };

export interface Interleaving {
  /** The note's words that allow it there. */
  readonly why: string;
  /** The reading the URC shows (src/variants/readings.ts), when the note leaves one open there. */
  readonly reading?: { readonly id: string; readonly value: string };
}

/**
 * Why `urc` may interleave with the rows `awaited` (all about one client), in the note's words, or
 * undefined when the note does not allow it there. `pending`: the result URC names of the commands
 * still waiting for their result in this scenario (e.g. `+QMTCONN` after AT+QMTCONN).
 */
export function allowedInterleaving(
  urc: Urc,
  awaited: readonly ExpectedUrc[],
  pending: ReadonlySet<string>,
): Interleaving | undefined {
  const client = urc.fields[0];
  const forClient = awaited.filter((e) => e.fields[0] === client);
  if (!forClient.length) return undefined;
  // The command's own failure while a row awaits its link's +QMTSTAT (Excep1 tears the link down):
  // +QMTCONN: <idx>,2, or +QMTSUB / +QMTUNS / +QMTPUBEX: <idx>,<msgid>,2 (no <value> after a failure).
  const resultAt = urc.name === '+QMTCONN' ? 1 : 2;
  if (
    RESULT_URCS.has(urc.name) &&
    pending.has(urc.name) &&
    urc.fields.length === resultAt + 1 &&
    urc.fields[resultAt] === FAILED_TO_SEND &&
    forClient.some((e) => e.name === '+QMTSTAT')
  ) {
    const why = `${urc.text}: the command's own <result> 2 "Failed to send the packet" (spec 3.3.4-3.3.8 packet results), which the note does not order against the +QMTSTAT of figure 1's Excep1 (disconnect TCP)`;
    const inPlay = readingInPlay(forClient, pending);
    return urc.name === '+QMTCONN' && inPlay ? { why, reading: { id: inPlay.id, value: inPlay.shown } } : { why };
  }
  // The torn link's +QMTSTAT while a row awaits the command's own failure result.
  const codes = [...pending].flatMap((name) =>
    forClient.some((e) => e.name === name && e.fields[1] === FAILED_TO_SEND) ? (STAT_OF_COMMAND[name] ?? []) : [],
  );
  if (urc.name === '+QMTSTAT' && urc.fields.length === 2 && codes.includes(urc.fields[1] as string)) {
    return {
      why: `${urc.text}: table 4 code ${urc.fields[1]} names the failure of the command awaited (spec 4.1), which the note does not order against the command's own <result> 2`,
    };
  }
  return undefined;
}

/**
 * The reading the order of the two answers shows while these rows await a CONNACK failure's
 * +QMTSTAT (code 4) and AT+QMTCONN's own result may still come: `shown` when +QMTCONN: <idx>,2
 * came first (an allowed interleaving), `absent` when the +QMTSTAT row came without it. Both are
 * recorded, so a strict run checks either declaration. `row`: the reading the matched row stands
 * for; the absence tells something only under Excep1 (A3 "excep1": figure 1, disconnect TCP), since
 * a module that retransmits CONNECT ends with the +QMTSTAT alone whatever it would do under Excep1.
 */
export function readingInPlay(
  rows: readonly ExpectedUrc[],
  pending: ReadonlySet<string>,
  row?: { readonly id: string; readonly value: string },
): { id: string; shown: string; absent: string } | undefined {
  const statFour = rows.some((e) => e.name === '+QMTSTAT' && e.fields[1] === '4');
  if (!statFour || !pending.has('+QMTCONN')) return undefined;
  if (row && !(row.id === 'A3' && row.value === 'excep1')) return undefined;
  return { id: 'excep1-conn-result', shown: 'result-first', absent: 'stat-only' };
}
