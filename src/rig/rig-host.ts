/**
 * The name of the rig host a result came from, so a report merged from many rigs (CI matrix,
 * examples/ci/) says where each module was attached: QMT_RIG_NAME when the pipeline sets one,
 * else the host name. Allure itself labels every result "host" (from ALLURE_HOST_NAME, else the
 * host name); the run sets that variable, so there is one "host" label and it names the rig.
 */
import { hostname } from 'node:os';

export const RIG_NAME_ENV = 'QMT_RIG_NAME';

export function rigHostName(env: NodeJS.ProcessEnv = process.env): string {
  return env[RIG_NAME_ENV]?.trim() || hostname();
}

/** Before the suite starts: Allure's own "host" label then carries the rig's name. */
export function applyRigHostName(env: NodeJS.ProcessEnv = process.env): void {
  if (env[RIG_NAME_ENV]?.trim()) env.ALLURE_HOST_NAME = rigHostName(env);
}
