/**
 * Puts a scenario's broker packets on its AT time line: each packet the recorded module sent
 * becomes an output of what caused it, and the broker's packets become triggers the replay waits
 * for, so the replayed module acts on the live broker's packets as the recorded one acted on the
 * fixture's, whatever the live timing.
 *
 * What causes a module packet (the note's commands and MQTT 3.1.1's flows):
 * - CONNECT ← AT+QMTCONN, SUBSCRIBE ← AT+QMTSUB, UNSUBSCRIBE ← AT+QMTUNS, DISCONNECT ← AT+QMTDISC,
 *   PUBLISH ← AT+QMTPUBEX / AT+QMTPUB (its payload after `>`): the latest such command of that
 *   client at or before the packet (a retransmission is the same command's, later);
 * - PUBACK / PUBREC ← the broker's PUBLISH, PUBCOMP ← its PUBREL, PUBREL ← its PUBREC, with the
 *   same packet identifier (MQTT 3.1.1 §4.3);
 * - anything else (PINGREQ) ← the latest host step before it.
 * A result URC that waits for the broker's answer (+QMTCONN ← CONNACK, +QMTSUB ← SUBACK,
 * +QMTUNS ← UNSUBACK, +QMTPUBEX ← PUBACK / PUBCOMP, +QMTRECV ← PUBLISH) follows that packet when
 * it came after the command; every other output stays on its host step.
 *
 * Connections: the fixture numbers them in accept order (#1, #2 …, one without any packet leaves
 * a gap), so the n-th AT+QMTOPEN answered `+QMTOPEN: <idx>,0` opened connection #n.
 */
import { brokerSaid } from './broker-answers';
import type { LoggedPacket } from './packet-log';
import type { BrokerTrigger, HostStep, RecordedOutput, Track } from './recording-types';

const CAUSE: Readonly<Record<string, RegExp>> = {
  connect: /^AT\+QMTCONN=(\d)/i,
  subscribe: /^AT\+QMTSUB=(\d)/i,
  unsubscribe: /^AT\+QMTUNS=(\d)/i,
  disconnect: /^AT\+QMTDISC=(\d)/i,
  publish: /^AT\+QMTPUB(?:EX)?=(\d)/i,
};

/** The broker packet a module acknowledgement answers (MQTT 3.1.1 §4.3). */
const ANSWERS: Readonly<Record<string, string>> = {
  puback: 'publish',
  pubrec: 'publish',
  pubcomp: 'pubrel',
  pubrel: 'pubrec',
};

/** Result URCs that wait for a broker packet, and which packets end the wait. */
const URC_WAITS_FOR: readonly [RegExp, readonly string[]][] = [
  [/^\r?\n?\+QMTCONN: (\d),/, ['connack']],
  [/^\r?\n?\+QMTSUB: (\d),/, ['suback']],
  [/^\r?\n?\+QMTUNS: (\d),/, ['unsuback']],
  [/^\r?\n?\+QMTPUB(?:EX)?: (\d),/, ['puback', 'pubcomp', 'pubrec']],
  [/^\r?\n?\+QMTRECV: (\d),/, ['publish']],
];

