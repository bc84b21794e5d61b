/**
 * Whether a command the host sends now is the command a recording holds, allowing for what
 * legitimately differs between two runs of the same scenario:
 * - a secret the harness masked in the transcript (`***`, src/secrets) matches any text: every
 *   run makes up fresh secrets;
 * - AT+QMTOPEN's address and port of the broker fixture (both IP literals / both ports from 1024
 *   up): the fixture listens on an ephemeral port per scenario, and a rig run dials the rig's address.
 * The address mapping is kept so the module's answers (AT+QMTOPEN? prints them) are rewritten.
 */
const SECRET_MASK = '***';

export interface AddressMap {
  /** recorded → live, e.g. "127.0.0.1,40123" → "127.0.0.1,45555". */
  readonly host: Map<string, string>;
  readonly port: Map<string, string>;
}

export function newAddressMap(): AddressMap {
  return { host: new Map(), port: new Map() };
}

/**
 * True when `live` is the recorded command `recorded`; learns the fixture's address into `map`.
 * `hosts` (qmt-sim --host name=ip) lets a host name the recording dialled (a field log's
 * `"broker.example.com"`) stand for the local broker the host dials now.
 */
export function sameCommand(
  recorded: string,
  live: string,
  map: AddressMap,
  hosts: Readonly<Record<string, string>> = {},
): boolean {
  if (recorded === live) return true;
  const upload = /^AT\+QFUPL=/i.test(recorded);
  if (!recorded.includes(SECRET_MASK) && !/^AT\+QMTOPEN=/i.test(recorded) && !upload) return false;
  const a = splitArgs(recorded);
  const b = splitArgs(live);
  if (a.length !== b.length) return false;
  const open = /^AT\+QMTOPEN=/i.test(recorded) && a.length === 3;
  const learned: [Map<string, string>, string, string][] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (a[i].includes(SECRET_MASK) && maskPattern(a[i]).test(b[i])) continue;
    if (open && i === 1 && ((isIpLiteral(a[i]) && isIpLiteral(b[i])) || mappedName(a[i], b[i], hosts))) {
      learned.push([map.host, unquote(a[i]), unquote(b[i])]);
      continue;
    }
    // A file made for each run (a fresh CA certificate) has its own size.
    if (upload && i === 1 && /^\d+$/.test(a[i]) && /^\d+$/.test(b[i])) continue;
    // One recorded port is one live port for the whole session (the fixture's, a refusing port's).
    if (open && i === 2 && isPort(a[i]) && isPort(b[i]) && samePortMapping(map, a[i], b[i])) {
      learned.push([map.port, a[i], b[i]]);
      continue;
    }
    return false;
  }
  for (const [target, from, to] of learned) target.set(from, to);
  return true;
}

/** Rewrites the recorded fixture address in the module's output (e.g. `+QMTOPEN: 0,"127.0.0.1",40123`). */
export function rewriteAddresses(text: string, map: AddressMap): string {
  let out = text;
  for (const [from, to] of map.port) {
    out = out.replace(new RegExp(`(\\+QMTOPEN: \\d,"?[^",]*"?,)${from}\\b`, 'g'), `$1${to}`);
  }
  for (const [from, to] of map.host) out = out.split(`"${from}"`).join(`"${to}"`).split(`,${from},`).join(`,${to},`);
  return out;
}

/** Splits on commas outside double quotes (the note's quoted strings hold commas). */
function splitArgs(line: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

function maskPattern(token: string): RegExp {
  return new RegExp(
    `^${token
      .split(SECRET_MASK)
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    's',
  );
}

function samePortMapping(map: AddressMap, recorded: string, live: string): boolean {
  // A well-known port (below 1024) is never one the system hands out to a listener on port 0, so
  // the scenario named it itself: it stands only for itself.
  if (Number(recorded) < 1024 || Number(live) < 1024) return false;
  const known = map.port.get(recorded);
  if (known !== undefined) return known === live;
  return ![...map.port.values()].includes(live);
}

function mappedName(recorded: string, live: string, hosts: Readonly<Record<string, string>>): boolean {
  const name = unquote(recorded).toLowerCase();
  const ip = Object.entries(hosts).find(([n]) => n.toLowerCase() === name)?.[1];
  return ip !== undefined && (ip === unquote(live) || unquote(live).toLowerCase() === name);
}

/** The live text a masked recorded argument stands for (`"***"` → the host's secret), by position. */
export function maskedValues(recorded: string, live: string): Map<number, string> {
  const out = new Map<number, string>();
  const a = splitArgs(recorded);
  const b = splitArgs(live);
  a.forEach((token, i) => {
    if (token.includes(SECRET_MASK) && b[i] !== undefined) out.set(i, unquote(b[i]));
  });
  return out;
}

function unquote(token: string): string {
  return token.replace(/^"(.*)"$/, '$1');
}

function isIpLiteral(token: string): boolean {
  const t = unquote(token);
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(t) || (/^[0-9a-f:]+$/i.test(t) && t.includes(':'));
}

function isPort(token: string): boolean {
  return /^\d{1,5}$/.test(token) && Number(token) >= 1 && Number(token) <= 65535;
}
