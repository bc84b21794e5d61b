/** A simulated module served on loopback TCP in this process, in real time, like a ser2net port. */
import { RealClock } from '../../src/clock/clock';
import { createSimulatedModule } from '../../src/sim';
import { serveTcp } from '../../src/sim/serve/tcp';
import { findVariant } from '../../src/variants/catalog';

export async function servedModule(options: { variant?: string; faults?: string[] } = {}) {
  const module = createSimulatedModule({
    variant: findVariant(options.variant ?? 'EC200N-CN'),
    clock: new RealClock(),
    faults: options.faults ?? [],
  });
  const server = await serveTcp(module, 0);
  return {
    url: server.url,
    async stop() {
      await server.close();
      module.close();
    },
  };
}
