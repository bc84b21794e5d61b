/**
 * Another client's publish, as a scenario step does it: the message goes through Aedes before it
 * reaches the module. Aedes routes it asynchronously after the publisher's callback, and on a busy
 * host that can take longer than the virtual clock's quiet period, so the clock would jump past
 * the scenario's whole wait (60 s) before the module ever saw the PUBLISH. The clock is held until
 * the broker has put a PUBLISH on that topic towards the module and the module has printed a URC
 * since (it reports every message it takes, spec 4.2), or a short real-time grace has passed (a
 * message no subscription matches is never delivered, a full buffer announces nothing: verdicts too).
 */
import type { BrokerFixture } from '../broker/fixture';
import type { Clock } from '../clock/clock';

/** Real milliseconds a publish may take to reach the module's connection before the clock runs on. */
export const ROUTING_GRACE_MS = 250;

export async function publishAndLetRoute(
  broker: BrokerFixture,
  clock: Clock,
  topic: string,
  payload: string | Buffer,
  options: { qos: 0 | 1 | 2; retain?: boolean },
  urcCount: () => number,
): Promise<void> {
  const deliveries = () =>
    broker.packetsToModule('publish').filter((p) => p.packet.cmd === 'publish' && p.packet.topic === topic).length;
  const before = deliveries();
  const urcsBefore = urcCount();
  const settled = () => deliveries() > before && urcCount() > urcsBefore;
  const release = clock.hold(`routing of a publish to "${topic}"`);
  try {
    await broker.publish(topic, payload, options);
    const deadline = Date.now() + ROUTING_GRACE_MS;
    while (!settled() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
  } finally {
    release();
  }
}

/**
 * After the broker fixture cut the module's connection, Aedes publishes the Will and tears the
 * session down asynchronously, with no packet the virtual clock would see as activity. Holding
 * the clock for a short real-time grace lets that happen before virtual time runs on.
 */
export async function letBrokerSettle(clock: Clock, graceMs = 100): Promise<void> {
  const release = clock.hold('the broker settling after a cut connection');
  try {
    await new Promise((resolve) => setTimeout(resolve, graceMs));
  } finally {
    release();
  }
}
