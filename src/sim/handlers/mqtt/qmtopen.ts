/**
 * AT+QMTOPEN (spec 3.3.2): open the network for an MQTT client.
 *
 * ERROR at once (syntax / documented ranges): wrong argument count, <client_idx> not 0~5,
 * <host_name> empty or longer than 100 bytes, <port> not 1~65535.
 * After OK, +QMTOPEN: idx,<result>:
 *   2  the client already has a network (open or opening);
 *   1  SSL is enabled and its context names a certificate file that is not in UFS;
 *  4/1/-1/ERROR  <host_name> is not a well-formed IP address / domain name: the profile's
 *      reading open-bad-host (ERROR comes at once, instead of OK);
 *   3  <cid> of AT+QMTCFG="pdpcid" is not 1 (the simulator has only PDP context 1 active);
 *   4  the name does not resolve;
 *   5  the name resolves to an address off this machine (the simulator never leaves loopback:
 *      it behaves as if the network were down), or the connect fails with a network-down error;
 *  -1  the TCP connect is refused/fails, or the TLS handshake fails (docs/field-evidence.md#tls-open-failure);
 *   0  connected.
 */
import { isIP } from 'node:net';
import type { CommandHandler, HandlerContext } from '../../types';
import { clientIdxArg, intArg, stringArg } from '../../mqtt/args';
import { isLoopback, openLink, tlsMaterialFor, type TlsMaterial } from '../../mqtt/open-link';
import type { ClientSession } from '../../mqtt/session';
import { OPEN_RESULT } from '../../mqtt/stat-codes';
import { networkDelay } from '../../network-latency';

const HOST_MAX_BYTES = 100; // spec 3.3.2 <host_name>
const HOST_SYNTAX = /^[A-Za-z0-9._-]+$/;
const NETWORK_DOWN = new Set(['ENETUNREACH', 'ENETDOWN', 'EHOSTUNREACH', 'EHOSTDOWN']);

/** Reading open-bad-host: the <result> for a host name that is neither an IP address nor a domain name. */
const BAD_HOST_RESULT: Record<string, number> = {
  '4': OPEN_RESULT.dnsFailed,
  '1': OPEN_RESULT.wrongParameter,
  '-1': OPEN_RESULT.failed,
};

function isWellFormedHost(host: string): boolean {
  return isIP(host) !== 0 || HOST_SYNTAX.test(host);
}

export function qmtOpenHandler(sessions: readonly ClientSession[]): CommandHandler {
  return (command, ctx) => {
    if (command.form === 'test') {
      ctx.out.line('+QMTOPEN: (0-5),"hostname",(1-65535)');
      ctx.out.ok();
      return;
    }
    if (command.form === 'read') {
      // A22: "quoted" prints the host as the examples do; "bare" as the syntax line does.
      const quote = ctx.variant.readings.A22 === 'quoted' ? '"' : '';
      for (const s of sessions)
        if (s.hasConnection()) ctx.out.line(`+QMTOPEN: ${s.idx},${quote}${s.host}${quote},${s.port}`);
      ctx.out.ok();
      return;
    }
    const [idxArg, hostArg, portArg] = command.args;
    const idx = clientIdxArg(idxArg);
    const host = stringArg(hostArg);
    const port = intArg(portArg, 1, 65535);
    if (command.form !== 'set' || command.args.length !== 3 || idx === undefined) return ctx.out.error();
    if (port === undefined || host === undefined || host.length === 0 || Buffer.byteLength(host) > HOST_MAX_BYTES) {
      // Reading open-out-of-range "1": the command runs and reports "wrong parameter".
      if (ctx.variant.readings['open-out-of-range'] !== '1') return ctx.out.error();
      ctx.out.ok();
      sessions[idx].urc(`+QMTOPEN: ${idx},${OPEN_RESULT.wrongParameter}`);
      return;
    }
    if (!isWellFormedHost(host) && ctx.variant.readings['open-bad-host'] === 'error') return ctx.out.error();
    // Fault: the result URC is printed before OK (the note shows OK first; a host that reads up to OK hangs).
    if (ctx.faults.at('qmtopen.result-order')) {
      void open(sessions[idx], host, port, ctx).then(() => ctx.out.ok());
      return;
    }
    ctx.out.ok();
    void open(sessions[idx], host, port, ctx);
  };
}

async function open(session: ClientSession, host: string, port: number, ctx: HandlerContext): Promise<void> {
  const report = (result: number): void => session.urc(`+QMTOPEN: ${session.idx},${result}`);
  if (session.state !== 'closed') return report(OPEN_RESULT.occupied);
  if (!isWellFormedHost(host)) {
    // Fault: a host name that is no name is reported as result 5 "network disconnected".
    if (ctx.faults.at('qmtopen.bad-host-name-result')) return report(OPEN_RESULT.networkDisconnected);
    return report(BAD_HOST_RESULT[ctx.variant.readings['open-bad-host']] ?? OPEN_RESULT.wrongParameter);
  }
  const config = ctx.config[session.idx];
  let material: TlsMaterial | undefined;
  if (config.sslEnable === 1) {
    const found = tlsMaterialFor(ctx.sslContexts[config.sslCtxIdx], ctx.files, host);
    if (found === 'missing-file') return report(OPEN_RESULT.wrongParameter);
    material = found;
  }
  if (config.cid !== 1) return report(OPEN_RESULT.pdpActivationFailed);
  // spec 3.3.2 result 5 "network disconnection": the radio is off (AT+CFUN=0 or =4).
  if (!ctx.radioOn()) return report(OPEN_RESULT.networkDisconnected);
  const address = isIP(host) ? host : ctx.resolveHost(host);
  if (address === undefined) return report(OPEN_RESULT.dnsFailed);
  if (!isLoopback(address)) return report(OPEN_RESULT.networkDisconnected);

  const ticket = session.beginOpen(host, port);
  const outcome = await openLink(ctx.clock, address, port, material, ctx.dial);
  // The network's latency: socket set-up, then the handshake (../../network-latency.ts).
  await networkDelay(ctx.clock, session.env.latency, 2);
  if (!session.attach(ticket, outcome.ok ? outcome : undefined)) return; // reset meanwhile
  if (outcome.ok) return report(OPEN_RESULT.ok);
  if (ctx.faults.at('qmtopen.refused-result')) return report(OPEN_RESULT.ok);
  report(NETWORK_DOWN.has(outcome.errorCode) ? OPEN_RESULT.networkDisconnected : OPEN_RESULT.failed);
}
