/**
 * Which arguments of a command line are secrets, so the transcript and reports never show them:
 * the QMTCONN password (spec 3.3.4), the Alibaba device secret, the OneNET access key, the Huawei
 * device and product secrets (spec 3.3.1).
 */
import { parseCommandLine } from './command-line';

const SECRET_ARGUMENTS: Record<string, Record<string, number[]> | number[]> = {
  // AT+QMTCONN=<client_idx>,<clientid>,<username>,<password>
  '+QMTCONN': [3],
  // AT+QMTCFG="<sub-option>",<client_idx>,… — positions counted from the sub-option name.
  '+QMTCFG': { aliauth: [4], onenet: [3], hwauth: [3], hwprodid: [3] },
};

export function secretsInCommand(raw: string): string[] {
  const line = parseCommandLine(raw);
  if (line.form !== 'set') return [];
  const spec = SECRET_ARGUMENTS[line.name];
  if (!spec) return [];
  const positions = Array.isArray(spec) ? spec : (spec[(line.args[0] ?? '').toLowerCase()] ?? []);
  return positions.map((i) => line.args[i]).filter((s): s is string => typeof s === 'string' && s.length > 0);
}
