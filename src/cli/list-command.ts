/**
 * `qmt list [--json]`: the Quectel modules attached to this host (USB vendor 0x2C7C, plus the
 * QMT_RIG_PORTS candidates), one line each: AT port, variant profile, model, firmware, IMEI
 * (masked to its last 4 digits, as in reports: an IMEI identifies a customer's device).
 * Ports of a Quectel device where nothing answered AT are listed as problems.
 */
import { maskImei } from '../report/labels';
import { discoverModules, type Discovery } from '../rig/discovery';
import { checkInteger } from './options';
import { labgridListCommand, type LabgridListOptions } from './labgrid-list';

export interface ListCommandOptions extends LabgridListOptions {
  json?: boolean;
  /** The labgrid coordinator's places instead of the modules attached here. */
  labgrid?: boolean;
  baud: string;
}

export async function listCommand(
  options: ListCommandOptions,
  out: (line: string) => void = console.log,
): Promise<number> {
  if (options.labgrid) return labgridListCommand(options, out);
  const discovery = await discoverModules({ baud: checkInteger('--baud', options.baud, 1, 4_000_000) });
  if (options.json) {
    out(JSON.stringify(asJson(discovery), null, 2));
    return 0;
  }
  if (discovery.modules.length === 0)
    out('qmt list: no Quectel module found (USB vendor 2C7C; QMT_RIG_PORTS adds ser2net / RFC 2217 / other ports)');
  for (const m of discovery.modules) {
    const { identity } = m;
    out(
      [
        m.port,
        m.variant ?? '(no profile)',
        identity.model,
        identity.build ?? identity.revision,
        identity.imei ? `IMEI ${maskImei(identity.imei)}` : 'IMEI ?',
      ].join('\t') + (m.otherPorts.length ? `\talso ${m.otherPorts.join(',')}` : ''),
    );
  }
  for (const p of discovery.problems) out(`${p.ports.join(',')}\tno AT port: ${p.problem}`);
  return 0;
}

function asJson(discovery: Discovery) {
  return {
    modules: discovery.modules.map((m) => ({
      port: m.port,
      variant: m.variant ?? null,
      manufacturer: m.identity.manufacturer,
      model: m.identity.model,
      revision: m.identity.revision,
      build: m.identity.build ?? null,
      imei: m.identity.imei ? maskImei(m.identity.imei) : null,
      otherPorts: m.otherPorts,
    })),
    problems: discovery.problems,
  };
}
