/**
 * Commands of other documents that scenarios, the rig or `qmt identify` need on the way. What the
 * harness knows of them is written here, since spec/quectel-mqtt-at.json does not hold them; a
 * wrong answer to one is a precondition of the scenario, never a verdict on the note.
 */
import type { CommandDescriptor } from './types';

/** spec references [1]: the SSL application note of the same series (AT+QSSLCFG). */
const SSL_NOTE = 'Quectel EC200x & EC600x & EG912Y Series SSL Application Note';
/** spec 5.2 uploads certificates with AT+QFUPL, a command of Quectel's FILE application note. */
const FILE_NOTE = 'Quectel FILE Application Note';
const TS_27_007 = '3GPP TS 27.007';
const V25TER = 'ITU-T V.250 (V.25ter)';
/** A command the harness sends for its own sake (identification, power-up) gets a second. */
const ONE_SECOND = { by: 'harness', ms: 1_000 } as const;

/** The identification commands answer bare text (`Quectel`, `Revision: …`), not `+NAME: …`. */
function identification(name: string, other: string): CommandDescriptor {
  return { name, document: { other }, forms: { exec: `AT${name}` }, untaggedInfo: true, timeLimit: ONE_SECOND };
}

export const otherDocumentCommands: readonly CommandDescriptor[] = [
  {
    name: '+QFUPL',
    document: { other: FILE_NOTE },
    // `CONNECT`, then exactly <size> raw bytes, then `+QFUPL: <size>,<checksum>` and OK.
    forms: { set: { syntax: 'AT+QFUPL=<filename>[,<file_size>[,<timeout>[,<ackmode>]]]', prompt: 'CONNECT' } },
    timeLimit: { by: 'harness', ms: 10_000 },
  },
  {
    name: '+QSSLCFG',
    document: { other: SSL_NOTE },
    forms: { set: { syntax: 'AT+QSSLCFG=<option>,<SSL_ctx_idx>[,…]' } },
    timeLimit: ONE_SECOND,
  },
  {
    name: '+CFUN',
    document: { other: TS_27_007 },
    forms: { read: 'AT+CFUN?', set: { syntax: 'AT+CFUN=<fun>[,<rst>]' } },
    // docs/field-evidence.md#power-up-urcs: AT+CFUN=1,1 restarts the module, which prints
    // `+CFUN: 1` among its power-up URCs, maybe before the OK; the restart takes seconds.
    resultUrc: '+CFUN: <fun>',
    timeLimit: { by: 'harness', ms: 15_000 },
  },
  {
    name: '+CPIN',
    document: { other: TS_27_007 },
    forms: { read: 'AT+CPIN?', set: { syntax: 'AT+CPIN=<pin>' } },
    // docs/field-evidence.md#power-up-urcs: `+CPIN: READY` follows a PIN or a restart as a URC.
    resultUrc: '+CPIN: <code>',
    timeLimit: ONE_SECOND,
  },
  {
    name: 'E',
    document: { other: V25TER },
    forms: { exec: 'ATE<value>' },
    timeLimit: ONE_SECOND,
  },
  identification('I', V25TER),
  identification('+GMI', V25TER),
  identification('+GMM', V25TER),
  identification('+GMR', V25TER),
  identification('+GSN', V25TER),
  identification('+CGMI', TS_27_007),
  identification('+CGMM', TS_27_007),
  identification('+CGMR', TS_27_007),
  identification('+CGSN', TS_27_007),
  identification('+CIMI', TS_27_007),
  identification('+QGMR', 'Quectel AT commands manual of the module'),
];
