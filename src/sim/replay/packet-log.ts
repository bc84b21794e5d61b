/**
 * The broker fixture's packet log as a recording holds it (the "Broker packets" attachment of each
 * Allure result, one line per packet, written by src/broker/packet-format.ts):
 *
 *   [     772 ms] #1 module -> broker CONNECT MQTT/4 clientId="c" password=*** clean=true keepalive=120 will=none
 *   [     772 ms] #1 broker -> module CONNACK sessionPresent=false returnCode=0
 *
 * parsed back into packets the replayed module can send again (mqtt-packet objects). It is parsed
 * here on purpose rather than imported: src/sim shares no code with the harness.
 *
 * The log is a readable summary, not the bytes: the CONNECT password is never in it (`***`), and a
 * payload longer than 120 characters (60 bytes shown as hex) is cut with `…`. Those parts come from
 * what the host sends the replayed module now (its AT+QMTCONN password, its payload after `>`),
 * which is where the recorded module took them from too (./replay-network.ts).
 */
import type { Packet } from 'mqtt-packet';

export type LoggedDirection = 'module->broker' | 'broker->module';

/** A payload as the log shows it: whole, or cut (its first bytes and its full length). */
export interface LoggedPayload {
  readonly bytes: Buffer;
  readonly length: number;
  readonly complete: boolean;
}

export interface LoggedPacket {
  /** Clock time (ms) the fixture saw the packet, on the scenario's clock. */
  readonly at: number;
  readonly connection: number;
  readonly direction: LoggedDirection;
  /** mqtt-packet's `cmd` (lower case): connect, publish, puback, pingreq … */
  readonly cmd: string;
  /** Dropped on the wire by the fixture: the module never saw it. */
  readonly withheld: boolean;
  readonly messageId?: number;
  /** The packet to send again (module->broker only); payloads that the log cut are marked. */
  readonly packet?: Packet;
  readonly payload?: LoggedPayload;
  readonly willPayload?: LoggedPayload;
  /** The log shows a password was sent (its value is never logged). */
  readonly hasPassword?: boolean;
  /** CONNACK's return code (0 accepted). */
  readonly returnCode?: number;
  readonly sessionPresent?: boolean;
  /** SUBACK's granted QoS, one per topic (128 = failure). */
  readonly granted?: readonly number[];
}

const LINE =
  /^\[\s*(-?\d+) ms\] #(\d+) (module -> broker|broker -> module) ([A-Z]+)( WITHHELD \(not sent\)| \(by fixture\))?(.*)$/;
const JSON_STRING = '"(?:[^"\\\\]|\\\\.)*"';

/** Every packet line of a log, in order; other lines (a note, an empty log) are skipped. */
export function parsePacketLog(text: string): LoggedPacket[] {
  const out: LoggedPacket[] = [];
  for (const raw of text.split('\n')) {
    const match = LINE.exec(raw.replace(/\r$/, ''));
    if (!match) continue;
    const direction: LoggedDirection = match[3] === 'module -> broker' ? 'module->broker' : 'broker->module';
    const cmd = match[4].toLowerCase();
    // The note after " — " is the fixture's, never a field.
    const detail = match[6].split(' — ')[0] ?? '';
    const base = {
      at: Number(match[1]),
      connection: Number(match[2]),
      direction,
      cmd,
      withheld: match[5]?.includes('WITHHELD') ?? false,
    };
    const messageId = numberField(detail, 'messageId');
    out.push({ ...base, ...(messageId !== undefined ? { messageId } : {}), ...decode(cmd, detail, messageId) });
  }
  return out;
}

