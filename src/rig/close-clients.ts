/**
 * Brings a real module back to "no MQTT client open". As docs/field-evidence.md#recovery-between-scenarios says: close all clients and
 * tolerate +QMTSTAT arriving meanwhile (it is a URC and does not disturb this).
 */
import type { AtClient } from '../at/at-client';

export async function closeEveryClient(at: AtClient): Promise<void> {
  const opened = await at.send('AT+QMTOPEN?', { timeoutMs: 1_000 });
  const connected = await at.send('AT+QMTCONN?', { timeoutMs: 1_000 });
  const indexes = new Set<number>();
  for (const line of [...opened.lines, ...connected.lines]) {
    const match = /^\+QMT(?:OPEN|CONN):\s*(\d)/.exec(line);
    if (match) indexes.add(Number(match[1]));
  }
  for (const idx of indexes) {
    await at.send(`AT+QMTDISC=${idx}`, { timeoutMs: 30_000 }).catch(() => undefined);
    await at.send(`AT+QMTCLOSE=${idx}`, { timeoutMs: 30_000 }).catch(() => undefined);
  }
  if (indexes.size > 0) {
    // spec 3.3.3/3.3.5: the results arrive as URCs within 30 s; give them a moment to settle.
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