export function addPackets(track: Track, packets: readonly LoggedPacket[]): void {
  const clientOf = assignConnections(track.steps);
  const triggers: BrokerTrigger[] = packets
    .filter((p) => p.direction === 'broker->module' && !p.withheld)
    .map((p) => ({
      connection: p.connection,
      cmd: p.cmd,
      ...(p.messageId !== undefined ? { messageId: p.messageId } : {}),
      ...(p.returnCode !== undefined ? { returnCode: p.returnCode } : {}),
      said: brokerSaid(p),
      at: p.at,
      outputs: [],
    }));
  track.triggers.push(...triggers);

  for (const packet of packets.filter((p) => p.direction === 'module->broker' && p.packet)) {
    const idx = clientOf.get(packet.connection);
    const answered = ANSWERS[packet.cmd];
    const brokerCause = answered
      ? latest(
          triggers.filter(
            (t) =>
              t.connection === packet.connection &&
              t.cmd === answered &&
              t.messageId === packet.messageId &&
              t.at <= packet.at,
          ),
        )
      : undefined;
    const pattern = CAUSE[packet.cmd];
    const stepCause =
      brokerCause ??
      latest(
        track.steps.filter((s, i) => s.at <= packet.at && (pattern ? causes(track.steps, i, pattern, idx) : true)),
      ) ??
      (pattern ? undefined : latest(triggers.filter((t) => t.at < packet.at))) ??
      latest(track.steps.filter((s) => s.at <= packet.at)) ??
      track.steps[0];
    if (!stepCause) continue;
    stepCause.outputs.push({ afterMs: Math.max(0, packet.at - stepCause.at), packet });
  }

  // Result URCs that waited for the broker: from their command to the packet that ended the wait,
  // the earliest one not taken by an earlier URC (the fixture answers in the instant of the request).
  const taken = new Set<BrokerTrigger>();
  for (const step of track.steps) {
    const kept: RecordedOutput[] = [];
    let moved: { cause: BrokerTrigger; at: number } | undefined;
    for (const output of step.outputs) {
      const at = step.at + output.afterMs;
      // The transcript cuts a long line (a 1500-byte +QMTRECV) into several entries: the rest follows its start.
      if (moved && output.bytes && at === moved.at && !output.bytes.toString('latin1').startsWith('\r\n')) {
        moved.cause.outputs.push({ afterMs: at - moved.cause.at, bytes: output.bytes });
        continue;
      }
      moved = undefined;
      const waited = output.bytes && waitedFor(output.bytes.toString('latin1'));
      const cause = waited
        ? triggers.find(
            (t) =>
              !taken.has(t) &&
              waited.cmds.includes(t.cmd) &&
              t.at >= step.at &&
              t.at <= at &&
              (clientOf.get(t.connection) ?? waited.idx) === waited.idx,
          )
        : undefined;
      if (cause && output.bytes) {
        taken.add(cause);
        cause.outputs.push({ afterMs: at - cause.at, bytes: output.bytes });
        moved = { cause, at };
      } else kept.push(output);
    }
    step.outputs.splice(0, step.outputs.length, ...kept);
  }
  // At one instant the packet leaves before the module reports on it (+QMTDISC after DISCONNECT).
  for (const holder of [...track.steps, ...triggers])
    holder.outputs.sort((a, b) => a.afterMs - b.afterMs || (a.packet ? 0 : 1) - (b.packet ? 0 : 1));
}

/** Connection number → client index, and each opening step marked with its connection. */
function assignConnections(steps: readonly HostStep[]): Map<number, number> {
  const clientOf = new Map<number, number>();
  let next = 1;
  for (const step of steps) {
    const open = /^AT\+QMTOPEN=(\d),/i.exec(step.kind === 'line' ? step.text : '');
    if (!open) continue;
    const said = step.outputs.map((o) => o.bytes?.toString('latin1') ?? '').join('');
    if (!new RegExp(`\\+QMTOPEN: ${open[1]},0\\r`).test(said)) continue;
    step.opens = next;
    clientOf.set(next, Number(open[1]));
    next += 1;
  }
  return clientOf;
}

/** Whether step `i` is the command `pattern` of client `idx` (a payload step counts as its command). */
function causes(steps: readonly HostStep[], i: number, pattern: RegExp, idx: number | undefined): boolean {
  const step = steps[i];
  const command = step.kind === 'data' ? steps[i - 1] : step;
  if (!command || command.kind !== 'line') return false;
  // The PUBLISH leaves with the payload, so a command that prompts is followed by its data step.
  if (step.kind === 'line' && steps[i + 1]?.kind === 'data' && /^AT\+QMTPUB/i.test(step.text)) return false;
  const match = pattern.exec(command.text);
  return match !== null && (idx === undefined || Number(match[1]) === idx);
}

function waitedFor(text: string): { cmds: readonly string[]; idx: number } | undefined {
  for (const [pattern, cmds] of URC_WAITS_FOR) {
    const match = pattern.exec(text.replace(/^\r\n/, ''));
    if (match) return { cmds, idx: Number(match[1]) };
  }
  return undefined;
}

function latest<T extends { at: number }>(list: readonly T[]): T | undefined {
  let found: T | undefined;
  for (const item of list) if (!found || item.at >= found.at) found = item;
  return found;
}
