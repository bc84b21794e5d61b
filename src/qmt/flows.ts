/**
 * Preconditions many scenarios share, each the spec's own flow (chapter 2, figure 1), checked
 * on the way: a precondition that fails says which step of the flow the module broke.
 */
import type { QmtHost } from './host';
import { preconditionFailed } from './verdict';

export async function openNetwork(host: QmtHost, idx: number, brokerHost: string, port: number): Promise<void> {
  await host.send(`AT+QMTOPEN=${idx},"${brokerHost}",${port}`);
  host.expectFinal('OK');
  await host.expectUrc(`+QMTOPEN: ${idx},0`);
}

export async function connectClient(host: QmtHost, idx: number, clientId: string): Promise<void> {
  await host.send(`AT+QMTCONN=${idx},"${clientId}"`);
  host.expectFinal('OK');
  await host.expectUrc(`+QMTCONN: ${idx},0,0`);
}

export async function subscribe(host: QmtHost, idx: number, msgid: number, topic: string, qos: number): Promise<void> {
  await host.send(`AT+QMTSUB=${idx},${msgid},"${topic}",${qos}`);
  host.expectFinal('OK');
  await host.expectUrc(`+QMTSUB: ${idx},${msgid},0,${qos}`);
}

/** AT+CFUN=1,1 restarts the module; it is back when RDY arrives (docs/field-evidence.md#power-up-urcs). */
export async function restartModule(host: QmtHost): Promise<void> {
  const restart = await host.send('AT+CFUN=1,1');
  host.expectFinal('OK'); // a failure is "precondition:" (AT+CFUN is 3GPP 27.007's, not this note's)
  try {
    await host.expectUrc('RDY', {
      withinMs: 15_000,
      source: 'harness limit for a restart',
      since: restart.response.sentAt,
    });
  } catch (error) {
    throw preconditionFailed(
      `the module did not come back after AT+CFUN=1,1: ${(error as Error).message.replace(/^non-conformance: /, '')}`,
    );
  }
  // A restarted module has its power-up echo again (EC200U boots with ATE1, docs/field-evidence.md#echo-at-power-up): echo off
  // as every scenario assumes; ATE0 is V.25ter's, so a refusal is a precondition failure.
  await host.send('ATE0');
  host.expectFinal('OK');
}
