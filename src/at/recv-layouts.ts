/**
 * The +QMTRECV message layouts real firmware prints (spec 4.2, A33;
 * docs/field-evidence.md#qmtrecv-layouts). Matching runs on latin1 text so one character is one byte and the
 * payload can be cut out of the raw bytes exactly.
 */

/** `+QMTRECV: 0,0,"topic",10,` — the length field is complete and the payload starts next. */
export const LENGTH_HEADER = /^\+QMTRECV:\s*(\d+),(\d+),"([^"]*)",(\d+),$/;

/** `+QMTRECV: 0,0,"topic",23` at a line end — split layout, payload alone on the next line. */
export const SPLIT_HEADER = /^\+QMTRECV:\s*(\d+),(\d+),"([^"]*)",(\d+)$/;

/** `+QMTRECV: 0,0,"topic",<payload>` — no length: payload is the rest of the line. */
const NO_LENGTH = /^\+QMTRECV:\s*(\d+),(\d+),"([^"]*)",(.*)$/s;

export interface RecvHeader {
  /** The header as received (latin1), e.g. `+QMTRECV: 0,0,"t",10,`. */
  readonly text: string;
  readonly clientIdx: string;
  readonly msgId: string;
  /** Topic bytes decoded as UTF-8. */
  readonly topic: string;
  readonly length: number;
}

export function headerFrom(match: RegExpExecArray): RecvHeader {
  return {
    text: match[0],
    clientIdx: match[1],
    msgId: match[2],
    topic: Buffer.from(match[3], 'latin1').toString('utf8'),
    length: Number(match[4]),
  };
}

export interface RecvMessage {
  readonly fields: string[];
  readonly payload: Buffer;
  readonly quoted: boolean;
}

/**
 * Same-line layout without a length. Inner quotes are not escaped, so a quoted payload runs from
 * the quote after the topic to the LAST quote of the line; an unquoted payload is the rest.
 */
export function parseNoLengthMessage(latin1Line: string): RecvMessage | undefined {
  const match = NO_LENGTH.exec(latin1Line);
  if (!match) return undefined;
  const rest = match[4];
  const quoted = rest.length >= 2 && rest.startsWith('"') && rest.endsWith('"');
  const payload = Buffer.from(quoted ? rest.slice(1, -1) : rest, 'latin1');
  const topic = Buffer.from(match[3], 'latin1').toString('utf8');
  return { fields: [match[1], match[2], topic, payload.toString('utf8')], payload, quoted };
}
