/**
 * Time passing on the scenario's clock: virtual against the simulator, real against hardware.
 */
import { When } from '@cucumber/cucumber';
import type { QmtWorld } from '../support/world';

// On the scenario clock: virtual against the simulator, real against hardware.
When('{seconds} pass', async function (this: QmtWorld, ms: number) {
  await this.clock.sleep(ms);
});
