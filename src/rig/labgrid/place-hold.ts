/**
 * `qmt run --place NAME` / `--reserve key=value[,…]`: labgrid places acquired for the run, their
 * serial ports, and a release that happens whatever ends the run. Reservations are labgrid's
 * queue: `reserve` files one (filters are place tags), `wait` polls it (a waiting reservation
 * lives only while polled: coordinator timeout 60 s), then `-p +TOKEN acquire` takes the place
 * the coordinator allotted.
 *
 * Released in every case: by `release()` when the run ends normally (pass or fail, the workers'
 * crashes included: the parent holds the places), and by a synchronous `labgrid-client release`
 * in the process's exit hook when it ends otherwise (SIGINT / SIGTERM through the run guard's
 * process.exit, an uncaught error). A signal that arrives while nothing else listens (waiting
 * for a place) ends the process the same way.
 */
import { LabgridClient, LabgridError, failureReason } from './client';
import { exporterOfShow, readPlaceEnv, readPlaces } from './place-resources';

export interface PlaceRequest {
  /** --place, each an exact place name. */
  readonly places: readonly string[];
  /** --reserve, each "key=value[,key=value…]": one place matching every tag. */
  readonly reserve: readonly string[];
  /** --wait: wait for a place someone else holds instead of refusing. */
  readonly wait: boolean;
}

export interface HeldPlace {
  readonly name: string;
  /** rfc2217://host:port (or tcp:// for a raw NetworkSerialPort). */
  readonly port: string;
  readonly exporter?: string;
  readonly power: boolean;
}

export interface PlaceHold {
  readonly places: readonly HeldPlace[];
  /** Releases every place this hold acquired and cancels its reservations; idempotent. */
  release(): Promise<void>;
}

/** A place held by someone else and no --wait: the run is refused, naming the holder. */
export class PlaceBusyError extends LabgridError {}

// labgrid/remote/common.py: TAG_KEY, TAG_VAL (the coordinator refuses others).
const TAG_KEY = /^[a-z][a-z0-9_]+$/;
const TAG_VAL = /^[a-z0-9_]?[a-z0-9_-]*$/;

/** Checks --reserve before any work: "key=value[,key=value…]" in labgrid's tag syntax. */
export function parseReservation(text: string): string[] {
  const pairs = text.split(',').map((p) => p.trim());
  for (const pair of pairs) {
    const [key, value, ...rest] = pair.split('=');
    if (value === undefined || rest.length) throw new Error(`"${pair}" is not key=value`);
    if (!TAG_KEY.test(key as string)) throw new Error(`tag key "${key}" is not a labgrid tag key ([a-z][a-z0-9_]+)`);
    if (!TAG_VAL.test(value)) throw new Error(`tag value "${value}" is not a labgrid tag value ([a-z0-9_-])`);
  }
  return pairs;
}

const POLL_MS = 2_000;
/** After acquire the exporter starts ser2net; its port reaches the coordinator shortly after. */
const PORT_APPEARS_MS = 10_000;

