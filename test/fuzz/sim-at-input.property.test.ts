/**
 * The simulator's AT side under abuse, with fast-check: random and adversarial input
 * lines (quotes, commas, LF, bytes that are not UTF-8, overlong lines), and arbitrary bytes while
 * a `>` prompt waits for its payload. It keeps answering — every line gets a final result or a
 * prompt, and a plain `AT` afterwards gets OK — and an input it rejects (ERROR / +CME ERROR)
 * leaves every setting as it was. Uses only the module's serial side (no src/at, no src/qmt).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ModuleDriver } from '../sim/core/module-driver';

const SCALE = Number(process.env.QMT_FUZZ_RUNS ?? 1);
/** A final result anywhere (a result URC may follow it, `OK` then `+QMTCLOSE: 0,-1`), or a prompt. */
const FINAL = /\r\n(OK|ERROR|\+CME ERROR: [^\r]*)\r\n/;
const ANSWERED = new RegExp(`${FINAL.source}|>\\s?$`);

/** Settings a rejected input must not touch: what their read forms print for clients 0 and 5. */
const SNAPSHOT = [
  'AT+QMTCFG="version",0',
  'AT+QMTCFG="keepalive",0',
  'AT+QMTCFG="session",0',
  'AT+QMTCFG="timeout",0',
  'AT+QMTCFG="recv/mode",0',
  'AT+QMTCFG="send/mode",0',
  'AT+QMTCFG="dataformat",0',
  'AT+QMTCFG="ssl",0',
  'AT+QMTCFG="qmtping",0',
  'AT+QMTCFG="keepalive",5',
  'AT+QMTCFG="will",0',
  'AT+CMEE?',
];

const SUB_OPTIONS = [
  'version',
  'keepalive',
  'session',
  'timeout',
  'recv/mode',
  'send/mode',
  'dataformat',
  'ssl',
  'qmtping',
  'will',
  'willex',
  'edit/timeout',
  'view/mode',
  'KEEPALIVE',
  'CTWing',
];

const arg = fc.oneof(
  fc.integer({ min: -3, max: 70_000 }).map(String),
  fc.constantFrom('', '"', '""', '"a,b"', ',', '0x1', ' 1', '1 ', '+1', '-0', '1.5', '99999999999999999999'),
  fc.stringMatching(/^"[a-z0-9/#+ ,]{0,8}"$/),
);
const qmtcfg = fc
  .record({ option: fc.constantFrom(...SUB_OPTIONS), args: fc.array(arg, { maxLength: 6 }), quoteOption: fc.boolean() })
  .map((c) => `AT+QMTCFG=${c.quoteOption ? `"${c.option}"` : c.option}${c.args.map((a) => `,${a}`).join('')}`);
const otherCommand = fc.constantFrom(
  'AT',
  'ATI',
  'AT+GMR',
  'ATE0',
  'AT+CMEE=2',
  'AT+CMEE=0',
  'AT+CMEE=9',
  'AT+QMTCFG=?',
  'AT+QMTCFG?',
  'AT+QMTRECV?',
  'AT+QMTRECV=0',
  'AT+QMTRECV=9',
  'AT+QMTCLOSE=0',
  'AT+QMTDISC=0',
  'AT+QMTSUB=0,1,"t",1',
  'AT+QMTPUBEX=0,0,0,0,"t",3',
  'AT+QMTPUBEX?',
  'AT+QMTUNS=0,1,"t"',
  'AT+QSSLCFG="sslversion",1,4',
  'AT+QMTPUB=0,0,0,0,"t"',
  'AT+QMTCFG="willex",0,1,0,0,"t",5',
  'AT+QMTCFG="willex",0,1,0,0,"t",0',
  'at+qmtcfg="keepalive",0',
  'A',
  'AT+',
  'AT+=',
  'AT+QMTCFG=',
  'AT+QMTCFG="',
);
/** Anything at all, biased to what confuses parsers; never a CR (that ends the line). */
const junkByte = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0x22, 0x2c, 0x0a, 0x3d, 0x3f, 0x2b, 0x20, 0x1a, 0x1b, 0x00) },
  { weight: 3, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
  { weight: 1, arbitrary: fc.integer({ min: 0x80, max: 0xff }) },
);
const junkLine = fc.array(junkByte, { maxLength: 40 }).map((b) => Buffer.from(b));
const overlongLine = fc
  .integer({ min: 1501, max: 4000 })
  .map((n) => Buffer.from(`AT+QMTCFG="keepalive",0,${'9'.repeat(n)}`));
