/**
 * The module's transmit side: writes framed lines, final results, URCs and raw bytes to the
 * attached UART, and tells the clock that bytes moved. Holds no protocol state.
 */
import type { Clock } from '../../clock/clock';
import type { FaultSet } from '../types';
import { frameLine } from './framing';

export class UartWriter {
  private sink: ((bytes: Buffer) => void) | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly faults: FaultSet,
  ) {}

  /** Where bytes go; undefined while no UART is attached (bytes are then lost, like a cable unplugged). */
  connect(sink: ((bytes: Buffer) => void) | undefined): void {
    this.sink = sink;
  }

  line(text: string): void {
    this.raw(frameLine(text, this.faults));
  }

  raw(bytes: Buffer): void {
    this.clock.activity();
    if (bytes.length > 0) this.sink?.(bytes);
  }
}
