/**
 * Reads MQTT packet fields by the names a scenario uses ("client id", "keep-alive", "will topic"),
 * so wire-level assertions read like the spec (3.3.4 CONNECT, 3.3.6 SUBSCRIBE, 3.3.8 PUBLISH).
 */
import type { Packet } from 'mqtt-packet';

type Reader = (packet: Record<string, unknown>) => unknown;

const FIELDS: Record<string, Reader> = {
  'protocol name': (p) => p.protocolId,
  'protocol level': (p) => p.protocolVersion,
  'client id': (p) => p.clientId,
  'user name': (p) => p.username,
  password: (p) => p.password,
  'clean session': (p) => flag(p.clean),
  'keep-alive': (p) => p.keepalive,
  'will flag': (p) => flag(p.will !== undefined && p.will !== null),
  'will topic': (p) => will(p)?.topic,
  'will message': (p) => will(p)?.payload,
  'will qos': (p) => will(p)?.qos,
  'will retain': (p) => flag(will(p)?.retain),
  topic: (p) => p.topic,
  payload: (p) => p.payload,
  'payload length': (p) => (p.payload as Buffer | undefined)?.length ?? 0,
  qos: (p) => p.qos,
  retain: (p) => flag(p.retain),
  dup: (p) => flag(p.dup),
  'packet id': (p) => p.messageId,
  subscriptions: (p) =>
    ((p.subscriptions as { topic: string; qos: number }[] | undefined) ?? [])
      .map((s) => `${s.topic}@${s.qos}`)
      .join(' '),
  unsubscriptions: (p) => ((p.unsubscriptions as string[] | undefined) ?? []).join(' '),
};

function will(p: Record<string, unknown>): Record<string, unknown> | undefined {
  return (p.will as Record<string, unknown> | null | undefined) ?? undefined;
}

function flag(value: unknown): number {
  return value ? 1 : 0;
}

export function knownPacketFields(): string[] {
  return Object.keys(FIELDS);
}

/** The field as text for comparison: Buffers as latin1 text, absent as "(absent)". */
export function packetField(packet: Packet, field: string): string {
  const reader = FIELDS[field.toLowerCase()];
  if (!reader) throw new Error(`harness: unknown packet field "${field}" (known: ${knownPacketFields().join(', ')})`);
  const value = reader(packet as unknown as Record<string, unknown>);
  if (value === undefined || value === null) return '(absent)';
  if (Buffer.isBuffer(value)) return value.toString('latin1');
  return String(value);
}

/** Every expected field that differs, as "field: expected X, got Y". */
export function packetMismatches(packet: Packet, expected: Readonly<Record<string, string>>): string[] {
  return Object.entries(expected)
    .map(([field, want]) => ({ field, want, got: packetField(packet, field) }))
    .filter(({ want, got }) => want !== got)
    .map(({ field, want, got }) => `${field}: expected ${want}, got ${got}`);
}
