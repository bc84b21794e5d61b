/**
 * Every command ends in a verdict: whatever the module does with its answer — gives it
 * whole, goes silent halfway, restarts halfway (RDY), or sends garbage — AtClient.send resolves
 * with the final result or rejects with AtTimeoutError once its limit has passed, never hangs and
 * never throws anything else; and after a half answer the next command is read correctly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AtClient } from '../../src/at/at-client';
import { Transcript } from '../../src/at/transcript';
import { AtTimeoutError, type AtResponse, type Transport } from '../../src/at/types';
import { SecretMasker } from '../../src/secrets/masker';
import { ManualClock } from './manual-clock';
import { chunksOf, sessions } from './session-model';

const SCALE = Number(process.env.QMT_FUZZ_RUNS ?? 1);
const TIMEOUT_MS = 5_000;

/** The module end: answers each command line written with the bytes the test queued for it. */
class ScriptedLink implements Transport {
  readonly description = 'fuzz link';
  private data: ((chunk: Buffer) => void) | undefined;
  readonly answers: Buffer[][] = [];
  async open(): Promise<void> {}
  async write(bytes: Buffer): Promise<void> {
    if (!bytes.toString('latin1').endsWith('\r')) return; // a prompted payload: no answer of its own
    const chunks = this.answers.shift() ?? [];
    queueMicrotask(() => chunks.forEach((c) => this.data?.(c)));
  }
  onData(listener: (chunk: Buffer) => void): void {
    this.data = listener;
  }
  onClose(): void {}
  async close(): Promise<void> {}
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
};

type Behaviour = 'whole' | 'silent' | 'cut' | 'restart' | 'garbage';

test('every command ends in a verdict, and the next one is read right', async () => {
  const firstCommand = sessions.map((s) => s.exchanges.find((e) => e.command !== undefined)!);
  await fc.assert(
    fc.asyncProperty(
      firstCommand,
      fc.constantFrom<Behaviour>('whole', 'silent', 'cut', 'restart', 'garbage'),
      fc.nat(),
      fc.uint8Array({ maxLength: 60 }),
      fc.array(fc.nat(), { maxLength: 5 }),
      async (exchange, behaviour, cutAt, garbage, cuts) => {
        const clock = new ManualClock();
        const link = new ScriptedLink();
        const client = new AtClient(link, clock, new Transcript(clock, new SecretMasker()));
        const full = exchange.bytes;
        // The digester must cut +QMTRECV of client 0 by its length: say so the way a host does.
        link.answers.push([Buffer.from('\r\nOK\r\n')]);
        await client.send('AT+QMTCFG="recv/mode",0,0,1', { timeoutMs: TIMEOUT_MS });
        const cut = full.subarray(0, cutAt % full.length);
        const answer =
          behaviour === 'whole'
            ? full
            : behaviour === 'silent'
              ? Buffer.alloc(0)
              : behaviour === 'cut'
                ? cut
                : behaviour === 'restart'
                  ? Buffer.concat([cut, Buffer.from('\r\nRDY\r\n')])
                  : Buffer.from(garbage);
        link.answers.push(chunksOf(answer, cuts));
        link.answers.push([Buffer.from('\r\nOK\r\n')]);
        const settled: { response?: AtResponse; error?: unknown } = {};
        const sent = client.send(exchange.command!, { timeoutMs: TIMEOUT_MS, payload: exchange.payload }).then(
          (response) => (settled.response = response),
          (error) => (settled.error = error),
        );
        await flush();
        clock.advance(TIMEOUT_MS + 1);
        await flush();
        await Promise.race([sent, Promise.resolve()]);
        assert.ok(settled.response || settled.error, `no verdict for ${exchange.command} (${behaviour})`);
        if (settled.error)
          assert.ok(settled.error instanceof AtTimeoutError, `not a timeout: ${String(settled.error)}`);
        const wanted = exchange.expected.find((e) => e.type === 'final');
        if (behaviour === 'whole')
          assert.equal(
            settled.response && formatFinal(settled.response),
            wanted && wanted.type === 'final' && normalFinal(wanted.text),
          );
        if (behaviour === 'silent') assert.equal((settled.error as AtTimeoutError).bytesReceived, 0);
        // Cut later, RDY may end a line's text or fill a payload the length promised.
        if (behaviour === 'restart' && settled.error && cut.length === 0) {
          assert.ok(
            client.urcs().some((u) => u.text === 'RDY'),
            'RDY not seen',
          );
        }
        // After a half answer (or garbage) the next command still ends in a verdict, and a clean
        // one when the module only went silent or restarted.
        const next = client.send('AT', { timeoutMs: TIMEOUT_MS }).then(
          (r) => r.final.kind,
          (e: unknown) => (e instanceof AtTimeoutError ? 'timeout' : `threw ${String(e)}`),
        );
        await flush();
        clock.advance(TIMEOUT_MS + 1);
        const verdict = await next;
        assert.ok(verdict === 'OK' || verdict === 'timeout' || verdict === 'ERROR' || verdict === 'CME ERROR', verdict);
        if (behaviour !== 'garbage' && settled.error)
          assert.equal(verdict, 'OK', `next command after ${behaviour} of ${exchange.command}`);
      },
    ),
    { numRuns: 10_000 * SCALE },
  );
});

function formatFinal(response: AtResponse): string {
  return response.final.kind === 'CME ERROR' ? `+CME ERROR: ${response.final.code}` : response.final.kind;
}

function normalFinal(text: string): string {
  return text;
}
