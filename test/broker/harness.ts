/** Shared set-up for broker fixture tests: a VirtualClock, a fixture, mqtt.js standing in for the module. */
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { VirtualClock } from '../../src/clock/clock';
import { BrokerFixture, type BrokerFixtureOptions } from '../../src/broker/fixture';

export interface Rig {
  clock: VirtualClock;
  fixture: BrokerFixture;
  modules: MqttClient[];
  done(): Promise<void>;
}

export async function startRig(options: Partial<BrokerFixtureOptions> = {}): Promise<Rig> {
  const clock = new VirtualClock();
  const fixture = await BrokerFixture.start({ clock, ...options });
  const modules: MqttClient[] = [];
  return {
    clock,
    fixture,
    modules,
    async done() {
      for (const client of modules) client.end(true);
      await fixture.stop();
      clock.stop();
    },
  };
}

/** An mqtt.js client dialling the tap, as a module would. Resolves on CONNACK 0. */
export function connectModule(rig: Rig, options: IClientOptions = {}): Promise<MqttClient> {
  const client = dialTap(rig, options);
  return new Promise((resolve, reject) => {
    client.once('connect', () => resolve(client));
    client.once('error', reject);
  });
}

/** Resolves with the error/close outcome of a connection attempt that the fixture refuses. */
export function connectExpectingRefusal(rig: Rig, options: IClientOptions = {}): Promise<Error & { code?: number }> {
  const client = dialTap(rig, options);
  return new Promise((resolve, reject) => {
    client.once('connect', () => reject(new Error('connection was accepted')));
    client.once('error', (error) => resolve(error as Error & { code?: number }));
  });
}

/** Waits for an event on an emitter, failing after `ms` of real time. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Emitter = { once(event: string, listener: (...args: any[]) => void): unknown };

export function nextEvent<T = unknown>(emitter: Emitter, event: string, ms = 2000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no '${event}' within ${ms} ms`)), ms);
    emitter.once(event, (value: T) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

/** An mqtt.js client standing in for the module, dialling the tap on loopback. */
function dialTap(rig: Rig, options: IClientOptions): MqttClient {
  const client = mqtt.connect({
    host: '127.0.0.1',
    port: rig.fixture.port,
    protocolVersion: 4,
    clientId: 'module-under-test',
    keepalive: 0,
    reconnectPeriod: 0,
    ...options,
  });
  rig.modules.push(client);
  return client;
}
