/**
 * Example: the MQTT flow of a host MCU, as its firmware developer would write it, tested against
 * the simulated module before any hardware is on the desk:
 *
 *   npx qmt-sim --pty --latency field          # prints /dev/pts/N
 *   node -r ./scripts/register-ts.js examples/mqtt-client/client.ts /dev/pts/N 127.0.0.1 1883
 *
 * open → connect → subscribe → publish (payload after the `>` prompt) → read our own message
 * back → disconnect → close. Every result URC is awaited on its own (it comes after OK, up to
 * seconds later on a live network); the application note's maximum response times are the
 * timeouts (spec 3.3.2: 120 s for AT+QMTOPEN; 3.3.4-3.3.8: <pkt_timeout> × retries, 5 s × 3 by
 * default, so 20 s here). test/e2e/example-client.test.ts runs it in `npm test`, echo and
 * latency on.
 */
import { AtPort } from './at-port';

export interface SmokeOptions {
  /** Serial device of the module (or of `qmt-sim --pty`). */
  readonly device: string;
  /** The broker as the module must dial it. */
  readonly brokerHost: string;
  readonly brokerPort: number;
  readonly clientId?: string;
  readonly topic?: string;
  readonly payload?: string;
}

export interface SmokeResult {
  /** The message the module delivered back (+QMTRECV), topic and payload. */
  readonly received: { topic: string; payload: string };
  /** Milliseconds from OK to each result URC: what a client that stops reading at OK would miss. */
  readonly afterOkMs: Record<string, number>;
  /** Every line the module sent (the developer's log). */
  readonly log: readonly string[];
}

const OPEN_MS = 120_000; // spec 3.3.2 maximum response time
const PACKET_MS = 20_000; // <pkt_timeout> 5 s × (1 + <retry_times> 3), spec 3.3.1 defaults

export async function runSmokeFlow(options: SmokeOptions): Promise<SmokeResult> {
  const topic = options.topic ?? 'example/mcu/echo';
  const payload = options.payload ?? 'hello from the MCU';
  const at = await AtPort.open(options.device);
  const afterOkMs: Record<string, number> = {};
  // Sends a command, then waits for its result URC; returns the URC's fields after the prefix.
  const request = async (name: string, command: string, urc: string, timeoutMs: number): Promise<string[]> => {
    await at.command(command);
    const ok = Date.now();
    const line = await at.waitFor(urc, timeoutMs);
    afterOkMs[name] = Date.now() - ok;
    return line.slice(urc.length).split(',');
  };
  try {
    await at.command('AT'); // the module is there (echo may be on: AtPort skips it)
    const [open] = await request(
      'open',
      `AT+QMTOPEN=0,"${options.brokerHost}",${options.brokerPort}`,
      '+QMTOPEN: 0,',
      OPEN_MS,
    );
    if (open !== '0') throw new Error(`AT+QMTOPEN failed: result ${open}`);
    const conn = await request(
      'connect',
      `AT+QMTCONN=0,"${options.clientId ?? 'example-mcu'}"`,
      '+QMTCONN: 0,',
      PACKET_MS,
    );
    if (conn[0] !== '0' || (conn[1] ?? '0') !== '0')
      throw new Error(`AT+QMTCONN failed: +QMTCONN: 0,${conn.join(',')}`);
    const sub = await request('subscribe', `AT+QMTSUB=0,1,"${topic}",1`, '+QMTSUB: 0,1,', PACKET_MS);
    if (sub[0] !== '0') throw new Error(`AT+QMTSUB failed: result ${sub[0]}`);
    // Publish: the payload goes only after the prompt (a byte sent earlier would be taken as a command).
    await at.commandWithPayload(`AT+QMTPUBEX=0,2,1,0,"${topic}",${Buffer.byteLength(payload)}`, payload);
    const ok = Date.now();
    const pub = await at.waitFor('+QMTPUBEX: 0,2,', PACKET_MS);
    afterOkMs.publish = Date.now() - ok;
    if (!pub.endsWith(',0')) throw new Error(`AT+QMTPUBEX failed: ${pub}`);
    const received = parseRecv(await at.waitFor('+QMTRECV: 0,', PACKET_MS));
    const disc = await request('disconnect', 'AT+QMTDISC=0', '+QMTDISC: 0,', PACKET_MS);
    if (disc[0] !== '0') throw new Error(`AT+QMTDISC failed: result ${disc[0]}`);
    // After AT+QMTDISC the network is already gone: some firmware (EC200U) gives AT+QMTCLOSE no
    // result at all, others +QMTCLOSE: 0,-1. Wait a little, accept either, never hang on it.
    await at.command('AT+QMTCLOSE=0');
    await at.arrives('+QMTCLOSE: 0,', 3000);
    return { received, afterOkMs, log: at.log };
  } finally {
    await at.close();
  }
}

/**
 * +QMTRECV: <idx>,<msgid>,"<topic>"[,<payload_len>],"<payload>" — with or without the length
 * (<msg_len_enable>), payload quoted or bare (firmware differs, docs/field-evidence.md#qmtrecv-layouts).
 */
export function parseRecv(line: string): { topic: string; payload: string } {
  const match = /^\+QMTRECV: \d,\d+,"([^"]*)",(?:(\d+),)?(.*)$/.exec(line);
  if (!match) throw new Error(`not a +QMTRECV message: ${line}`);
  const rest = match[3];
  const payload =
    match[2] !== undefined ? rest.replace(/^"/, '').slice(0, Number(match[2])) : rest.replace(/^"(.*)"$/, '$1');
  return { topic: match[1], payload };
}

if (require.main === module) {
  const [device, host = '127.0.0.1', port = '1883'] = process.argv.slice(2);
  if (!device) {
    console.error('usage: client.ts <serial device> [broker host] [broker port]');
    process.exit(2);
  }
  runSmokeFlow({ device, brokerHost: host, brokerPort: Number(port) }).then(
    (result) => {
      console.log(`received "${result.received.payload}" on ${result.received.topic}`);
      console.log(`result URCs after OK (ms): ${JSON.stringify(result.afterOkMs)}`);
    },
    (error: Error) => {
      console.error(`example client: ${error.message}`);
      process.exit(1);
    },
  );
}
