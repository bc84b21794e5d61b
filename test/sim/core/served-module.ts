/** Shared by the pty and TCP serving tests: a real-time module and a reader of its replies. */
import { once } from 'node:events';
import { RealClock } from '../../../src/clock/clock';
import { createSimulatedModule } from '../../../src/sim';
import { withNoteAtHabits } from './module-driver';

export function newModule() {
  return createSimulatedModule({ variant: withNoteAtHabits(), clock: new RealClock() });
}

export async function readUntil(stream: NodeJS.EventEmitter, pattern: RegExp, timeoutMs = 2000): Promise<string> {
  let text = '';
  const timer = setTimeout(() => stream.emit('error', new Error(`timeout; got ${JSON.stringify(text)}`)), timeoutMs);
  try {
    while (!pattern.test(text)) {
      const [chunk] = (await once(stream, 'data')) as [Buffer];
      text += chunk.toString('latin1');
    }
    return text;
  } finally {
    clearTimeout(timer);
  }
}
