/**
 * The step vocabulary's parameter types, defined once: every step is a Cucumber Expression built
 * from these and Cucumber's own ({int}, {string}, {word}). docs/steps.md lists them with their
 * regular expressions (npm run docs:steps). Transformers only parse; placeholders ({port} …) are
 * resolved by the World when a step uses the value, since some ({size}) exist only by then.
 */
import { defineParameterType } from '@cucumber/cucumber';
import { MODULE_PACKETS, WITHHELD_PACKETS, type ModulePacket, type WithheldPacket } from '../src/broker/packet-names';
import { clientList, UPLOAD_NAMES } from '../src/qmt';

const alternation = (names: readonly string[]) => names.map((n) => n.toUpperCase()).join('|');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// An MQTT packet the module sends, written as the spec does (PUBLISH) → mqtt-packet's cmd (publish).
defineParameterType({
  name: 'packet',
  regexp: new RegExp(alternation(MODULE_PACKETS)),
  transformer: (name: string): ModulePacket => name.toLowerCase() as ModulePacket,
});

// An acknowledgement the broker fixture can hold back from the module.
defineParameterType({
  name: 'ack',
  regexp: new RegExp(alternation(WITHHELD_PACKETS)),
  transformer: (name: string): WithheldPacket => name.toLowerCase() as WithheldPacket,
});

// MQTT QoS level (spec 3.3.6 <qos>, 3.3.8 <qos>).
defineParameterType({
  name: 'qos',
  regexp: /[012]/,
  transformer: (qos: string) => Number(qos) as 0 | 1 | 2,
});

// A duration in the feature's words, "1 second", "2.5 seconds" → milliseconds on the scenario's clock.
defineParameterType({
  name: 'seconds',
  regexp: /(\d+(?:\.\d+)?) seconds?/,
  transformer: (seconds: string) => Number(seconds) * 1000,
});

// One MQTT client of the module, "client 0" → its <client_idx> (spec 3.3.2).
defineParameterType({
  name: 'client',
  regexp: /client (\d)/,
  transformer: (idx: string) => Number(idx),
});

// Several clients: "client 0", "clients 3 and 4", "clients 0, 1 and 2" → their <client_idx>.
defineParameterType({
  name: 'clients',
  regexp: /clients? (\d(?:(?:, | and )\d)*)/,
  transformer: (list: string) => clientList(list),
});

// A command line the host sends: AT (any case), then anything up to a space outside double quotes.
// A quote left open runs to the end of the line (spec 3.1.2 syntax scenarios send such lines).
defineParameterType({
  name: 'command',
  regexp: /[Aa][Tt](?:[^" ]|"[^"]*"|"[^"]*$)*/,
  transformer: (command: string) => command,
});

// A URC as the module prints it, "+QMTSTAT: 0,1" or "RDY"; `*` matches any one field (src/qmt/urc-match.ts).
defineParameterType({
  name: 'urc',
  regexp: /\+?[A-Z][\w ]*(?::.*)?/,
  transformer: (urc: string) => urc,
});

// A list of quoted client ids: "qmt-multi-0", "qmt-multi-1".
defineParameterType({
  name: 'client-ids',
  regexp: /"[^"]*"(?:, "[^"]*")*/,
  transformer: (list: string) => [...list.matchAll(/"([^"]*)"/g)].map((m) => m[1] as string),
});

// A placeholder the scenario names for later steps, "{refused-port}" → refused-port.
defineParameterType({
  name: 'placeholder',
  regexp: /\{([a-z][a-z-]*)\}/,
  transformer: (name: string) => name,
});

// What the host uploads with AT+QFUPL for TLS (spec 5.2, src/qmt/tls-uploads.ts).
defineParameterType({
  name: 'upload',
  regexp: new RegExp(UPLOAD_NAMES.map(escape).join('|')),
  transformer: (name: string) => name,
});

// A reading of the note (src/variants/readings.ts): A10, A11willex, open-bad-host …
defineParameterType({
  name: 'reading',
  regexp: /[A-Za-z][A-Za-z0-9-]*/,
  transformer: (id: string) => id,
});
