/**
 * Whether a +QMTRECV line carries <payload_len>: known per client once the host configured
 * AT+QMTCFG="recv/mode" (msg_len_enable, spec 3.3.1), else the digester's default ('auto' = guessed
 * from the bytes and checked later, src/at/digester.ts).
 */
import type { RecvLengthKnowledge } from './digest-events';
import type { RecvHeader } from './recv-layouts';

/**
 * Largest <payload_len> taken as a length while guessing: beyond the receive buffer of any
 * Quectel firmware, so a stray number cannot swallow the rest of the session.
 */
const MAX_GUESSED_LENGTH = 64 * 1024;

export class RecvLengths {
  /** msg_len_enable per client index as the host configured it. */
  private readonly known = new Map<string, RecvLengthKnowledge>();

  constructor(private readonly fallback: RecvLengthKnowledge) {}

  /** `present` undefined forgets what was known of client `idx`. */
  set(idx: number, present: boolean | undefined): void {
    if (present === undefined) this.known.delete(String(idx));
    else this.known.set(String(idx), present ? 'present' : 'absent');
  }

  /** A module restart puts every client back to the default. */
  forget(): void {
    this.known.clear();
  }

  /**
   * Whether the payload after `header` is counted out by its length (undefined: the line has no
   * length), and whether that length is only a guess to be checked.
   */
  counting(header: RecvHeader): { guessed: boolean } | undefined {
    const knowledge = this.known.get(header.clientIdx) ?? this.fallback;
    if (knowledge === 'absent' || (knowledge === 'auto' && header.length > MAX_GUESSED_LENGTH)) return undefined;
    return { guessed: knowledge === 'auto' };
  }
}