function decode(cmd: string, detail: string, messageId: number | undefined): Partial<LoggedPacket> {
  switch (cmd) {
    case 'connect': {
      const version = /^\s*(\S+)\/(\d+)/.exec(detail);
      const willText = /will=\{(.*)\}/.exec(detail)?.[1];
      const willPayload = willText !== undefined ? payloadField(willText) : undefined;
      const packet = {
        cmd: 'connect',
        protocolId: version?.[1] ?? 'MQTT',
        protocolVersion: Number(version?.[2] ?? 4),
        clientId: stringField(detail.replace(/will=\{.*\}/, ''), 'clientId') ?? '',
        clean: /clean=true/.test(detail),
        keepalive: numberField(detail, 'keepalive') ?? 0,
        ...(stringField(detail, 'username') !== undefined ? { username: stringField(detail, 'username') } : {}),
        ...(willText !== undefined
          ? {
              will: {
                topic: stringField(willText, 'topic') ?? '',
                qos: numberField(willText, 'qos') ?? 0,
                retain: /retain=true/.test(willText),
                payload: willPayload?.bytes ?? Buffer.alloc(0),
              },
            }
          : {}),
      } as Packet;
      return { packet, hasPassword: /password=\*\*\*/.test(detail), ...(willPayload ? { willPayload } : {}) };
    }
    case 'publish': {
      const payload = payloadField(detail);
      const qos = numberField(detail, 'qos') ?? 0;
      const packet = {
        cmd: 'publish',
        topic: stringField(detail, 'topic') ?? '',
        qos,
        retain: /retain=true/.test(detail),
        dup: /dup=true/.test(detail),
        ...(messageId !== undefined ? { messageId } : {}),
        payload: payload?.bytes ?? Buffer.alloc(0),
      } as Packet;
      return { packet, ...(payload ? { payload } : {}) };
    }
    case 'subscribe': {
      const list = /subscriptions=\[(.*)\]/.exec(detail)?.[1] ?? '';
      const subscriptions = [...list.matchAll(new RegExp(`(${JSON_STRING})@(\\d)`, 'g'))].map((m) => ({
        topic: JSON.parse(m[1]) as string,
        qos: Number(m[2]) as 0 | 1 | 2,
      }));
      return { packet: { cmd: 'subscribe', messageId: messageId ?? 0, subscriptions } as Packet };
    }
    case 'unsubscribe': {
      const list = /topics=\[(.*)\]/.exec(detail)?.[1] ?? '';
      const unsubscriptions = [...list.matchAll(new RegExp(JSON_STRING, 'g'))].map((m) => JSON.parse(m[0]) as string);
      return { packet: { cmd: 'unsubscribe', messageId: messageId ?? 0, unsubscriptions } as Packet };
    }
    case 'puback':
    case 'pubrec':
    case 'pubrel':
    case 'pubcomp':
      return { packet: { cmd, messageId: messageId ?? 0 } as Packet };
    case 'connack':
      return { returnCode: numberField(detail, 'returnCode') ?? 0, sessionPresent: /sessionPresent=true/.test(detail) };
    case 'suback':
      return {
        granted: (/granted=\[([^\]]*)\]/.exec(detail)?.[1] ?? '')
          .split(',')
          .filter((g) => g.trim())
          .map(Number),
      };
    case 'pingreq':
    case 'disconnect':
      return { packet: { cmd } as Packet };
    default:
      return {};
  }
}

function numberField(detail: string, name: string): number | undefined {
  const match = new RegExp(`(?:^|\\s)${name}=(\\d+)`).exec(detail);
  return match ? Number(match[1]) : undefined;
}

function stringField(detail: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}=(${JSON_STRING})`).exec(detail);
  return match ? (JSON.parse(match[1]) as string) : undefined;
}

/** `payload="text" (N B)` or `payload=hex:0a0b… (N B)`; the `…` marks a cut. */
function payloadField(detail: string): LoggedPayload | undefined {
  const match = new RegExp(`payload=(${JSON_STRING}|hex:[0-9a-f]*…?) \\((\\d+) B\\)`).exec(detail);
  if (!match) return undefined;
  const length = Number(match[2]);
  let bytes: Buffer;
  if (match[1].startsWith('hex:')) bytes = Buffer.from(match[1].slice(4).replace('…', ''), 'hex');
  else bytes = Buffer.from(JSON.parse(match[1]) as string, 'utf8');
  if (bytes.length === length) return { bytes, length, complete: true };
  // A cut text ends with "…" inside the quotes: drop it, keep the prefix.
  const text = bytes.toString('utf8').replace(/…$/, '');
  return { bytes: match[1].startsWith('hex:') ? bytes : Buffer.from(text, 'utf8'), length, complete: false };
}
