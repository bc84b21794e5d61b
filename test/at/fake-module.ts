/** A scripted module on the far end of a duplex pair, for AtClient tests. */
import type { Duplex } from 'node:stream';
import { AtClient } from '../../src/at/at-client';
import { createDuplexPair } from '../../src/at/duplex-pair';
import { StreamTransport } from '../../src/at/stream-transport';
import { Transcript } from '../../src/at/transcript';
import type { Clock } from '../../src/clock/clock';
import { VirtualClock } from '../../src/clock/clock';
import { SecretMasker } from '../../src/secrets/masker';

export interface FakeModule {
  /** Command lines received (without CR), and raw payload bytes received after prompts. */
  readonly lines: string[];
  readonly received: Buffer[];
  send(text: string): void;
  /** Reply `text` after `ms` on the clock. */
  later(ms: number, text: string): void;
  end: Duplex;
}

export type Script = (line: string, module: FakeModule) => void;

export async function rig(script: Script, clock: VirtualClock = new VirtualClock({ quietMs: 2 })) {
  const [hostEnd, moduleEnd] = createDuplexPair();
  const module = fakeModule(moduleEnd, clock, script);
  const transport = new StreamTransport(hostEnd, 'test link');
  await transport.open();
  const masker = new SecretMasker();
  const transcript = new Transcript(clock, masker);
  const client = new AtClient(transport, clock, transcript);
  return { clock, module, client, transcript, masker, transport };
}

function fakeModule(end: Duplex, clock: Clock, script: Script): FakeModule {
  let pending = '';
  const module: FakeModule = {
    lines: [],
    received: [],
    send: (text) => {
      clock.activity();
      end.write(Buffer.from(text, 'utf8'));
    },
    later: (ms, text) => {
      clock.setTimeout(() => module.send(text), ms);
    },
    end,
  };
  end.on('data', (chunk: Buffer) => {
    clock.activity();
    module.received.push(Buffer.from(chunk));
    pending += chunk.toString('utf8');
    let cr: number;
    while ((cr = pending.indexOf('\r')) >= 0) {
      const line = pending.slice(0, cr);
      pending = pending.slice(cr + 1);
      module.lines.push(line);
      script(line, module);
    }
  });
  return module;
}
