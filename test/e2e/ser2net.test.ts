/**
 * Real Debian ser2net 4 in front of the simulator on a pseudo-terminal, as a rig exposes a
 * module: raw TCP (`accepter: tcp,…`) and RFC 2217 (`accepter: telnet(rfc2217),tcp,…`, the
 * harness negotiating baud rate and framing), both bound to 127.0.0.1. A small subset must pass
 * with exact counts through `qmt run --port tcp://…` and `--port rfc2217://…`. ser2net is
 * installed by scripts/install-system-deps.sh; without it the test is skipped and says why.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { tempDir } from './helpers';
import { scenarioResults } from './result-evidence';
import { freePort } from './failing-run-helpers';
import { runQmtAsync, startBox } from './rig-in-a-box';

// Six AT+QMTCFG scenarios and the 5.1 example (open, connect, subscribe, publish, receive, close).
const TAGS = '@spec:3.3.1:keepalive:keep_alive_time:range or @spec:5.1';
const SCENARIOS = 7;

const ser2net = spawnSync('ser2net', ['-v'], { encoding: 'utf8' });
const missing = ser2net.error
  ? 'ser2net is not installed (scripts/install-system-deps.sh installs it): the ser2net test does not run'
  : undefined;

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

test('qmt run through real ser2net, raw TCP and RFC 2217', { skip: missing, timeout: 240_000 }, async () => {
  const box = await startBox(['--pty', '--count', '2', '--variant', 'EC200N-CN', '--variant', 'EC200N-CN'], 2);
  const work = tempDir('qmt-ser2net-');
  const [raw, rfc2217] = [await freePort(), await freePort()];
  const [first, second] = box.modules.map((m) => m.where);
  const config = path.join(work, 'ser2net.yaml');
  // ser2net 4's YAML: one `connection` per port; `local` = no modem control lines on a pty.
  writeFileSync(
    config,
    [
      'connection: &raw',
      `  accepter: tcp,127.0.0.1,${raw}`,
      `  connector: serialdev,${first},115200n81,local`,
      'connection: &rfc2217',
      `  accepter: telnet(rfc2217),tcp,127.0.0.1,${rfc2217}`,
      `  connector: serialdev,${second},115200n81,local`,
      '',
    ].join('\n'),
  );
  // -n foreground, -u no UUCP lock files, -P a pid file of our own (not /run).
  const server = spawn('ser2net', ['-n', '-u', '-c', config, '-P', path.join(work, 'ser2net.pid')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  try {
    for (let i = 0; !((await listening(raw)) && (await listening(rfc2217))); i++) {
      assert.ok(i < 50 && server.exitCode === null, 'ser2net did not start listening');
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const port of [`tcp://127.0.0.1:${raw}`, `rfc2217://127.0.0.1:${rfc2217}`]) {
      const results = path.join(work, port.split(':')[0] as string);
      const { status, output } = await runQmtAsync([
        'run',
        '--port',
        port,
        '--tags',
        TAGS,
        '--results',
        results,
        '--no-report',
      ]).done;
      assert.equal(status, 0, output);
      const statuses = scenarioResults(results).map((r) => r.status);
      assert.deepEqual(statuses, Array(SCENARIOS).fill('passed'), `${port}\n${output}`);
      assert.match(output, new RegExp(`${SCENARIOS} scenarios \\(${SCENARIOS} passed\\)`));
    }
  } finally {
    server.kill('SIGTERM');
    box.child.kill('SIGTERM');
  }
});
