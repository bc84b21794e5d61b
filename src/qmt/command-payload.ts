/**
 * Payloads the host types after the `>` prompt (spec 3.3.8 AT+QMTPUBEX, 3.3.1 "willex") and that
 * another client publishes, made to an exact size for length limits (e.g. 1500 / 1501 bytes).
 */

/** A recognisable, printable payload of an exact size: "0123456789" repeated. */
export function payloadOfSize(size: number): Buffer {
  return Buffer.from(Array.from({ length: size }, (_, i) => String(i % 10)).join(''), 'latin1');
}

/** Another client's payload of an exact size: "ABC…Z" repeated, unlike the host's own. */
export function publishedPayloadOfSize(size: number): string {
  return Array.from({ length: size }, (_, i) => String.fromCharCode(65 + (i % 26))).join('');
}
