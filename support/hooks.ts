/**
 * Scenario lifecycle: a fresh module session and broker fixture before, the transcript and packet
 * log attached after, and a scenario that left an ERROR unasserted goes red (cucumber-js style).
 */
import {
  After,
  AfterAll,
  AfterStep,
  Before,
  BeforeAll,
  BeforeStep,
  setDefaultTimeout,
  Status,
  type IContext,
} from '@cucumber/cucumber';
import type { Pickle } from '@cucumber/messages';
import * as allure from 'allure-js-commons';
import { BrokerFixture } from '../src/broker/fixture';
import { timingMarginOf, type RunParameters } from '../src/cli/run-config';
import {
  describeStrayEchoes,
  nonConformance,
  publishMsgidCheck,
  QmtHost,
  ReadingObserver,
  rigTrouble,
} from '../src/qmt';
import { CAPABILITY_TAGS, valueTagReason } from '../src/rig/applicability';
import { peerFilter } from '../src/rig/broker-access';
import { RigLostError } from '../src/rig/lifecycle';
import { scenarioLabels } from '../src/report/labels';
import { endRun, startRun } from './run-state';
import type { QmtWorld } from './world';

// Against hardware a scenario may wait 120 s for +QMTOPEN; virtual time makes this moot for the simulator.
setDefaultTimeout(10 * 60 * 1000);

// The run configuration comes as world parameters; what BeforeAll adds to them reaches every World.
BeforeAll({ timeout: 120_000 }, async function (this: IContext<Partial<RunParameters>>) {
  Object.assign(this.parameters, await startRun(this.parameters));
});

AfterAll(async function () {
  await endRun();
});

// Before hooks run in the order written: labels for every scenario, then whether it applies, then its session.
Before({ name: 'report labels' }, async function (this: QmtWorld, { pickle, gherkinDocument }) {
  const { rig, config } = this.run;
  const feature = gherkinDocument.feature;
  const rule = feature?.children.find((child) =>
    child.rule?.children.some((c) => c.scenario && pickle.astNodeIds.includes(c.scenario.id)),
  )?.rule;
  for (const label of scenarioLabels({
    variant: rig.variant.name,
    firmware: rig.identity.revision,
    model: rig.identity.model,
    imei: rig.identity.imei,
    rig: rig.description,
    harness: config.harness,
    place: rig.place?.place,
    exporter: rig.place?.exporter,
    featureName: feature?.name ?? '',
    ruleName: rule?.name,
    tags: tagsOf(pickle),
  })) {
    await allure.label(label.name, label.value);
  }
});

for (const [tag, reasonHere] of Object.entries(CAPABILITY_TAGS)) {
  Before({ tags: tag, name: `applicability ${tag}` }, async function (this: QmtWorld) {
    return skipIfNotApplicable(this, reasonHere(this.run.rig, this.run.config.includeSlow));
  });
}

Before({ name: 'applicability by sub-option and reading tags' }, async function (this: QmtWorld, { pickle }) {
  return skipIfNotApplicable(this, valueTagReason(tagsOf(pickle), this.run.rig, this.run.declared?.readings));
});

Before({ tags: 'not @ssl', name: 'module session and broker fixture' }, async function (this: QmtWorld, { pickle }) {
  await openScenario(this, pickle, false);
});

// spec 5.2: @ssl scenarios get a TLS listener with certificates made for this scenario.
Before(
  { tags: '@ssl', name: 'module session and broker fixture with a TLS listener' },
  async function (this: QmtWorld, { pickle }) {
    await openScenario(this, pickle, true);
  },
);

function tagsOf(pickle: Pickle): string[] {
  return pickle.tags.map((t) => t.name);
}

/** A scenario that does not apply is skipped with its reason, which the report shows (never a pass). */
async function skipIfNotApplicable(world: QmtWorld, reason: string | undefined): Promise<'skipped' | undefined> {
  if (!reason) return undefined;
  await allure.label('applicability', `not applicable: ${reason}`);
  world.attach(`not applicable: ${reason}`, 'text/plain');
  return 'skipped';
}