export async function holdPlaces(
  client: LabgridClient,
  request: PlaceRequest,
  log: (line: string) => void,
): Promise<PlaceHold> {
  const acquired: string[] = [];
  const tokens: string[] = [];
  const stops = new Set<() => void>();
  let released = false;
  const releaseSync = () => {
    if (released) return;
    released = true;
    stops.forEach((stop) => stop());
    for (const name of acquired) client.runSync(name, ['release']);
    for (const token of tokens) client.runSync(undefined, ['cancel-reservation', token]);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    // Someone else (the run guard, the worker pool) handles the signal and exits: the exit hook releases.
    if (process.listenerCount(signal) > 1) return;
    log(`${signal} while holding labgrid places: releasing ${acquired.join(', ') || 'nothing yet'}`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('exit', releaseSync);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const unhook = () => {
    process.off('exit', releaseSync);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  const release = async () => {
    if (released) return;
    released = true;
    stops.forEach((stop) => stop());
    await Promise.all(acquired.map((name) => client.run(name, ['release'])));
    await Promise.all(tokens.map((token) => client.run(undefined, ['cancel-reservation', token])));
    if (acquired.length) log(`released labgrid place${acquired.length === 1 ? '' : 's'} ${acquired.join(', ')}`);
    unhook();
  };
  try {
    const byName = request.places.map(async (name) => {
      await acquireNamed(client, name, request.wait, log, stops);
      acquired.push(name);
      return name;
    });
    const byReservation = request.reserve.map(async (filter) => {
      const name = await acquireReserved(client, filter, log, tokens, stops);
      acquired.push(name);
      return name;
    });
    // The first refusal stops the others (a pending `wait`), then every one has settled before release.
    const settled = await Promise.allSettled(
      [...byName, ...byReservation].map((p) =>
        p.catch((error: unknown) => {
          stops.forEach((stop) => stop());
          throw error;
        }),
      ),
    );
    const refused = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (refused) throw refused.reason;
    const names = settled.map((s) => (s as PromiseFulfilledResult<string>).value);
    const places = await Promise.all(names.map((name) => describeHeld(client, name)));
    for (const p of places)
      log(
        `labgrid place ${p.name}${p.exporter ? ` on exporter ${p.exporter}` : ''}: ${p.port}${p.power ? ' (power switch: yes)' : ''}`,
      );
    return { places, release };
  } catch (error) {
    await release().catch(() => releaseSync());
    throw error;
  }
}

/** Acquires the place by its name; with `wait`, polls while someone else holds it. */
async function acquireNamed(
  client: LabgridClient,
  name: string,
  wait: boolean,
  log: (line: string) => void,
  stops: Set<() => void>,
): Promise<void> {
  let said = false;
  let stopped = false;
  const stop = () => (stopped = true);
  stops.add(stop);
  try {
    for (;;) {
      const result = await client.run(name, ['acquire']);
      if (result.code === 0) return;
      const reason = failureReason(result);
      // Held by this very user and host: another qmt run (or a labgrid-client acquire) is using
      // the module; two runs on one module would spoil both.
      if (/You have already acquired place/.test(reason))
        throw new PlaceBusyError(
          `--place ${name}: already held by you (another run, or labgrid-client acquire); release it first`,
        );
      const holder = /already acquired by (\S+?)\.?(?:\s|$)/.exec(reason)?.[1];
      if (!holder)
        throw new LabgridError(
          `--place ${name}: ${reason.replace(/^place pattern \S+ matches nothing$/, 'no such place')}`,
        );
      if (!wait) throw new PlaceBusyError(`--place ${name}: held by ${holder} (--wait waits for it)`);
      if (!said) log(`labgrid place ${name} is held by ${holder}: waiting for it (--wait)`);
      said = true;
      await new Promise((r) => setTimeout(r, POLL_MS));
      if (stopped) throw new LabgridError(`--place ${name}: stopped waiting`);
    }
  } finally {
    stops.delete(stop);
  }
}

/** Files a reservation, waits until the coordinator allots a place, acquires it; its name. */
async function acquireReserved(
  client: LabgridClient,
  filter: string,
  log: (line: string) => void,
  tokens: string[],
  stops: Set<() => void>,
): Promise<string> {
  const pairs = parseReservation(filter);
  const out = await client.check(undefined, ['reserve', '--shell', ...pairs]);
  const token = /LG_TOKEN=(\S+)/.exec(out)?.[1];
  if (!token) throw new LabgridError(`--reserve ${filter}: labgrid-client reserve printed no token: ${out.trim()}`);
  tokens.push(token);
  log(`labgrid reservation ${token} for ${pairs.join(',')}: waiting for a free place`);
  // `wait` polls every second, which also keeps the waiting reservation alive.
  const waited = await client.run(undefined, ['wait', token], (stop) => stops.add(stop));
  if (waited.code !== 0) throw new LabgridError(`--reserve ${filter}: ${failureReason(waited)}`);
  await client.check(`+${token}`, ['acquire']);
  const name = readPlaces(await client.check(`+${token}`, ['show']))[0]?.name;
  if (!name) throw new LabgridError(`--reserve ${filter}: reservation ${token} names no place`);
  log(`labgrid reservation ${token}: place ${name}`);
  return name;
}

/** The acquired place's serial port (and power switch, exporter); a place without one is an error. */
export async function describeHeld(client: LabgridClient, name: string): Promise<HeldPlace> {
  const deadline = Date.now() + PORT_APPEARS_MS;
  for (;;) {
    const [envText, showText] = await Promise.all([client.check(name, ['env']), client.check(name, ['show'])]);
    const shown = readPlaces(showText)[0]?.name;
    // labgrid matches -p by substring; a run must be on exactly the place it names.
    if (!name.startsWith('+') && shown !== undefined && shown !== name)
      throw new LabgridError(`--place ${name}: no place of that name (labgrid matched ${shown}; give the exact name)`);
    const resources = readPlaceEnv(envText, name);
    const exporter = exporterOfShow(showText);
    if (resources.serialPorts.length > 1)
      throw new LabgridError(
        `labgrid place ${name} has ${resources.serialPorts.length} serial ports; qmt needs exactly the module's AT port`,
      );
    const [port] = resources.serialPorts;
    if (port) return { name, port, exporter, power: resources.power };
    if (Date.now() > deadline)
      throw new LabgridError(
        `labgrid place ${name} has no serial port (no NetworkSerialPort among its resources, or its exporter did not start ser2net)`,
      );
    await new Promise((r) => setTimeout(r, 500));
  }
}
