/**
 * AT+QFUPL uploads (spec 5.2, Quectel FILE note): the module answers `CONNECT`, reads exactly
 * <size> raw bytes, then `+QFUPL: <size>,<checksum>` and OK. The harness computes the checksum
 * itself (never the simulator's code): XOR of the data as 16-bit big-endian words, an odd last
 * byte padded with a zero low byte — the 5.2 example prints it as hex (`+QFUPL: 1758,384a`).
 */
import type { QmtHost } from './host';
import { preconditionFailed } from './verdict';

export interface FileUpload {
  readonly data: Buffer;
}

export function uploadChecksum(data: Buffer): number {
  const padded = data.length % 2 === 0 ? data : Buffer.concat([data, Buffer.alloc(1)]);
  let checksum = 0;
  for (let offset = 0; offset < padded.length; offset += 2) checksum ^= padded.readUInt16BE(offset);
  return checksum;
}

/** The last command answered `+QFUPL: <size>,<checksum>` for `upload`, then OK (checksum compared as a number). */
export function expectUploadConfirmed(host: QmtHost, upload: FileUpload): void {
  host.expectFinal('OK');
  const { lines, command } = host.last.response;
  const size = upload.data.length;
  const checksum = uploadChecksum(upload.data);
  const expected = `+QFUPL: ${size},${checksum.toString(16)}`;
  const match = lines.length === 1 ? /^\+QFUPL:\s*(\d+),([0-9A-Fa-f]+)$/.exec(lines[0]) : null;
  if (!match || Number(match[1]) !== size || parseInt(match[2], 16) !== checksum) {
    // AT+QFUPL is the FILE note's command, not this note's: a failed upload is a precondition.
    throw preconditionFailed(
      `${command} confirmed ${lines.length ? lines.join(' | ') : 'nothing'} where ${expected} was expected`,
    );
  }
}
