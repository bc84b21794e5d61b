/**
 * The text of a received message as +QMTRECV prints it (spec 4.2, 3.3.9):
 *   +QMTRECV: <client_idx>,<msgid>,"<topic>"[,<payload_len>],<payload>
 * <payload_len> when msg_len_enable = 1 (spec 3.3.1 "recv/mode"). The payload is quoted or bare
 * per reading A33. With "dataformat" recv_mode 1 (hex) the payload is printed as upper-case hex
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
  const text =
    config.dataformat.recvMode === 1 ? message.payload.toString('hex').toUpperCase() : message.payload.toString('latin1');
  const payload = variant.readings.A33 === 'quoted' ? `"${text}"` : text;
  const withLength = config.msgLenEnable === 1 && !faults.has('recv-length-missing');
  const length = withLength ? `,${text.length}` : '';
  return `+QMTRECV: ${clientIdx},${message.msgid},"${message.topic}"${length},${payload}`;
}
