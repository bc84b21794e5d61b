/**
 * Other MQTT clients at the broker: a back-end that publishes to the module or takes its client id
 * (spec 3.3.4 note), and observers that see what the module causes (its will, retained messages).
 */
import { Given, Then, When } from '@cucumber/cucumber';
import { publishedPayloadOfSize } from '../src/qmt';
import type { QmtWorld } from '../support/world';

// The clock waits until the broker routed it to the module and the module reported it, or 250 ms of
// real time passed (a message nobody subscribed to is never delivered).
When(
  'another client publishes {string} to {string} at QoS {qos}',
  async function (this: QmtWorld, payload: string, topic: string, qos: 0 | 1 | 2) {
    await this.publish(topic, this.resolve(payload), { qos });
  },
);

// As above, with the retain flag.
When(
  'another client publishes {string} to {string} at QoS {qos} retained',
  async function (this: QmtWorld, payload: string, topic: string, qos: 0 | 1 | 2) {
    await this.publish(topic, this.resolve(payload), { qos, retain: true });
  },
);

// Later steps compare against it as {published-payload}.
When(
  'another client publishes a payload of {int} bytes to {string} at QoS {qos}',
  async function (this: QmtWorld, size: number, topic: string, qos: 0 | 1 | 2) {
    this.publishedPayload = publishedPayloadOfSize(size);
    await this.publish(topic, this.publishedPayload, { qos });
  },
);

// spec 3.3.4 note: the same client id takes over; the broker must drop the module first.
When('another client connects to the broker as {string}', async function (this: QmtWorld, clientId: string) {
  await this.broker.connectAs(this.resolve(clientId));
});

// Another client that sees what the module causes (its will, retained messages).
Given(
  'an observer client has subscribed to {string} at QoS {qos}',
  async function (this: QmtWorld, topic: string, qos: 0 | 1 | 2) {
    this.observers.add(await this.broker.subscribe(topic, qos));
  },
);

// Within the harness limit (60 s).
Then(
  'the observer client receives {string} on {string}',
  async function (this: QmtWorld, payload: string, topic: string) {
    await this.observers.expectMessage(topic, this.resolve(payload));
  },
);

// Nothing on that topic since it subscribed, nor within that time.
Then(
  'the observer client receives nothing on {string} within {seconds}',
  async function (this: QmtWorld, topic: string, ms: number) {
    await this.observers.expectNothing(topic, ms);
  },
);
