/**
 * Property tests of the AT digester, with fast-check:
 *   - model: generated sessions of real-firmware answers (session-model.ts) give exactly the
 *     events the model predicts, whatever chunks the bytes arrive in;
 * QMT_FUZZ_RUNS scales the number of runs (default: 100,000+ inputs over this file and the others).
 */
import { test } from 'node:test';
import fc from 'fast-check';
import { newDigester, project } from './digest-projection';
import { chunksOf, sessions, type Expected, type Session } from './session-model';

const SCALE = Number(process.env.QMT_FUZZ_RUNS ?? 1);

function run(session: Session, cuts: number[][]): Expected[][] {
  const digester = newDigester(session.echo);
  return session.exchanges.map((exchange, i) => {
    if (exchange.command !== undefined) digester.startCommand(exchange.command, { payload: exchange.payload });
    return chunksOf(exchange.bytes, cuts[i] ?? []).flatMap((chunk) => digester.feed(chunk, i).map(project));
  });
}

test('generated firmware sessions give the events the model predicts, split anywhere', () => {
  fc.assert(
    fc.property(sessions, fc.array(fc.array(fc.nat(), { maxLength: 8 }), { maxLength: 12 }), (session, cuts) => {
      const got = run(session, cuts);
      const whole = run(session, []);
      session.exchanges.forEach((exchange, i) => {
        if (JSON.stringify(got[i]) !== JSON.stringify(exchange.expected)) {
          throw new Error(
            `exchange ${i} (${exchange.command ?? 'idle'}) bytes ${JSON.stringify(exchange.bytes.toString('latin1'))}\n got ${JSON.stringify(got[i])}\nwant ${JSON.stringify(exchange.expected)}`,
          );
        }
      });
      if (JSON.stringify(got) !== JSON.stringify(whole)) throw new Error('a different split gave different events');
    }),
    { numRuns: 25_000 * SCALE },
  );
});

test('generated firmware sessions give the events the model predicts, split anywhere', () => {
  fc.assert(
    fc.property(sessions, fc.array(fc.array(fc.nat(), { maxLength: 8 }), { maxLength: 12 }), (session, cuts) => {
      const got = run(session, cuts);
      const whole = run(session, []);
      session.exchanges.forEach((exchange, i) => {
        if (JSON.stringify(got[i]) !== JSON.stringify(exchange.expected)) {
          throw new Error(
            `exchange ${i} (${exchange.command ?? 'idle'}) bytes ${JSON.stringify(exchange.bytes.toString('latin1'))}\n got ${JSON.stringify(got[i])}\nwant ${JSON.stringify(exchange.expected)}`,
          );
        }
      });
      if (JSON.stringify(got) !== JSON.stringify(whole)) throw new Error('a different split gave different events');
    }),
    { numRuns: 25_000 * SCALE },
  );
});
