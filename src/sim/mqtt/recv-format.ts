/**
 * The text of a received message as +QMTRECV prints it (spec 4.2, 3.3.9):
 *   +QMTRECV: <client_idx>,<msgid>,"<topic>"[,<payload_len>],<payload>
 * <payload_len> when msg_len_enable = 1 (spec 3.3.1 "recv/mode"). The payload is quoted or bare
 * per reading A33, or as the profile's recvLayout says (quoted, unquoted, or split: header with
 * the length, payload alone on the next line; docs/field-evidence.md#split-layout). With "dataformat" recv_mode 1 (hex) the payload is printed as upper-case hex
 * and <payload_len> counts the printed characters, so a host can take the length as authority.
 */
import type { ClientConfig, FaultSet } from '../types';
import type { VariantProfile } from '../../variants/profile';

export interface ReceivedMessage {
  msgid: number;
  topic: string;
  payload: Buffer;
}

export function formatReceived(
  clientIdx: number,
  message: ReceivedMessage,
  config: ClientConfig,
  variant: VariantProfile,
  faults: FaultSet,
): string {
  const full =
    config.dataformat.recvMode === 1
      ? message.payload.toString('hex').toUpperCase()
      : message.payload.toString('latin1');
  // Fault: a firmware that loses the payload's last byte, whatever layout it prints.
  const text = faults.at('recv-format.payload-text') ? full.slice(0, -1) : full;
  const printedLength = full.length;
  const layout = variant.recvLayout ?? (variant.readings.A33 === 'quoted' ? 'quoted' : 'unquoted');
  const withLength = config.msgLenEnable === 1 && !faults.at('recv-format.payload-length');
  const head = `+QMTRECV: ${clientIdx},${message.msgid},"${message.topic}"`;
  // One string with an inner CR LF: the writer frames it as two lines, header then payload.
  if (layout === 'split' && withLength) return `${head},${printedLength}\r\n${text}`;
  const payload = layout === 'unquoted' ? text : `"${text}"`;
  return `${head}${withLength ? `,${printedLength}` : ''},${payload}`;
}
