/**
 * Another client's publish, as a scenario step does it: the message goes through Aedes before it
 * reaches the module. Aedes routes it asynchronously after the publisher's callback, and on a busy
 * host that can take longer than the virtual clock's quiet period, so the clock would jump past
 * the scenario's whole wait (60 s) before the module ever saw the PUBLISH. The clock is held until
 * the broker has put a PUBLISH on that topic towards the module and the module has printed a URC
 * since (it reports every message it takes, spec 4.2), or a short real-time grace has passed (a
 * message no subscription matches is never delivered, a full buffer announces nothing: verdicts too).
 * With every link in process the clock sees the routing itself: the step waits until the process
 * is quiet, which takes no real time beyond the work.
 */
import type { BrokerFixture } from '../broker/fixture';
import { VirtualClock, type Clock } from '../clock/clock';

/** A virtual clock with every link in process waits for the process to be quiet, never for real time. */
function inProcessClock(clock: Clock): VirtualClock | undefined {
  return clock instanceof VirtualClock && clock.seesEveryLink ? clock : undefined;
}

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
  const quietClock = inProcessClock(clock);
  if (quietClock) {
    // The routing is work in flight in this process: the clock cannot move before it has landed.
    await broker.publish(topic, payload, options);
    return quietClock.quiet();
  }
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
  const quietClock = inProcessClock(clock);
  if (quietClock) return quietClock.quiet();
  const release = clock.hold('the broker settling after a cut connection');
  try {
    await new Promise((resolve) => setTimeout(resolve, graceMs));
  } finally {
    release();
  }
}