/** A fresh module session, a broker fixture and the host conversation for one scenario. */
async function openScenario(world: QmtWorld, pickle: Pickle, tls: boolean): Promise<void> {
  const { rig, config, runSecrets, declared } = world.run;
  for (const secret of [...config.secrets, ...Object.values(runSecrets)]) world.masker.add(secret);
  try {
    world.session = await rig.openSession(world.masker);
  } catch (error) {
    // A failing Before makes Allure call the scenario skipped; a lost module must read as broken.
    if (!(error instanceof RigLostError)) throw error;
    world.rigLost = error;
    return;
  }
  const broker = await BrokerFixture.start({
    clock: world.session.clock,
    host: config.brokerListen,
    allowNonLoopback: config.brokerListen !== '127.0.0.1',
    port: config.brokerPort,
    // Beyond loopback, only the advertised address's subnet and --broker-allow may connect.
    allowPeer: peerFilter(config.brokerHost, config.brokerAllow),
    masker: world.masker,
    tls,
  });
  world.broker = broker;
  world.session.routeNetwork?.((address, port) => broker.dialInProcess(address, port));
  const readingTags = tagsOf(pickle)
    .map((t) => /^@reading:([A-Za-z0-9-]+)=(.+)$/.exec(t))
    .filter((m) => m !== null);
  world.readingTags = Object.fromEntries(readingTags.map((m) => [m[1], m[2]]));
  // The readings this module shows: an Allure parameter each (kept out of the history id, so a
  // firmware that reads otherwise stays the same test) and a label the compliance summary reads.
  world.readings = new ReadingObserver(declared, (o) => {
    void allure.parameter(`reading ${o.id}`, o.value, { excluded: true });
    void allure.label('reading', `${o.id}=${o.value}`);
    void allure.label('reading-evidence', `${o.id}=${o.value}: ${world.masker.mask(o.evidence)}`);
  });
  world.host = new QmtHost({
    at: world.session.at,
    clock: world.session.clock,
    masker: world.masker,
    // A20: the longest exhaustion any reading allows, unless a profile declares "including-first".
    retriesAfterFirst: declared?.readings.A20 !== 'including-first',
    observer: world.readings,
    margin: timingMarginOf(config),
    wireClock: (packet, since) => broker.packetsFromModule(packet).find((p) => p.at >= since)?.at,
    msgidCheck: publishMsgidCheck(() => broker.packetsToModule('publish')),
  });
}

BeforeStep(function (this: QmtWorld) {
  if (this.rigLost) throw this.rigLost;
});

// The step that failed carries the evidence where the reader looks first (the scenario's end has it all too).
AfterStep(async function (this: QmtWorld, { result }) {
  // The link went away while this step ran (module unplugged, simulator killed): the step is broken even if it did not notice.
  const lost = this.session?.linkLost?.();
  if (lost && result.status === Status.PASSED) {
    throw rigTrouble(`the link to the module went away during this step: ${lost.message}`);
  }
  if (result.status !== Status.FAILED || !this.session) return;
  await allure.attachment('AT transcript up to this step', this.session.transcript.render(), 'text/plain');
  if (this.broker) await allure.attachment('Broker packets up to this step', this.broker.packetLog(), 'text/plain');
});

After(async function (this: QmtWorld, { result }) {
  if (!this.session) return;
  try {
    await allure.attachment('AT transcript', this.session.transcript.render(), 'text/plain');
    if (this.broker) await allure.attachment('Broker packets', this.broker.packetLog(), 'text/plain');
    // docs/field-evidence.md#unrelated-urcs: a URC the scenario did not ask about is logged and attached, not a failure.
    const unasked = this.session.at.unconsumedUrcs();
    if (unasked.length)
      await allure.attachment(
        'URCs no step asked about',
        unasked.map((u) => this.masker.mask(u.text)).join('\n'),
        'text/plain',
      );
    const echoes = this.session.at.unexpectedEchoes();
    if (result?.status === Status.PASSED && echoes.length > 0) throw nonConformance(describeStrayEchoes(echoes));
    const unasserted = this.host.unassertedErrors();
    if (result?.status === Status.PASSED && unasserted.length > 0) {
      const listed = unasserted.map((e) => `${e.response.command} → ${e.response.final.kind}`).join('; ');
      throw nonConformance(`unexpected error answers nobody asserted: ${listed}`);
    }
  } finally {
    await this.broker?.stop();
    // The rig's lifecycle strategy owns the module from here (src/rig/lifecycle.ts).
    const cleanup = await this.session.finish(this.host?.commands() ?? []);
    if (cleanup?.notes.length)
      await allure.attachment(
        'Rig clean-up',
        `${cleanup.notes.join('\n')}\n\n${this.session.transcript.render()}`,
        'text/plain',
      );
    // A module lost or wedged mid-scenario: whatever the steps said, this verdict is broken (not judged: no evidence against the module).
    if (cleanup?.broken && result?.status === Status.PASSED) throw rigTrouble(cleanup.broken);
  }
});
