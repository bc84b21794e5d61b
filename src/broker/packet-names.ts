/**
 * The MQTT 3.1.1 control packets scenarios name, in one place: the step vocabulary's `{packet}` and
 * `{ack}` parameter types and the fixture's faults take their names from these lists.
 */
/** Packets the module sends to the broker (spec figure 1; MQTT 3.1.1 §2.2.1), as mqtt-packet's `cmd`. */
export const MODULE_PACKETS = [
  'connect',
  'publish',
  'subscribe',
  'unsubscribe',
  'disconnect',
  'pingreq',
  'pubrel',
  'puback',
  'pubrec',
  'pubcomp',
] as const;

export type ModulePacket = (typeof MODULE_PACKETS)[number];

/** Acknowledgements the fixture can hold back from the module (BrokerFaults.withhold). */
export const WITHHELD_PACKETS = ['connack', 'suback', 'unsuback', 'puback', 'pubrec', 'pubcomp', 'pingresp'] as const;

export type WithheldPacket = (typeof WITHHELD_PACKETS)[number];
