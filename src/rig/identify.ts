/**
 * Who is on the other end of the wire: ATI (manufacturer, model, revision), AT+GMR (revision),
 * AT+QGMR (Quectel's full build, when answered), AT+CGSN (IMEI). The firmware revision in every report comes from here, never from the profile.
 */
import type { AtClient } from '../at/at-client';
import type { ModuleIdentity } from './types';

const LIMIT_MS = 1_000;

export async function identifyModule(at: AtClient): Promise<ModuleIdentity> {
  const ati = await at.send('ATI', { timeoutMs: LIMIT_MS });
  const lines = ati.lines.map((l) => l.trim()).filter(Boolean);
  const revisionLine = lines.find((l) => /^Revision:/i.test(l));
  const gmr = await at.send('AT+GMR', { timeoutMs: LIMIT_MS });
  const gmrRevision = gmr.final.kind === 'OK' ? gmr.lines.map((l) => l.trim()).find(Boolean) : undefined;
  const qgmr = await at.send('AT+QGMR', { timeoutMs: LIMIT_MS });
  const build = qgmr.final.kind === 'OK' ? qgmr.lines.map((l) => l.trim()).find(Boolean) : undefined;
  const cgsn = await at.send('AT+CGSN', { timeoutMs: LIMIT_MS });
  const imei =
    cgsn.final.kind === 'OK' ? cgsn.lines.map((l) => l.trim()).find((l) => /^\d{14,16}$/.test(l)) : undefined;
  return {
    manufacturer: lines[0] ?? 'unknown',
    model: lines.find((l, i) => i > 0 && !/^Revision:/i.test(l)) ?? 'unknown',
    revision: gmrRevision ?? revisionLine?.replace(/^Revision:\s*/i, '') ?? 'unknown',
    imei,
    ...(build ? { build } : {}),
  };
}
