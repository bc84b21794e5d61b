/**
 * Shared preconditions, in the words of the spec's flows.
 */
import { Given } from '@cucumber/cucumber';
import { connectClient, openNetwork, restartModule, subscribe, useTextMessages } from '../src/qmt/flows';
import type { QmtWorld } from '../support/world';

Given('client {int} has opened a network connection to the broker', async function (this: QmtWorld, idx: number) {
  await openNetwork(this.host, idx, this.run.config.brokerHost, this.broker.port);
});

Given('client {int} is connected to the broker as {string}', async function (this: QmtWorld, idx: number, clientId: string) {
  await openNetwork(this.host, idx, this.run.config.brokerHost, this.broker.port);
  await connectClient(this.host, idx, clientId);
});

Given('client {int} has subscribed to {string} at QoS {int}', async function (this: QmtWorld, idx: number, topic: string, qos: number) {
  await subscribe(this.host, idx, 1, topic, qos);
});

Given('the module has restarted', async function (this: QmtWorld) {
  await restartModule(this.host);
});

// A8: the defaults of <send_mode> / <recv_mode> are unstated; scenarios with text payloads say so.
Given('client {int} sends and receives messages as text', async function (this: QmtWorld, idx: number) {
  await useTextMessages(this.host, idx);
});
