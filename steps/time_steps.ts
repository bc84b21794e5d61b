/**
 * Time passing on the scenario's clock: virtual against the simulator, real against hardware.
 */
import { When } from '@cucumber/cucumber';
import type { QmtWorld } from '../support/world';

When(/^(\d+(?:\.\d+)?) seconds pass$/, async function (this: QmtWorld, s: string) {
  await this.clock.sleep(Number(s) * 1000);
});
