/**
 * Connection lifecycle on the network side (spec 3.3.2–3.3.5, 4.1, 4.3, figure 1 T2): ports that
 * refuse, a server that drops or resets the link, another client taking the module's client id,
 * and the keep-alive as the broker sees it. Each step calls one fixture method and asserts once.
 */
import { Given, Then, When } from '@cucumber/cucumber';
import type { PacketCmd } from 'mqtt-packet';
import { withMargin } from '../src/qmt/timing-margin';
import { nonConformance } from '../src/qmt/verdict';
import type { QmtWorld } from '../support/world';

const PACKET_TYPES = 'CONNECT|PUBLISH|SUBSCRIBE|UNSUBSCRIBE|DISCONNECT|PINGREQ|PUBREL|PUBACK|PUBREC|PUBCOMP';
/** messaging_steps.ts owns "receives no PUBACK|PUBREC|PUBLISH|PUBREL within"; these are the others. */
const CONNECTION_PACKET_TYPES = 'CONNECT|SUBSCRIBE|UNSUBSCRIBE|DISCONNECT|PINGREQ|PUBCOMP';
const WAIT_MS = 60_000;
/** Timer granularity allowed around the keep-alive (harness tolerance, not a spec figure). */
const KEEP_ALIVE_TOLERANCE_MS = 1_000;

// spec 3.3.2 <result> -1: a loopback port on the broker host with nothing listening (TCP RST).
Given(/^a port where nothing listens, named \{([a-z][a-z-]*)\}$/, async function (this: QmtWorld, name: string) {
  this.values[name] = String(await this.broker.refusingPort());
});

Given(/^the broker closes the connection as soon as the module sends (CONNECT|DISCONNECT|SUBSCRIBE|PUBLISH)$/, function (this: QmtWorld, type: string) {
  this.broker.faults.closeOn = type.toLowerCase() as 'connect';
});

// spec 4.3 / MQTT 3.1.1 §3.1.2.10: the server closes a client silent for 1.5 x its keep-alive.
Given('the broker enforces the keep-alive', function (this: QmtWorld) {
  this.broker.enforceKeepAlive(true);
});

// "the broker resets the module's connection" is defined in behaviour_steps.ts.

When('another client connects to the broker as {string}', async function (this: QmtWorld, clientId: string) {
  await this.broker.connectAs(this.resolve(clientId));
});

// A deadline: the timing margin applies (the module's timer granularity on a real rig).
Then(new RegExp(`^the broker receives an? (${PACKET_TYPES}) within (\\d+) seconds$`), async function (this: QmtWorld, type: string, s: string) {
  const cmd = type.toLowerCase();
  const ms = withMargin(Number(s) * 1000, this.host.timingMargin);
  await this.broker.waitForPacket((p) => p.direction === 'module->broker' && p.packet.cmd === cmd, ms).catch(() => {
    throw nonConformance(`no ${type} reached the broker within ${s} s plus the timing margin (${(ms / 1000).toFixed(3)} s)`);
  });
});

Then(new RegExp(`^the broker receives no (${CONNECTION_PACKET_TYPES}) within (\\d+) seconds$`), async function (this: QmtWorld, type: string, s: string) {
  const cmd = type.toLowerCase();
  const seen = await this.broker
    .waitForPacket((p) => p.direction === 'module->broker' && p.packet.cmd === cmd, Number(s) * 1000)
    .catch(() => undefined);
  if (seen) throw nonConformance(`a ${type} reached the broker at ${seen.at} ms, where none was expected within ${s} s`);
});

Then(new RegExp(`^the broker receives (\\d+) (${PACKET_TYPES}) packets$`), async function (this: QmtWorld, count: string, type: string) {
  const cmd = type.toLowerCase() as PacketCmd;
  const wanted = Number(count);
  await this.broker
    .waitForPacket((p) => p.direction === 'module->broker' && p.packet.cmd === cmd && this.broker.packetsFromModule(cmd).length >= wanted, WAIT_MS)
    .catch(() => undefined);
  const seen = this.broker.packetsFromModule(cmd).length;
  if (seen !== wanted) throw nonConformance(`the broker received ${seen} ${type} packet(s) from the module, expected ${wanted}`);
});

/**
 * Figure 1 T2: the first PINGREQ follows <keepalive> seconds of silence from the module (not
 * earlier, not later) and the CONNECT on that connection declared that same keep-alive.
 */
Then(/^the first PINGREQ arrives after (\d+) seconds of silence, the keep-alive of the CONNECT$/, async function (this: QmtWorld, s: string) {
  const keepAliveMs = Number(s) * 1000;
  // Timer granularity plus the run's timing margin (a rig's module timers, --timing-margin), both ways.
  const toleranceMs = KEEP_ALIVE_TOLERANCE_MS + withMargin(keepAliveMs, this.host.timingMargin) - keepAliveMs;
  await this.broker
    .waitForPacket((p) => p.direction === 'module->broker' && p.packet.cmd === 'pingreq', keepAliveMs + toleranceMs + 10_000)
    .catch(() => undefined);
  const first = this.broker.pingSilences()[0];
  if (!first) throw nonConformance(`no PINGREQ reached the broker within ${s} + 10 s of silence`);
  const off = Math.abs(first.silenceMs - keepAliveMs);
  if (first.keepAliveS !== Number(s) || off > toleranceMs) {
    throw nonConformance(
      `the first PINGREQ came after ${(first.silenceMs / 1000).toFixed(3)} s of silence on a connection whose CONNECT declared keep-alive ${first.keepAliveS} s; expected ${s} s (± ${(toleranceMs / 1000).toFixed(3)} s: timer granularity and the timing margin) for both`,
    );
  }
});

Then("the broker drops the module's connection", async function (this: QmtWorld) {
  await this.broker.waitForConnectionClosed((c) => c.closedBy === 'fixture', WAIT_MS).catch(() => {
    throw nonConformance("the broker did not close the module's connection");
  });
});

// Either side may close after a refused CONNACK (MQTT 3.1.1 §3.2.2.3: the server MUST close it).
Then("the module's connection to the broker ends", async function (this: QmtWorld) {
  await this.broker.waitForConnectionClosed(() => true, WAIT_MS).catch(() => {
    throw nonConformance("the module's connection to the broker stayed open");
  });
});

Then("the module's connection to the broker is still open", function (this: QmtWorld) {
  const open = this.broker.connections().filter((c) => c.state === 'open').length;
  if (open === 0) throw nonConformance(`no open connection from the module: ${JSON.stringify(this.broker.connections())}`);
});


Given('the broker keeps the connection open after DISCONNECT', function (this: QmtWorld) {
  this.broker.faults.keepOpenAfterDisconnect = true;
});

When('the broker sends the module a malformed packet', function (this: QmtWorld) {
  this.broker.injectMalformedPacket();
});
