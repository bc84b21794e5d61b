/**
 * The harness's own speed (never a pass/fail threshold): digester throughput, the whole
 * catalog against the built-in simulator, and the virtual-time timer scenarios.
 * `npm run bench`; prints one line per measurement.
 */
import { Digester } from '../src/at/digester';
import { runSuite } from '../src/cli/cucumber-runner';
import { RunConfigSchema } from '../src/cli/run-config';

const SESSION = Buffer.from(
  '\r\nOK\r\n\r\n+QMTOPEN: 0,0\r\n\r\n+QMTCFG: "keepalive",120\r\n\r\nOK\r\n' +
    '\r\n+QMTRECV: 0,1,"topic/example",36,"This is the payload related to topic"\r\n' +
    '\r\n+QMTSTAT: 0,1\r\n\r\n+QMTPUBEX: 0,1,0\r\n',
  'latin1',
);

function benchDigester(): void {
  const rounds = 20_000;
  const digester = new Digester();
  const started = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) {
    digester.startCommand('AT+QMTCFG="keepalive",0');
    // Split in three places, as a UART would deliver it.
    digester.feed(SESSION.subarray(0, 7), i);
    digester.feed(SESSION.subarray(7, 61), i);
    digester.feed(SESSION.subarray(61), i);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`digester: ${((rounds * SESSION.length) / seconds / 1e6).toFixed(1)} MB/s (${rounds} sessions of ${SESSION.length} B in ${seconds.toFixed(2)} s)`);
}

async function timeSuite(label: string, tags: string, repeats: number, names?: string[]): Promise<void> {
  const walls: number[] = [];
  let scenarios = 0;
  for (let i = 0; i < repeats; i++) {
    const started = Date.now();
    const outcome = await runSuite({ config: RunConfigSchema.parse({}), tags, quiet: true, names });
    walls.push(Date.now() - started);
    scenarios = outcome.counts.finished ?? 0;
  }
  walls.sort((a, b) => a - b);
  console.log(`${label}: median ${walls[Math.floor(walls.length / 2)]} ms wall for ${scenarios} scenarios (runs: ${walls.join(', ')} ms)`);
}

async function main(): Promise<void> {
  benchDigester();
  await timeSuite('whole catalog vs simulator', '', 3);
  await timeSuite('keep-alive scenarios (virtual time)', '@spec:2:keepalive', 3);
  await timeSuite('retransmission scenarios (virtual time)', '@spec:2:retransmission', 3);
  // The two the issue names: keep-alive 120 s, and pkt_timeout 5 s x retry_times 3.
  await timeSuite('keep-alive 120 s: first PINGREQ after 120 s', '', 5, ['^With keep-alive 120 s the first PINGREQ']);
  await timeSuite('pkt_timeout 5 s x retry_times 3: QoS 1 PUBLISH sent 4 times', '', 5, ['^With pkt_timeout 5 s and retry_times 3 a QoS 1 PUBLISH is sent 4 times']);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
