/**
 * Generators of AT sessions as real Quectel firmware prints them (docs/field-evidence.md), each with the
 * events a correct digester must report: answers with stray URCs between their lines, the `>`
 * prompt with and without its trailing space, echo (ATE1), plain ERROR where CMEE=2 would give
 * text, `+QMTOPEN: 0,-1` then ERROR, `+QMTCONN: 0,0` with two fields, a refused CONNECT then
 * `+QMTSTAT: 0,4`, AT+QMTCFG=? with sub-options the note lacks, overlong lines, and +QMTRECV in
 * every layout with payloads holding CR, LF, quotes, commas and bytes that are not UTF-8.
 */
import fc from 'fast-check';

/** What the digester must report, reduced to what a session model can predict. */
export type Expected =
  | { type: 'echo'; text: string }
  | { type: 'prompt' }
  | { type: 'line'; kind: 'urc' | 'response-line'; text: string }
  | { type: 'message'; kind: 'urc' | 'response-line'; head: string[]; payload: string; layout: string }
  | { type: 'final'; text: string };

export interface Exchange {
  /** Command written before `bytes` (undefined: the bytes arrive while idle). */
  command?: string;
  /** Payload written after the prompt. */
  payload?: Buffer;
  bytes: Buffer;
  expected: Expected[];
}

export interface Session {
  echo: boolean;
  exchanges: Exchange[];
}

const CRLF = '\r\n';

/** URCs that arrive at any time (docs/field-evidence.md#unrelated-urcs); RDY is tested on its own (it resets settings). */
export const STRAY_URCS = [
  'APP RDY',
  '+CFUN: 1',
  '+CPIN: READY',
  '+QUSIM: 1',
  '+QIND: SMS DONE',
  '+QIND: PB DONE',
  '+QIURC: "pdpdeact",1',
  '+QMTSTAT: 0,1',
  '+QMTSTAT: 3,4',
  '+QMTPING: 0,1',
];

const strayUrcs = fc.array(fc.constantFrom(...STRAY_URCS), { maxLength: 2 });

const topic = fc.stringMatching(/^[a-z0-9/$]{1,12}$/);

/** Bytes payloads are made of: the troublesome ones often, anything else sometimes. */
const payloadByte = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0x0d, 0x0a, 0x22, 0x2c, 0x3e, 0x20, 0x30, 0x31, 0x2b) },
  { weight: 3, arbitrary: fc.integer({ min: 0x61, max: 0x7a }) },
  { weight: 2, arbitrary: fc.integer({ min: 0x80, max: 0xff }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xff }) },
);
const anyPayload = fc.array(payloadByte, { maxLength: 40 }).map((b) => Buffer.from(b));
/** Same-line payloads without a length end at the line end: no CR, no LF. */
const oneLinePayload = anyPayload.map((b) => Buffer.from([...b].filter((x) => x !== 0x0d && x !== 0x0a)));

export type LengthKnowledge = 'present' | 'absent' | 'unknown';

/** Client 0: host set msg_len_enable=1; client 1: set 0; client 2: never configured. */
export const CLIENT_OF: Record<LengthKnowledge, number> = { present: 0, absent: 1, unknown: 2 };

