/**
 * The name of the rig host a result came from, so a report merged from many rigs (CI matrix,
 * examples/ci/) says where each module was attached: QMT_RIG_NAME when the pipeline sets one,
 * else the host name.
 */
import { hostname } from 'node:os';

export const RIG_NAME_ENV = 'QMT_RIG_NAME';

export function rigHostName(env: NodeJS.ProcessEnv = process.env): string {
  return env[RIG_NAME_ENV]?.trim() || hostname();
}
