/**
 * A module so hung it ignores AT+CFUN=1,1 is power-cycled through the rig (a labgrid place's
 * power resource: `labgrid-client power cycle`) before the lifecycle gives it up
 * (src/rig/lifecycle.ts). The "module" is a real-time simulated one behind a power switch of the
 * test's own: while wedged, nothing reaches it or comes back; switching the power off and on
 * boots it (RDY and the power-up URCs, nothing before them).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { AtClient } from '../../src/at/at-client';
import { transportFor } from '../../src/at/open-transport';
import { Transcript } from '../../src/at/transcript';
import { RealClock } from '../../src/clock/clock';
import { ModuleLifecycle } from '../../src/rig/lifecycle';
import { SessionTransport, SharedLink } from '../../src/rig/session-transport';
import { SecretMasker } from '../../src/secrets/masker';
import { createSimulatedModule } from '../../src/sim';
import { findVariant } from '../../src/variants/catalog';

async function moduleBehindPowerSwitch() {
  const module = createSimulatedModule({ variant: findVariant('EC200N-CN'), clock: new RealClock() });
  let socket: Socket | undefined;
  let wedged = false;
  let booting = false;
  let bootText = '';
  const uart = new Duplex({
    read() {},
    write(chunk: Buffer, _encoding, done) {
      if (wedged) return done();
      if (booting) {
        // Power-on: nothing comes out before RDY.
        bootText += chunk.toString('latin1');
        const at = bootText.indexOf('RDY');
        if (at < 0) return done();
        booting = false;
        chunk = Buffer.from(bootText.slice(bootText.lastIndexOf('\r\n', at)), 'latin1');
      }
      socket?.write(chunk);
      done();
    },
  });
  module.attach(uart);
  const server = createServer((s) => {
    socket = s;
    s.on('data', (data: Buffer) => {
      if (!wedged) uart.push(data);
    });
    s.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  let cycles = 0;
  return {
    url: `tcp://127.0.0.1:${(server.address() as AddressInfo).port}`,
    wedge: () => (wedged = true),
    get cycles() {
      return cycles;
    },
    powerCycle: async () => {
      cycles++;
      wedged = false;
      booting = true;
      bootText = '';
      // The simulator restarts as at power-on (its OK is swallowed with everything before RDY).
      uart.push(Buffer.from('AT+CFUN=1,1\r'));
    },
    stop: async () => {
      socket?.destroy();
      module.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

test(
  'a module that ignores AT+CFUN=1,1 is power-cycled through the rig, then answers again',
  { timeout: 90_000 },
  async () => {
    const target = await moduleBehindPowerSwitch();
    const clock = new RealClock();
    const transport = transportFor(target.url, 115200);
    await transport.open();
    const link = new SharedLink(transport);
    const session = () => new AtClient(new SessionTransport(link), clock, new Transcript(clock, new SecretMasker()));
    const lifecycle = new ModuleLifecycle(
      findVariant('EC200N-CN'),
      { sync: { tries: 2, timeoutMs: 500 }, restartMs: 3_000, settleMs: 2_000 },
      () => target.powerCycle(),
    );
    try {
      const first = session();
      await lifecycle.adopt(first);
      await first.close();

      const hung = session();
      await lifecycle.beginScenario(hung);
      target.wedge();
      const cleanup = await lifecycle.endScenario(hung, []);
      await hung.close();
      const notes = cleanup.notes.join('\n');
      assert.equal(target.cycles, 1, notes);
      assert.equal(cleanup.restarted, true, notes);
      assert.match(cleanup.broken ?? '', /stopped answering/);
      assert.match(notes, /no RDY within 3000 ms of AT\+CFUN=1,1: power-cycling the module through labgrid/);
      assert.match(notes, /power-cycled through labgrid: RDY after \d+ ms/);
      assert.equal(lifecycle.state, 'ready');

      const next = session();
      await lifecycle.beginScenario(next);
      assert.equal((await next.send('AT', { timeoutMs: 1_000 })).final.kind, 'OK');
      await next.close();
    } finally {
      await link.close();
      await target.stop();
    }
  },
);
