/**
 * What a host sends around the recorded scenarios, answered without moving the replay: its
 * housekeeping (identity, SIM, registration, settings queries), answered from the recording where
 * it holds them, and a rig's clean-up between scenarios (src/rig/lifecycle.ts), answered as a
 * module in the replay's own state would: AT+QMTOPEN? / AT+QMTCONN? list the connections the
 * replay holds, AT+QMTDISC / AT+QMTCLOSE close them, each AT+QMTCFG setting the scenario changed is
 * restored once with OK, AT+CFUN=1,1 restarts.
 */
import type { BrokerLinks } from './broker-links';
import type { Recording, Track } from './recording';

/** What a host may send before a session's first command (identity, SIM, registration), and leave out in another run. */
const PREAMBLE_COMMANDS = String.raw`AT|ATI|ATV1|AT\+GMR|AT\+QGMR|AT\+CGMR|AT\+GSN|AT\+CGSN|AT\+CGMM|AT\+GMM|AT\+CGMI|AT\+GMI|AT\+CPIN\?|AT\+CSQ|AT\+CREG\?|AT\+CEREG\?|AT\+CGREG\?|AT\+COPS\?|AT\+QCCID|AT\+CIMI|AT\+CFUN\?|AT\+CMEE=\d`;
export const PREAMBLE = new RegExp(`^(${PREAMBLE_COMMANDS})$`, 'i');
/** The preamble and the rig's own queries around a session: answered from any recorded answer. */
export const HOUSEKEEPING = new RegExp(
  `^(${PREAMBLE_COMMANDS}|ATE1|AT\\+CGACT\\?|AT\\+CMEE\\?|AT\\+QMTOPEN\\?|AT\\+QMTCONN\\?|AT\\+QMTCFG="[^"]+",\\d)$`,
  'i',
);
const CFG_SET = /^AT\+QMTCFG="([^"]+)",(\d),/i;
export const ERROR = Buffer.from('\r\nERROR\r\n', 'latin1');
export const OK = Buffer.from('\r\nOK\r\n', 'latin1');

/** The replayed module as the rig's clean-up needs it. */
export interface CleanUpTarget {
  readonly links: BrokerLinks;
  write(bytes: Buffer): void;
  /** A clean-up command came: the scenario is over. */
  beginCleanUp(): void;
  /** AT+CFUN=1,1: the module restarts (its power-up URCs follow). */
  restart(): void;
}

export class BetweenScenarios {
  /** AT+QMTCFG sub-options the session set with OK (`name,idx`), for the rig's restore. */
  private changed = new Set<string>();
  /** Sub-options whose value the replay reported between scenarios (the rig can restore only those). */
  private readonly reported = new Set<string>();

  constructor(private readonly recording: Recording) {}

  /** A new session: nothing changed yet. */
  reset(): void {
    this.changed = new Set();
  }

  /** A setting the scenario changed (the module answered OK in the recording). */
  noteSet(line: string, accepted: boolean): void {
    const set = CFG_SET.exec(line);
    if (set && accepted) this.changed.add(`${set[1].toLowerCase()},${set[2]}`);
  }

  /** The rig puts back a setting the scenario changed, once (src/rig/settings-baseline.ts). */
  restore(line: string, write: (bytes: Buffer) => void): boolean {
    const set = CFG_SET.exec(line);
    const key = set ? `${set[1].toLowerCase()},${set[2]}` : undefined;
    if (!key || !this.changed.has(key) || !this.reported.has(key)) return false;
    this.changed.delete(key);
    write(OK);
    return true;
  }

  /** Answers to what a host sends around sessions, from the recording where it has them. */
  housekeeping(line: string, followed: Track | undefined, echo: boolean): Buffer {
    const upper = line.toUpperCase();
    const query = /^AT\+QMTCFG="([^"]+)",(\d)$/i.exec(line);
    // The followed scenario's own answer first; one given with the echo as it is now.
    const tracks = followed ? [followed, ...this.recording.tracks] : this.recording.tracks;
    const echoed = `${line}\r`;
    let found: string | undefined;
    for (const track of tracks) {
      const step = track.steps.find((s) => s.kind === 'line' && s.text.toUpperCase() === upper);
      const said = step?.outputs.filter((o) => o.bytes).map((o) => (o.bytes as Buffer).toString('latin1'));
      if (!said?.length) continue;
      const answer = said.join('');
      found ??= answer;
      if (answer.toUpperCase().startsWith(echoed.toUpperCase()) === echo) {
        found = answer;
        break;
      }
    }
    if (found !== undefined) {
      if (!echo && found.toUpperCase().startsWith(echoed.toUpperCase())) found = found.slice(echoed.length);
      if (query && found.includes('+QMTCFG:')) this.reported.add(`${query[1].toLowerCase()},${query[2]}`);
      return Buffer.from(found, 'latin1');
    }
    const { model, firmware } = this.recording.identity;
    if (upper === 'ATI' && model)
      return Buffer.from(`\r\nQuectel\r\n${model}\r\nRevision: ${firmware ?? 'unknown'}\r\n\r\nOK\r\n`, 'latin1');
    if (upper === 'AT+GMR' && firmware) return Buffer.from(`\r\n${firmware}\r\n\r\nOK\r\n`, 'latin1');
    if (!/^(AT|AT\+QMTOPEN\?|AT\+QMTCONN\?|AT\+CMEE\?|AT\+CMEE=\d|AT\+QMTCFG=.*)$/i.test(line)) return ERROR;
    // AT, AT+QMTOPEN?, AT+QMTCONN?, AT+CMEE?: a module between scenarios, no client open.
    return OK;
  }
}

/** The rig's clean-up between scenarios (src/rig/lifecycle.ts), answered from the replay's state. */
export function answerCleanUp(line: string, target: CleanUpTarget): boolean {
  const upper = line.toUpperCase();
  const { links } = target;
  const client = /^AT\+QMT(DISC|CLOSE)=(\d)$/.exec(upper);
  if (upper === 'AT+QMTOPEN?' || upper === 'AT+QMTCONN?') {
    const lines = links
      .clients()
      .filter((c) => upper === 'AT+QMTOPEN?' || c.accepted)
      .map((c) => (upper === 'AT+QMTOPEN?' ? `+QMTOPEN: ${c.idx},"${c.host}",${c.port}` : `+QMTCONN: ${c.idx},3`));
    target.beginCleanUp();
    target.write(Buffer.from([...lines, 'OK'].map((l) => `\r\n${l}\r\n`).join(''), 'latin1'));
    return true;
  }
  if (client) {
    const idx = Number(client[2]);
    const open = links.clients().find((c) => c.idx === idx);
    target.beginCleanUp();
    if (!open) {
      target.write(ERROR);
      return true;
    }
    target.write(OK);
    if (client[1] === 'DISC' && open.accepted) {
      const connection = links.connectionOf(idx);
      if (connection !== undefined) links.send(connection, { cmd: 'disconnect' });
    }
    links.end(idx);
    target.write(Buffer.from(`\r\n+QMT${client[1]}: ${idx},0\r\n`, 'latin1'));
    return true;
  }
  if (upper === 'AT+CFUN=1,1') {
    target.restart();
    return true;
  }
  if (/^AT\+CMEE=\d$/i.test(line) || upper === 'AT') {
    target.write(OK);
    return true;
  }
  return false;
}
