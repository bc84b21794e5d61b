/**
 * What the module reported before the harness touched it, so a scenario's AT+QMTCFG changes can
 * be put back without a hard-coded table of defaults (a module the team has not characterised
 * declares none). Decision: snapshot every queryable sub-option of every client index once, when
 * the rig is adopted (and again after a restart, which itself resets them: spec 3.3.1 "not
 * saved"). Querying lazily "before the first set" would put extra commands into the scenario's
 * own transcript and timing, so it is not done.
 *
 * Cloud credentials (aliauth, onenet, hwauth, hwprodid) are never queried — their answers are
 * secrets — and cannot be cleared by a set; a scenario that configured one is followed by a
 * restart (AT+CFUN=1,1) instead.
 */
import type { AtClient } from '../at/at-client';
import { parseCommandLine } from '../qmt/command-line';
import type { VariantProfile } from '../variants/profile';

export const CLOUD_SUB_OPTIONS = new Set(['aliauth', 'onenet', 'hwauth', 'hwprodid']);
/** "willex" is written through a prompt; its state is the same as "will"'s (spec 3.3.1), restored through "will". */
const RESTORED_THROUGH: Record<string, string> = { willex: 'will' };
/** spec 3.3.1: <client_idx> 0-5. */
const CLIENT_INDEXES = [0, 1, 2, 3, 4, 5];

/** `"<sub>",<idx>` → the argument text after the index, exactly as the module reported it. */
export type SettingsBaseline = ReadonlyMap<string, string>;

const key = (sub: string, idx: string | number) => `${sub}/${idx}`;

export async function takeBaseline(
  at: AtClient,
  variant: VariantProfile,
  timeoutMs = 1_000,
): Promise<SettingsBaseline> {
  const baseline = new Map<string, string>();
  const subs = variant.capabilities.subOptions.filter((s) => !CLOUD_SUB_OPTIONS.has(s) && !(s in RESTORED_THROUGH));
  for (const sub of subs) {
    for (const idx of CLIENT_INDEXES) {
      const reply = await at.send(`AT+QMTCFG="${sub}",${idx}`, { timeoutMs }).catch(() => undefined);
      const values = reply?.final.kind === 'OK' ? valuesOf(reply.lines, sub) : undefined;
      if (values !== undefined) baseline.set(key(sub, idx), values);
    }
  }
  return baseline;
}

/** `+QMTCFG: "keepalive",120` → `120`; undefined when the line is not the sub-option's answer. */
export function valuesOf(lines: readonly string[], sub: string): string | undefined {
  const prefix = `+QMTCFG: "${sub}",`;
  const line = lines.map((l) => l.trim()).find((l) => l.toLowerCase().startsWith(prefix.toLowerCase()));
  const values = line?.slice(prefix.length).trim();
  return values ? values : undefined;
}

export interface ChangedSetting {
  readonly sub: string;
  readonly idx: string;
}

/** The AT+QMTCFG sets a scenario sent that the module accepted (OK). */
export function changedSettings(commands: readonly { command: string; ok: boolean }[]): ChangedSetting[] {
  const changed = new Map<string, ChangedSetting>();
  for (const { command, ok } of commands) {
    const line = parseCommandLine(command);
    if (!ok || line.name !== '+QMTCFG' || line.form !== 'set' || line.args.length < 3) continue;
    const sub = (line.args[0] ?? '').toLowerCase();
    changed.set(key(sub, line.args[1]), { sub, idx: line.args[1] ?? '0' });
  }
  return [...changed.values()];
}

export function needsRestart(changed: readonly ChangedSetting[]): boolean {
  return changed.some((c) => CLOUD_SUB_OPTIONS.has(c.sub));
}

/** The set commands that put `changed` back to the baseline; settings the baseline lacks are listed as not restorable. */
export function restoreCommands(
  changed: readonly ChangedSetting[],
  baseline: SettingsBaseline,
): { commands: string[]; unknown: string[] } {
  const commands = new Set<string>();
  const unknown: string[] = [];
  for (const { sub, idx } of changed) {
    const name = RESTORED_THROUGH[sub] ?? sub;
    const values = baseline.get(key(name, idx));
    if (values === undefined) unknown.push(`"${sub}",${idx}`);
    else commands.add(`AT+QMTCFG="${name}",${idx},${values}`);
  }
  return { commands: [...commands], unknown };
}
