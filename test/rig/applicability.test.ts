import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CAPABILITY_TAGS, valueTagReason } from '../../src/rig/applicability';
import type { Rig } from '../../src/rig/types';
import { findVariant } from '../../src/variants/catalog';

function rigOf(capabilities: Record<string, unknown>, virtualTime: boolean): Rig {
  const variant = findVariant('EC200N-CN');
  return { variant: { ...variant, capabilities: { ...variant.capabilities, ...capabilities } }, virtualTime } as Rig;
}

test('each capability tag applies where the module or rig has it and names what is missing where not', () => {
  const full = rigOf({}, true);
  for (const [tag, reason] of Object.entries(CAPABILITY_TAGS)) assert.equal(reason(full, false), undefined, tag);
  const lacking = rigOf({ ssl: false, cloudAuth: false, reboot: false }, false);
  assert.match(CAPABILITY_TAGS['@ssl']!(lacking, false) ?? '', /EC200N-CN has no SSL\/TLS support/);
  assert.match(CAPABILITY_TAGS['@cloud-auth']!(lacking, false) ?? '', /cloud authentication/);
  assert.match(CAPABILITY_TAGS['@reboot']!(lacking, false) ?? '', /cannot restart/);
  assert.match(CAPABILITY_TAGS['@slow']!(lacking, false) ?? '', /--include-slow/);
  assert.equal(CAPABILITY_TAGS['@slow']!(lacking, true), undefined);
  assert.match(CAPABILITY_TAGS['@simulator-only']!(lacking, true) ?? '', /simulated module/);
});

test('tags with values: a sub-option the variant lacks, a reading a strict profile declares otherwise', () => {
  const rig = rigOf({ subOptions: ['keepalive'] }, true);
  assert.match(valueTagReason(['@sub-option:dataformat'], rig) ?? '', /does not implement AT\+QMTCFG="dataformat"/);
  assert.equal(valueTagReason(['@sub-option:keepalive'], rig), undefined);
  // Default mode (no declared readings): a reading tag does not skip up front.
  assert.equal(valueTagReason(['@reading:A3=retransmit'], rig), undefined);
  const declared = { ...findVariant('EC200N-CN').readings, A3: 'excep1' } as never;
  assert.match(valueTagReason(['@reading:A3=retransmit'], rig, declared) ?? '', /reads ambiguity A3 as "excep1"/);
  assert.equal(valueTagReason(['@reading:A3=excep1'], rig, declared), undefined);
});