/** A command with a few bytes flipped, dropped or doubled. */
const mutated = fc
  .tuple(
    fc.oneof(qmtcfg, otherCommand),
    fc.array(fc.tuple(fc.nat(), junkByte, fc.constantFrom('set', 'drop', 'dup')), { maxLength: 3 }),
  )
  .map(([text, edits]) => {
    const bytes = [...Buffer.from(text, 'latin1')];
    for (const [at, byte, how] of edits) {
      const i = at % Math.max(1, bytes.length);
      if (how === 'set') bytes[i] = byte;
      else if (how === 'drop') bytes.splice(i, 1);
      else bytes.splice(i, 0, bytes[i] ?? byte);
    }
    return Buffer.from(bytes.filter((b) => b !== 0x0d));
  });
const inputLine = fc.oneof(
  { weight: 3, arbitrary: qmtcfg.map((t) => Buffer.from(t, 'latin1')) },
  { weight: 2, arbitrary: otherCommand.map((t) => Buffer.from(t, 'latin1')) },
  { weight: 3, arbitrary: mutated },
  { weight: 2, arbitrary: junkLine },
  { weight: 1, arbitrary: overlongLine },
);
/** What the host sends while the prompt waits: anything, CR, LF and whole AT commands included. */
const promptBytes = fc.array(fc.oneof(junkByte, fc.constant(0x0d)), { maxLength: 30 }).map((b) => Buffer.from(b));

async function answerTo(driver: ModuleDriver, line: Buffer, payload: Buffer): Promise<string> {
  driver.take();
  driver.send(Buffer.concat([line, Buffer.from('\r')]));
  // A line of nothing (LF dropped, spec 3.1.2 tolerance) is ignored, as real modules do.
  if (line.every((b) => b === 0x0a)) return '';
  let text = await driver.waitFor(ANSWERED, 2_000);
  if (/>\s?$/.test(text)) {
    // Bytes during the prompt are payload; the module then needs the rest of what it asked for
    // (willex: <msglen>), so keep sending until it answers.
    driver.send(payload);
    for (let i = 0; i < 400 && !FINAL.test(driver.peek()); i++) {
      driver.send(Buffer.from('z'.repeat(8)));
      await ModuleDriver.pause(0);
    }
    text = await driver.waitFor(FINAL, 2_000);
    // Payload bytes beyond what the prompt asked for start the next line, as on hardware: end
    // that line (whatever it answers) so it does not run into the next input.
    driver.send(Buffer.from('\r'));
    await ModuleDriver.pause(2);
    text += driver.take();
  }
  return text;
}

async function command(driver: ModuleDriver, line: string): Promise<string> {
  driver.take();
  driver.send(`${line}\r`);
  await driver.waitFor(FINAL, 2_000);
  return driver.take();
}

async function snapshot(driver: ModuleDriver): Promise<string[]> {
  const answers: string[] = [];
  for (const query of SNAPSHOT) {
    // Result URCs of earlier commands (`+QMTDISC: 0,-1` after OK) may land in any answer.
    const lines = ModuleDriver.lines(await command(driver, query));
    answers.push(lines.filter((l) => /^(\+QMTCFG:|\+CMEE:|OK$|ERROR$|\+CME ERROR)/.test(l)).join('|'));
  }
  return answers;
}

test('the simulator answers every input line and bytes during the prompt, and still answers AT', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(inputLine, promptBytes), { minLength: 1, maxLength: 8 }), async (inputs) => {
      const driver = new ModuleDriver();
      try {
        await command(driver, 'ATE0');
        for (const [line, payload] of inputs) await answerTo(driver, line, payload);
        assert.match(await command(driver, 'AT'), /\r\nOK\r\n/);
      } finally {
        driver.close();
      }
    }),
    { numRuns: 5_000 * SCALE },
  );
});

test('an input the simulator rejects changes no setting', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(inputLine, promptBytes), { minLength: 1, maxLength: 6 }), async (inputs) => {
      const driver = new ModuleDriver();
      try {
        await command(driver, 'ATE0');
        let before = await snapshot(driver);
        for (const [line, payload] of inputs) {
          const answer = await answerTo(driver, line, payload);
          // ATE1 (or a mutation of it) turns echo on, which changes every later answer's bytes.
          if (/\r\nOK\r\n/.test(answer)) await command(driver, 'ATE0');
          const after = await snapshot(driver);
          if (/^(ERROR|\+CME ERROR)/.test(FINAL.exec(answer)?.[1] ?? '')) {
            assert.deepEqual(
              after,
              before,
              `${JSON.stringify(line.toString('latin1'))} was rejected but changed a setting`,
            );
          }
          before = after;
        }
      } finally {
        driver.close();
      }
    }),
    { numRuns: 2_000 * SCALE },
  );
});
