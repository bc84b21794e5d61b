/**
 * The one place where what the user named with `--port` becomes the list of module ports a run
 * uses: explicit ports as given, `auto` expanded by discovery. Every port check runs on its result.
 */
import type * as Discovery from '../rig/discovery';
import { UsageError } from './options';

/** `--port auto` expands to every module discovery finds (besides the ports named explicitly). */
export async function resolvePorts(given: readonly string[], baud: number): Promise<string[]> {
  if (!given.includes('auto')) return [...given];
  // Loaded on use: each run worker of a multi-module run starts faster without it.
  const { discoverModules } = require('../rig/discovery') as typeof Discovery;
  const { modules, problems } = await discoverModules({ baud });
  for (const p of problems) console.log(`qmt: --port auto: skipping ${p.ports.join(',')}: ${p.problem}`);
  for (const m of modules)
    console.log(
      `qmt: --port auto: ${m.variant ?? 'unknown variant'} (${m.identity.model}, ${m.identity.revision}) on ${m.port}`,
    );
  if (modules.length === 0)
    throw new UsageError(
      '--port auto: no Quectel module found (USB vendor 2C7C; QMT_RIG_PORTS adds ser2net / RFC 2217 / other ports)',
    );
  return [...given.filter((p) => p !== 'auto'), ...modules.map((m) => m.port)];
}
