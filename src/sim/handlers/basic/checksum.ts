/**
 * The +QFUPL checksum (spec 5.2 shows `+QFUPL: 1758,384a`): XOR of the data taken as 16-bit
 * big-endian words; an odd last byte is the high byte of a final word with a zero low byte.
 * Printed as lower-case hex without leading zeros, as the example prints it.
 */
export function qfuplChecksum(data: Buffer): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += 2) {
    const high = data[i];
    const low = i + 1 < data.length ? data[i + 1] : 0;
    sum ^= (high << 8) | low;
  }
  return sum;
}

export function formatChecksum(sum: number): string {
  return sum.toString(16);
}
