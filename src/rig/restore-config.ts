/**
 * On hardware the module outlives the scenario, and AT+QMTCFG settings persist until a restart
 * (spec 3.3.1: "not saved" — only a restart clears them). After a scenario the harness puts back
 * the profile's defaults for what the scenario changed; cloud credentials cannot be cleared by a
 * set, so a scenario that configured them is followed by a restart (AT+CFUN=1,1).
 */
import type { AtClient } from '../at/at-client';
import { parseCommandLine } from '../qmt/command-line';
import type { VariantProfile } from '../variants/profile';

const CLOUD = new Set(['aliauth', 'onenet', 'hwauth', 'hwprodid']);

function defaultArguments(sub: string, d: VariantProfile['defaults']): string | undefined {
  const table: Record<string, string> = {
    version: `${d.vsn}`,
    pdpcid: '1',
    ssl: `${d.sslEnable},${d.sslCtxIdx}`,
    keepalive: '120',
    session: `${d.cleanSession}`,
    timeout: `5,3,${d.timeoutNotice}`,
    will: '0',
    willex: undefined as unknown as string,
    'recv/mode': `${d.msgRecvMode},${d.msgLenEnable}`,
    qmtping: '5',
    'send/mode': `${d.sendMode}`,
    dataformat: `${d.sendMode},${d.recvMode}`,
    'view/mode': `${d.viewMode}`,
    'edit/timeout': `${d.editMode},${d.editTime}`,
  };
  return sub === 'willex' ? table.will : table[sub];
}

/** Commands the scenario sent that changed a setting (answered OK). */
export function changedSettings(commands: readonly { command: string; ok: boolean }[]): { sub: string; idx: string }[] {
  const changed = new Map<string, { sub: string; idx: string }>();
  for (const { command, ok } of commands) {
    const line = parseCommandLine(command);
    if (!ok || line.name !== '+QMTCFG' || line.form !== 'set' || line.args.length < 3) continue;
    const sub = (line.args[0] ?? '').toLowerCase();
    changed.set(`${sub}/${line.args[1]}`, { sub, idx: line.args[1] ?? '0' });
  }
  return [...changed.values()];
}

export async function restoreSettings(at: AtClient, variant: VariantProfile, changed: { sub: string; idx: string }[]): Promise<void> {
  if (changed.some((c) => CLOUD.has(c.sub))) {
    await at.send('AT+CFUN=1,1', { timeoutMs: 15_000 });
    await at.waitForUrc((u) => u.name === 'RDY', 30_000, undefined, 'RDY after restart').catch(() => undefined);
    return;
  }
  for (const { sub, idx } of changed) {
    const args = defaultArguments(sub, variant.defaults);
    const name = sub === 'willex' ? 'will' : sub;
    if (args !== undefined) await at.send(`AT+QMTCFG="${name}",${idx},${args}`, { timeoutMs: 1_000 }).catch(() => undefined);
  }
}
