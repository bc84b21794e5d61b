import type { TimerPacket } from '../at/commands/types';

/**
 * Where the module's own timer starts, as the broker fixture saw it: the first packet of a type
 * from the module at or after a time. Undefined when no such packet was seen.
 */
export type WireClock = (packet: TimerPacket, since: number) => number | undefined;