function message(
  kind: 'urc' | 'response-line',
  knowledge: LengthKnowledge,
): fc.Arbitrary<{ bytes: Buffer; expected: Expected }> {
  const idx = CLIENT_OF[knowledge];
  const layouts: string[] =
    knowledge === 'present'
      ? ['quoted-length', 'unquoted-length', 'split']
      : knowledge === 'absent'
        ? ['quoted', 'unquoted']
        : ['quoted', 'quoted-length', 'unquoted-length', 'split', 'unquoted'];
  return fc
    .record({
      layout: fc.constantFrom(...layouts),
      msgid: fc.integer({ min: 0, max: 65535 }),
      topic,
      any: anyPayload,
      line: oneLinePayload,
    })
    .map((m) => {
      const head = `+QMTRECV: ${idx},${m.msgid},"${m.topic}"`;
      let payload = knowledge === 'present' ? m.any : m.line;
      // Unknown length: a split payload that is empty or starts with a line end reads as the bare
      // payload "<n>" (the digester's documented guess), so the model does not generate one.
      if (m.layout === 'split' && knowledge === 'unknown') payload = Buffer.concat([Buffer.from('s'), payload]);
      // A bare payload without a length that starts with a quote, or (unknown length) looks like
      // a length, is another layout on the wire: keep the model unambiguous.
      if (
        m.layout === 'unquoted' &&
        (payload[0] === 0x22 || (knowledge === 'unknown' && /^\d/.test(payload.toString('latin1'))))
      ) {
        payload = Buffer.concat([Buffer.from('x'), payload]);
      }
      const n = payload.length;
      const text =
        m.layout === 'quoted'
          ? Buffer.concat([Buffer.from(`${head},"`), payload, Buffer.from('"')])
          : m.layout === 'unquoted'
            ? Buffer.concat([Buffer.from(`${head},`), payload])
            : m.layout === 'quoted-length'
              ? Buffer.concat([Buffer.from(`${head},${n},"`), payload, Buffer.from('"')])
              : m.layout === 'unquoted-length'
                ? Buffer.concat([Buffer.from(`${head},${n},`), payload])
                : Buffer.concat([Buffer.from(`${head},${n}${CRLF}`), payload]);
      const headFields = [String(idx), String(m.msgid), m.topic];
      return {
        bytes: Buffer.concat([Buffer.from(CRLF), text, Buffer.from(CRLF)]),
        expected: { type: 'message', kind, head: headFields, payload: payload.toString('hex'), layout: m.layout },
      };
    });
}

const anyMessage = (kind: 'urc' | 'response-line') =>
  fc.oneof(message(kind, 'present'), message(kind, 'absent'), message(kind, 'unknown'));

interface Answer {
  command: string;
  payload?: Buffer;
  /** Information lines (text), in order. */
  info: readonly string[];
  final: string;
  /** URCs of the same name that follow the final result (set forms answering later). */
  after: readonly string[];
  /** Prompt before the final result: `>` or `> ` (docs/field-evidence.md#prompt-framing). */
  prompt?: string;
  /** AT+QMTRECV=0: messages as information lines. */
  messages?: { bytes: Buffer; expected: Expected }[];
  /** Result URCs that overtake the final result. */
  overtaking?: readonly string[];
}

const finalOf = fc.constantFrom('OK', 'ERROR', '+CME ERROR: 3', '+CME ERROR: operation not allowed');

const answers: fc.Arbitrary<Answer> = fc.oneof(
  fc.record({ n: fc.integer({ min: 0, max: 3600 }) }).map((r) => ({
    command: 'AT+QMTCFG="keepalive",0',
    info: [`+QMTCFG: "keepalive",${r.n}`],
    final: 'OK',
    after: [],
  })),
  // Plain ERROR even with AT+CMEE=2 (non-MQTT commands, docs/field-evidence.md#plain-error-outside-the-note).
  fc.constant({ command: 'AT+QSSLCFG="sslversion",1,4', info: [], final: 'ERROR', after: [] }),
  // `+QMTOPEN: 0,-1` then ERROR with no OK, or OK then the result URC.
  fc.record({ r: fc.integer({ min: -1, max: 5 }), overtakes: fc.boolean(), ok: fc.boolean() }).map((r) => ({
    command: 'AT+QMTOPEN=0,"127.0.0.1",1883',
    info: [],
    final: r.ok ? 'OK' : 'ERROR',
    after: r.overtakes ? [] : [`+QMTOPEN: 0,${r.r}`],
    overtaking: r.overtakes ? [`+QMTOPEN: 0,${r.r}`] : [],
  })),
  // `+QMTCONN: 0,0` with two fields (older firmware), a refused CONNECT then `+QMTSTAT: 0,4`.
  fc
    .constantFrom(
      ['+QMTCONN: 0,0'],
      ['+QMTCONN: 0,0,0'],
      ['+QMTCONN: 0,0,2', '+QMTSTAT: 0,4'],
      ['+QMTCONN: 0,0,5', '+QMTSTAT: 0,4'],
    )
    .map((after) => ({
      command: 'AT+QMTCONN=0,"qmt-fuzz"',
      info: [],
      final: 'OK',
      after,
    })),
  fc.constant({ command: 'AT+QMTCONN?', info: ['+QMTCONN: 0,3', '+QMTCONN: 4,1'], final: 'OK', after: [] }),
  // AT+QMTCFG=? of a real EC600S: no spaces, other order, CTWing, wider ranges.
  fc.constant({
    command: 'AT+QMTCFG=?',
    info: [
      '+QMTCFG: "CTWing",(0-5),"client_id","feature_string"',
      '+QMTCFG: "timeout",(0-5),(1-1200),(0-10),(0,1)',
      '+QMTCFG: "edit/timeout",(0-5),(0,1),(1-180)',
      '+QMTCFG: "hwauth",(0-5),"device id"',
    ],
    final: 'OK',
    after: [],
  }),
  // Untagged answer lines, one of them overlong.
  fc.integer({ min: 0, max: 3000 }).map((n) => ({
    command: 'ATI',
    info: ['Quectel', 'EC200N', `Revision: EC200NCNAAR01A01M16${'X'.repeat(n)}`],
    final: 'OK',
    after: [],
  })),
  fc.record({ payload: fc.array(payloadByte, { minLength: 0, maxLength: 30 }), space: fc.boolean() }).map((r) => ({
    command: `AT+QMTPUBEX=0,1,1,0,"t",${r.payload.length + 1}`,
    // Starts with a letter: without echo the bytes after the prompt cannot pass for the payload.
    payload: Buffer.from([0x70, ...r.payload]),
    prompt: r.space ? '> ' : '>',
    info: [],
    final: 'OK',
    after: ['+QMTPUBEX: 0,1,0'],
  })),
  fc
    .array(message('response-line', 'present'), { minLength: 1, maxLength: 3 })
    .map((messages) => ({ command: 'AT+QMTRECV=0', info: [], final: 'OK', after: [], messages })),
);

