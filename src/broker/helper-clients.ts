/**
 * The fixture acting as *other* MQTT clients (a back-end publishing to the module, an observer
 * collecting wills and retained messages). They are mqtt.js clients talking to Aedes over an
 * in-memory stream, not through the tap, so they never show up as module traffic.
 */
import { MqttClient, type IClientOptions } from 'mqtt';
import type { Clock } from '../clock/clock';
import { duplexPair } from './duplex-pair';
import { describePayload } from './packet-format';
import type { PublishOptions } from './types';
import { summarisePredicate, WaitList } from './wait-list';

/** Anything that can serve an MQTT connection on a stream (Aedes' `handle`). */
export type StreamHandler = (stream: import('node:stream').Duplex) => unknown;

export interface ReceivedMessage {
  readonly topic: string;
  readonly payload: Buffer;
  readonly qos: 0 | 1 | 2;
  readonly retain: boolean;
  readonly dup: boolean;
  /** Clock time of arrival. */
  readonly at: number;
}

export interface Subscriber {
  readonly topic: string;
  messages(): readonly ReceivedMessage[];
  waitForMessage(
    predicate: (message: ReceivedMessage) => boolean,
    timeoutMs: number,
    description?: string,
  ): Promise<ReceivedMessage>;
  close(): Promise<void>;
}

let helperCount = 0;

/**
 * Connects an mqtt.js client to `handle` in memory; resolves once CONNACK arrived. `clientId`
 * names the client (default: a fresh fixture id), e.g. to take over a module's id (spec 3.3.4 note).
 */
export function connectHelper(
  handle: StreamHandler,
  clock: Clock,
  role: string,
  clientId?: string,
): Promise<MqttClient> {
  const release = clock.hold(`broker helper ${role} connect`);
  const options: IClientOptions = {
    clientId: clientId ?? `qmt-fixture-${role}-${++helperCount}`,
    protocolVersion: 4,
    clean: true,
    keepalive: 0, // mqtt.js timers run on real time; a helper must not ping on its own schedule
    reconnectPeriod: 0,
  };
  const client = new MqttClient(() => {
    const [ours, theirs] = duplexPair();
    handle(theirs);
    return ours;
  }, options);
  return new Promise<MqttClient>((resolve, reject) => {
    client.once('connect', () => resolve(client));
    client.once('error', reject);
    client.once('close', () => reject(new Error(`broker helper ${role}: connection closed before CONNACK`)));
  }).finally(release);
}

export function publishVia(
  client: MqttClient,
  clock: Clock,
  topic: string,
  payload: string | Buffer,
  options: PublishOptions = {},
): Promise<void> {
  // A publish takes no virtual time: hold the clock until Aedes has taken it.
  const release = clock.hold(`broker helper publish ${topic}`);
  clock.activity();
  return new Promise<void>((resolve, reject) => {
    client.publish(topic, payload, { qos: options.qos ?? 0, retain: options.retain ?? false }, (error) =>
      error ? reject(error) : resolve(),
    );
  }).finally(release);
}

export async function subscribeVia(
  client: MqttClient,
  clock: Clock,
  topic: string,
  qos: 0 | 1 | 2,
): Promise<Subscriber> {
  const received = new WaitList<ReceivedMessage>(clock);
  client.on('message', (messageTopic, payload, packet) => {
    clock.activity();
    received.push({
      topic: messageTopic,
      payload,
      qos: packet.qos,
      retain: packet.retain,
      dup: packet.dup,
      at: clock.now(),
    });
  });
  const release = clock.hold(`broker helper subscribe ${topic}`);
  try {
    await client.subscribeAsync(topic, { qos });
  } finally {
    release();
  }
  return {
    topic,
    messages: () => received.all(),
    waitForMessage: (predicate, timeoutMs, description) =>
      received.waitFor(predicate, timeoutMs, () => {
        const what = description ?? `a message matching ${summarisePredicate(predicate)}`;
        const seen = received
          .all()
          .map(
            (m) =>
              `  [${m.at} ms] ${JSON.stringify(m.topic)} qos=${m.qos} retain=${m.retain} ${describePayload(m.payload)}`,
          );
        return `broker fixture subscriber on ${JSON.stringify(topic)}: timed out after ${timeoutMs} ms waiting for ${what}.\nMessages received: ${
          seen.length ? `\n${seen.join('\n')}` : 'none.'
        }`;
      }),
    close: () => endHelper(client),
  };
}

export function endHelper(client: MqttClient): Promise<void> {
  return new Promise((resolve) => client.end(true, {}, () => resolve()));
}
