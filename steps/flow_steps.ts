/**
 * Shared preconditions, in the words of the spec's flows (chapter 2, figure 1): each is the flow's
 * commands, checked on the way (src/qmt/flows.ts).
 */
import { Given } from '@cucumber/cucumber';
import { connectClient, openNetwork, restartModule, subscribe, useTextPayloads } from '../src/qmt';
import type { QmtWorld } from '../support/world';

// AT+QMTOPEN to the fixture, OK, then +QMTOPEN: <idx>,0.
Given('{client} has opened a network connection to the broker', async function (this: QmtWorld, idx: number) {
  await openNetwork(this.host, idx, this.run.config.brokerHost, this.broker.port);
});

// As above, then AT+QMTCONN with that client id, OK, then +QMTCONN: <idx>,0,0.
Given(
  '{client} is connected to the broker as {string}',
  async function (this: QmtWorld, idx: number, clientId: string) {
    await openNetwork(this.host, idx, this.run.config.brokerHost, this.broker.port);
    await connectClient(this.host, idx, clientId);
  },
);

// AT+QMTSUB with msgid 1, OK, then +QMTSUB: <idx>,1,0,<qos>.
Given(
  '{client} has subscribed to {string} at QoS {qos}',
  async function (this: QmtWorld, idx: number, topic: string, qos: 0 | 1 | 2) {
    await subscribe(this.host, idx, 1, topic, qos);
  },
);

// A8: the defaults of <send_mode> / <recv_mode> are unstated; scenarios with text payloads say so.
Given('{clients} send(s) and receive(s) MQTT payloads as text', async function (this: QmtWorld, clients: number[]) {
  await useTextPayloads(this.host, clients);
});

// AT+CFUN=1,1, RDY within 15 s, then ATE0 (tag the scenario @reboot).
Given('the module has restarted', async function (this: QmtWorld) {
  await restartModule(this.host);
});
