/**
 * The module-wide SerialOut given to the MQTT side's environment: for URCs (spec chapter 4)
 * that arrive at any time, outside any command.
 */
import type { SerialOut } from '../types';
import { errorText } from './framing';
import type { UartWriter } from './uart-writer';

export function createModuleOut(writer: UartWriter, cmee: () => number): SerialOut {
  return {
    line: (text) => writer.line(text),
    urc: (text) => writer.line(text),
    ok: () => writer.line('OK'),
    error: () => writer.line(errorText(cmee(), 50)),
    raw: (bytes) => writer.raw(bytes),
    prompt: () => {
      throw new Error('prompt() belongs to a running command: use the HandlerContext out');
    },
  };
}
