/**
 * Which arguments of a command line are secrets, so the transcript and reports never show them:
 * the QMTCONN password (spec 3.3.4), the Alibaba device secret, the OneNET access key, the Huawei
 * device and product secrets (spec 3.3.1), as the commands' descriptors name them (src/at/commands).
 */
import { SECRET_ARGUMENTS } from '../at/commands/tables';
import { parseCommandLine } from './command-line';

export function secretsInCommand(raw: string): string[] {
  const line = parseCommandLine(raw);
  if (line.form !== 'set') return [];
  const spec = SECRET_ARGUMENTS[line.name];
  if (!spec) return [];
  const positions = Array.isArray(spec) ? spec : (spec[(line.args[0] ?? '').toLowerCase()] ?? []);
  return positions.map((i) => line.args[i]).filter((s): s is string => typeof s === 'string' && s.length > 0);
}
