/**
 * The payload format a messaging scenario relies on. spec 3.3.1 "send/mode" and "dataformat":
 * <send_mode> and <recv_mode> are 0 = string, 1 = hex, and the note states no default for either
 * (A8: any value is a conformant default). A scenario that types a payload as text, or compares a
 * received payload with text, therefore sets string mode first instead of assuming it. Both
 * sub-options are set because the note does not say whether they share <send_mode> (A15).
 */
import type { QmtHost } from './host';

export function textPayloadCommands(idx: number): string[] {
  return [`AT+QMTCFG="send/mode",${idx},0`, `AT+QMTCFG="dataformat",${idx},0,0`];
}

export async function useTextPayloads(host: QmtHost, clients: readonly number[]): Promise<void> {
  for (const idx of clients) {
    for (const command of textPayloadCommands(idx)) {
      await host.send(command);
      host.expectFinal('OK');
    }
  }
}

/** "0", "3 and 4", "0, 1 and 2" → client indexes. */
export function clientList(text: string): number[] {
  return text
    .split(/\s*(?:,|\band\b)\s*/)
    .filter(Boolean)
    .map(Number);
}
