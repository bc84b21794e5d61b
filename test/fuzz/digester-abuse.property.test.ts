/**
 * Property test of the AT digester under abuse, with fast-check: arbitrary bytes
 * (biased to CR, LF, quotes, commas, `>`, +QMTRECV headers, non-UTF-8) never throw, and the same
 * bytes fed whole, in random chunks and byte by byte give the same events — also after the host
 * gives up on the command. QMT_FUZZ_RUNS scales the number of runs.
 */
import { test } from 'node:test';
import fc from 'fast-check';
import { newDigester, project } from './digest-projection';
import { chunksOf, STRAY_URCS } from './session-model';

const SCALE = Number(process.env.QMT_FUZZ_RUNS ?? 1);

/** Bytes that make a digester's life hard, then anything. */
const nastyByte = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(0x0d, 0x0a, 0x22, 0x2c, 0x3e, 0x20, 0x30, 0x31, 0x39) },
  { weight: 2, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xff }) },
);
const fragments = fc.constantFrom(
  '+QMTRECV: 0,0,"t",',
  '+QMTRECV: 2,1,"a/b",12,',
  '+QMTRECV: 2,1,"a/b",5\r\n',
  '+QMTRECV: 1,0,"t",3,"',
  '\r\nOK\r\n',
  '\r\nERROR\r\n',
  '\r\n+CME ERROR: 3\r\n',
  '\r\nRDY\r\n',
  '\r\n> ',
  '\r\n>',
  'CONNECT\r\n',
  ...STRAY_URCS.map((u) => `\r\n${u}\r\n`),
);
const abusiveBytes = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: nastyByte.map((b) => Buffer.from([b])) },
      { weight: 1, arbitrary: fragments.map((f) => Buffer.from(f, 'latin1')) },
    ),
    { maxLength: 120 },
  )
  .map((parts) => Buffer.concat(parts));

const commands = fc.constantFrom(
  undefined,
  'AT+QMTRECV=0',
  'AT+QMTPUBEX=0,1,1,0,"t",3',
  'ATI',
  'AT+QFUPL="f",3',
  'AT+QMTCFG="recv/mode",0',
);

test('arbitrary bytes never throw, and any split gives the same events', () => {
  fc.assert(
    fc.property(
      fc.boolean(),
      commands,
      abusiveBytes,
      fc.array(fc.nat(), { maxLength: 10 }),
      (echo, command, bytes, cuts) => {
        const feedAll = (chunks: Buffer[]) => {
          const digester = newDigester(echo);
          if (command)
            digester.startCommand(
              command,
              command.includes('PUBEX') || command.includes('QFUPL') ? { payload: Buffer.from('abc') } : {},
            );
          const events = chunks.flatMap((c) => digester.feed(c, 7).map(project));
          // Giving up on the command hands back whatever was half-read: never a throw either.
          return [...events, ...digester.abortCommand(8).map(project)];
        };
        const whole = feedAll([bytes]);
        const split = feedAll(chunksOf(bytes, cuts));
        const byteByByte = feedAll([...bytes].map((b) => Buffer.from([b])));
        if (JSON.stringify(whole) !== JSON.stringify(split) || JSON.stringify(whole) !== JSON.stringify(byteByByte)) {
          throw new Error(`split changed the events for ${JSON.stringify(bytes.toString('latin1'))}`);
        }
      },
    ),
    { numRuns: 60_000 * SCALE },
  );
});
