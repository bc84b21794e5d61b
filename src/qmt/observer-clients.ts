/**
 * Other MQTT clients that observe what the module causes (its will, spec 3.3.1 "will"; retained
 * messages; sessions): what an observer subscribed at the broker receives, or must not receive.
 */
import type { ReceivedMessage, Subscriber } from '../broker/helper-clients';
import { harnessTrouble, nonConformance } from './verdict';
import { WAIT_MS } from './wire-expectations';

/** The observers a scenario subscribed, by topic filter. */
export class ObserverClients {
  private readonly byTopic = new Map<string, Subscriber>();

  add(subscriber: Subscriber): void {
    this.byTopic.set(subscriber.topic, subscriber);
  }

  /** The observer subscribed to `topic` received `payload` on it. */
  async expectMessage(topic: string, payload: string): Promise<void> {
    const isIt = (m: ReceivedMessage) => m.topic === topic && m.payload.toString('latin1') === payload;
    await this.on(topic)
      .waitForMessage(isIt, WAIT_MS, `"${payload}" on "${topic}"`)
      .catch((error: Error) => {
        throw nonConformance(`the observer client did not receive "${payload}" on "${topic}": ${error.message}`);
      });
  }

  /** Nothing on `topic` since the observer subscribed, nor within `ms` from now. */
  async expectNothing(topic: string, ms: number): Promise<void> {
    const seen = await this.on(topic)
      .waitForMessage((m) => m.topic === topic, ms)
      .then(
        (message) => message,
        () => undefined,
      );
    if (!seen) return;
    const payload = JSON.stringify(seen.payload.toString('latin1'));
    throw nonConformance(`the observer client received ${payload} on "${topic}", where nothing was expected`);
  }

  private on(topic: string): Subscriber {
    const subscriber = this.byTopic.get(topic);
    if (!subscriber) throw harnessTrouble(`no observer client subscribed to "${topic}" in this scenario`);
    return subscriber;
  }
}
