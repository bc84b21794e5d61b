/** A ReplayModule on a virtual clock, its serial output captured: what the replay's unit tests drive. */
import { Duplex } from 'node:stream';
import { VirtualClock } from '../../../src/clock/clock';
import type { Recording } from '../../../src/sim/replay/recording';
import type { InProcessDial } from '../../../src/sim/types';
import { ReplayModule, type ReplayEvent } from '../../../src/sim/replay/replay-module';

/** `dial`: where the replay's AT+QMTOPEN connects in process (an in-process rig's broker fixture). */
export function replayOnVirtualClock(recording: Recording, hosts?: Record<string, string>, dial?: InProcessDial) {
  const clock = new VirtualClock({ quietMs: 1 });
  const events: ReplayEvent[] = [];
  const module = new ReplayModule({ recording, clock, hosts, log: (e) => events.push(e) });
  let received = '';
  const uart = new Duplex({
    read() {},
    write(chunk, _e, done) {
      received += chunk.toString('latin1');
      done();
    },
  });
  module.attach(uart, { clock, dial });
  /** What the module wrote since the last take. */
  const take = (): string => {
    const r = received;
    received = '';
    return r;
  };
  return { clock, events, module, take };
}
