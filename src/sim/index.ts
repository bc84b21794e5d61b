/**
 * The simulated Quectel module: the other side of the wire. Attach a Duplex as its UART and
 * talk AT to it exactly as to hardware.
 *
 *   const module = createSimulatedModule({ variant: findVariant('EC200N-CN'), clock });
 *   module.attach(uartSideOfAPipe);
 *   ...
 *   module.close();
 */
import { ModuleRuntime, type SimulatedModule, type SimulatedModuleOptions } from './core/simulated-module';

export type { SimulatedModule, SimulatedModuleOptions } from './core/simulated-module';
export { FAULTS, findFault } from './faults/catalog';
export { isLoopback } from './core/host-resolver';
export { DEFAULT_LATENCY, FIELD_LATENCY, describeLatency, parseLatency, type LatencySpec } from './network-latency';

export function createSimulatedModule(options: SimulatedModuleOptions): SimulatedModule {
  return new ModuleRuntime(options);
}
