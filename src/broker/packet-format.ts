/**
 * One readable line per recorded packet, for the packet log attached to reports and for the
 * "what was seen" list of a failed wait. The CONNECT password is never printed (it is written
 * as `***`), and every line also passes through the scenario's masker, if any.
 */
import type { Packet } from 'mqtt-packet';
import type { RecordedPacket } from './types';

export interface Masker {
  mask(text: string): string;
}

const MAX_PAYLOAD_CHARS = 120;

/** Payload as text when it is printable ASCII/UTF-8, else hex; always with its byte length. */
export function describePayload(payload: Buffer | string | undefined): string {
  const bytes = typeof payload === 'string' ? Buffer.from(payload) : (payload ?? Buffer.alloc(0));
  const text = bytes.toString('utf8');
  const printable =
    Buffer.from(text, 'utf8').equals(bytes) && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
  const shown = printable
    ? JSON.stringify(text.length > MAX_PAYLOAD_CHARS ? `${text.slice(0, MAX_PAYLOAD_CHARS)}…` : text)
    : `hex:${bytes.subarray(0, MAX_PAYLOAD_CHARS / 2).toString('hex')}${bytes.length > MAX_PAYLOAD_CHARS / 2 ? '…' : ''}`;
  return `payload=${shown} (${bytes.length} B)`;
}

function fields(packet: Packet): string {
  switch (packet.cmd) {
    case 'connect': {
      const parts = [
        `${packet.protocolId ?? '?'}/${packet.protocolVersion ?? '?'}`,
        `clientId=${JSON.stringify(packet.clientId)}`,
      ];
      if (packet.username !== undefined) parts.push(`username=${JSON.stringify(packet.username)}`);
      // Never the password itself, not even its length: only whether one was sent.
      if (packet.password !== undefined) parts.push('password=***');
      parts.push(`clean=${packet.clean}`, `keepalive=${packet.keepalive}`);
      if (packet.will) {
        parts.push(
          `will={topic=${JSON.stringify(packet.will.topic)} qos=${packet.will.qos} retain=${packet.will.retain} ${describePayload(packet.will.payload)}}`,
        );
      } else parts.push('will=none');
      return parts.join(' ');
    }
    case 'connack':
      return `sessionPresent=${packet.sessionPresent} returnCode=${packet.returnCode ?? packet.reasonCode}`;
    case 'publish':
      return [
        `topic=${JSON.stringify(packet.topic)}`,
        `qos=${packet.qos}`,
        `retain=${packet.retain}`,
        `dup=${packet.dup}`,
        packet.messageId !== undefined ? `messageId=${packet.messageId}` : '',
        describePayload(packet.payload),
      ]
        .filter(Boolean)
        .join(' ');
    case 'puback':
    case 'pubrec':
    case 'pubrel':
    case 'pubcomp':
      return `messageId=${packet.messageId}${packet.reasonCode ? ` reasonCode=${packet.reasonCode}` : ''}`;
    case 'subscribe':
      return `messageId=${packet.messageId} subscriptions=[${packet.subscriptions
        .map((s) => `${JSON.stringify(s.topic)}@${s.qos}`)
        .join(', ')}]`;
    case 'suback':
      return `messageId=${packet.messageId} granted=[${packet.granted.join(', ')}]`;
    case 'unsubscribe':
      return `messageId=${packet.messageId} topics=[${packet.unsubscriptions.map((t) => JSON.stringify(t)).join(', ')}]`;
    case 'unsuback':
      return `messageId=${packet.messageId}`;
    default:
      return '';
  }
}

export function formatPacket(recorded: RecordedPacket, masker?: Masker): string {
  const time = recorded.at.toFixed(0).padStart(8);
  const arrow = recorded.direction === 'module->broker' ? 'module -> broker' : 'broker -> module';
  const status = recorded.withheld ? ' WITHHELD (not sent)' : recorded.injected ? ' (by fixture)' : '';
  const detail = fields(recorded.packet);
  const note = recorded.note ? ` — ${recorded.note}` : '';
  const line = `[${time} ms] #${recorded.connection} ${arrow} ${recorded.packet.cmd.toUpperCase()}${status}${detail ? ` ${detail}` : ''}${note}`;
  return masker ? masker.mask(line) : line;
}
