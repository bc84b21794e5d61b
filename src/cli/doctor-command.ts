/**
 * `qmt doctor [--port …]`: checks each rig port before a run; one line per problem, exit code
 * 2 if there is any, else one "healthy" line per port and exit code 0.
 */
import { discoverModules } from '../rig/discovery';
import { examineRig } from '../rig/doctor';
import { checkInteger, UsageError } from './options';
import { placesForRun, type LabgridRunOptions } from './labgrid-places';

export interface DoctorCommandOptions extends Pick<LabgridRunOptions, 'place' | 'coordinator' | 'labgridClient'> {
  port: string[];
  baud: string;
  brokerHost: string;
  brokerListen: string;
  openTimeout: string;
  maxDrift: string;
  pdpCid: string;
}

export async function doctorCommand(
  options: DoctorCommandOptions,
  out: (line: string) => void = console.log,
): Promise<number> {
  const baud = checkInteger('--baud', options.baud, 1, 4_000_000);
  const settings = {
    baud,
    brokerHost: options.brokerHost,
    brokerListen: options.brokerListen,
    openTimeoutMs: checkInteger('--open-timeout', options.openTimeout, 1, 600) * 1000,
    maxDriftS: checkInteger('--max-drift', options.maxDrift, 0, 10 ** 9),
    pdpCid: checkInteger('--pdp-cid', options.pdpCid, 1, 15),
  };
  // labgrid places: acquired for the check (it talks to the module), released after it.
  const places = await placesForRun({
    place: options.place,
    coordinator: options.coordinator,
    labgridClient: options.labgridClient,
  });
  try {
    return await examinePorts(options, settings, places.ports, out);
  } finally {
    await places.release();
  }
}

async function examinePorts(
  options: DoctorCommandOptions,
  settings: Omit<Parameters<typeof examineRig>[0], 'port'>,
  placePorts: string[],
  out: (line: string) => void,
): Promise<number> {
  const { baud } = settings;
  let ports = [...options.port.filter((p) => p !== 'auto'), ...placePorts];
  if ((options.port.length === 0 && placePorts.length === 0) || options.port.includes('auto')) {
    const { modules, problems } = await discoverModules({ baud });
    ports = [...ports, ...modules.map((m) => m.port)];
    for (const p of problems) out(`qmt doctor: ${p.ports.join(',')}: no AT port: ${p.problem}`);
    if (ports.length === 0)
      throw new UsageError(
        'doctor: no --port given and no Quectel module found (USB vendor 2C7C; QMT_RIG_PORTS adds others)',
      );
  }
  let unhealthy = 0;
  for (const port of ports) {
    const report = await examineRig({ port, ...settings });
    for (const problem of report.problems) out(`qmt doctor: ${problem}`);
    if (report.problems.length) unhealthy++;
    else out(`qmt doctor: ${port}: healthy (${report.facts.join(', ')})`);
  }
  return unhealthy ? 2 : 0;
}
