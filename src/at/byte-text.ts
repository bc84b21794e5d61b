/** Readable rendering of wire bytes: printable ASCII as is, <CR>, <LF>, other bytes as <0xNN>. */
export function escapeBytes(bytes: Buffer): string {
  let out = '';
  for (const b of bytes) {
    if (b === 0x0d) out += '<CR>';
    else if (b === 0x0a) out += '<LF>';
    else if (b >= 0x20 && b <= 0x7e) out += String.fromCharCode(b);
    else out += `<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`;
  }
  return out;
}

/** Classic 16-bytes-a-row hex dump with an ASCII column. */
export function hexDump(bytes: Buffer, indent = '  '): string {
  const rows: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += 16) {
    const row = bytes.subarray(offset, offset + 16);
    const hex = [...row].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = [...row].map((b) => (b >= 0x20 && b <= 0x7e ? String.fromCharCode(b) : '.')).join('');
    rows.push(`${indent}${offset.toString(16).padStart(4, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  return rows.join('\n');
}