function lineBytes(text: string): Buffer {
  return Buffer.from(`${CRLF}${text}${CRLF}`, 'latin1');
}

const urcLine = (text: string): Expected => ({ type: 'line', kind: 'urc', text });

function exchangeOf(
  answer: Answer,
  echo: boolean,
  strays: string[][],
  idleMessages: { bytes: Buffer; expected: Expected }[],
): Exchange[] {
  const parts: Buffer[] = [];
  const expected: Expected[] = [];
  if (echo) {
    parts.push(Buffer.from(`${answer.command}\r`));
    expected.push({ type: 'echo', text: answer.command });
  }
  const stray = (i: number) => {
    for (const text of strays[i % strays.length] ?? []) {
      parts.push(lineBytes(text));
      expected.push(urcLine(text));
    }
  };
  stray(0);
  if (answer.prompt) {
    parts.push(Buffer.from(`${CRLF}${answer.prompt}`));
    expected.push({ type: 'prompt' });
    if (echo && answer.payload) {
      parts.push(answer.payload);
      expected.push({ type: 'echo', text: answer.payload.toString('utf8') });
    }
  }
  answer.info.forEach((text, i) => {
    parts.push(lineBytes(text));
    expected.push({ type: 'line', kind: 'response-line', text });
    stray(i + 1);
  });
  for (const m of answer.messages ?? []) {
    parts.push(m.bytes);
    expected.push(m.expected);
  }
  for (const text of answer.overtaking ?? []) {
    parts.push(lineBytes(text));
    expected.push(urcLine(text));
  }
  parts.push(lineBytes(answer.final));
  expected.push({ type: 'final', text: answer.final });
  for (const text of answer.after) {
    parts.push(lineBytes(text));
    expected.push(urcLine(text));
  }
  const exchanges: Exchange[] = [
    { command: answer.command, payload: answer.payload, bytes: Buffer.concat(parts), expected },
  ];
  if (idleMessages.length) {
    exchanges.push({
      bytes: Buffer.concat(idleMessages.map((m) => m.bytes)),
      expected: idleMessages.map((m) => m.expected),
    });
  }
  return exchanges;
}

export const sessions: fc.Arbitrary<Session> = fc
  .record({
    echo: fc.boolean(),
    steps: fc.array(
      fc.record({
        answer: answers,
        strays: fc.array(strayUrcs, { maxLength: 3 }),
        idle: fc.array(anyMessage('urc'), { maxLength: 2 }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  })
  .map(({ echo, steps }) => ({ echo, exchanges: steps.flatMap((s) => exchangeOf(s.answer, echo, s.strays, s.idle)) }));

/** Split points for a byte string: where a UART or a TCP segment might cut it. */
export function chunksOf(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(bytes.subarray(from, p));
    from = p;
  }
  chunks.push(bytes.subarray(from));
  return chunks.filter((c) => c.length > 0);
}
