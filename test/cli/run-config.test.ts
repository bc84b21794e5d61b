/**
 * The run configuration travels to the support code as Cucumber world parameters: serialised to
 * parallel workers and structured-cloned into every World. It must arrive as it left.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_BAUD, DEFAULT_BROKER_ADDRESS } from '../../src/cli/defaults';
import { parseRunConfig, timingMarginOf } from '../../src/cli/run-config';
import { DEFAULT_TIMING_MARGIN } from '../../src/qmt/timing-margin';

test('no parameters: every default, each from the one place it is defined', () => {
  const config = parseRunConfig(undefined);
  assert.equal(config.baud, DEFAULT_BAUD);
  assert.equal(config.brokerHost, DEFAULT_BROKER_ADDRESS);
  assert.equal(config.brokerListen, DEFAULT_BROKER_ADDRESS);
  assert.equal(config.timingMargin, DEFAULT_TIMING_MARGIN);
  assert.deepEqual(timingMarginOf(config), { fixedMs: 150, percent: 3 });
});

test('a configuration survives the trip to a parallel worker and into a World unchanged, its run secrets too', () => {
  const sent = parseRunConfig({ faults: ['keepalive-default-60'], tags: '@ssl', timingMargin: '200ms+5%' });
  const overIpc = parseRunConfig(JSON.parse(JSON.stringify(sent)));
  assert.deepEqual(overIpc, sent);
  assert.deepEqual(structuredClone(overIpc), sent);
  // A fresh parse makes fresh secrets: the equality above is the secrets travelling, not a coincidence.
  assert.notDeepEqual(parseRunConfig(undefined).runSecrets, sent.runSecrets);
});

test('a malformed timing margin is refused with the field named, not replaced by the default', () => {
  assert.throws(
    () => parseRunConfig({ timingMargin: 'three apples' }),
    /bad run configuration: timingMargin: expected/,
  );
  assert.throws(() => parseRunConfig({ baud: -1 }), /bad run configuration: baud/);
});
