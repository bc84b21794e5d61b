/**
 * Fault ids and hook names are closed sets: the type system refuses a misspelled hook at compile
 * time, and ids that arrive as text (qmt-sim --fault, a run config) are checked against the catalog.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FAULTS, findFault, isFaultId } from '../../../src/sim/faults/catalog';
import { createFaultSet } from '../../../src/sim/faults/fault-set';

test('a fault set answers at the hook of each fault switched on, and only there', () => {
  const faults = createFaultSet(['keepalive-accepts-3601']);
  assert.equal(faults.at('range.keepalive'), true);
  assert.equal(faults.at('range.pkt-timeout'), false);
  // @ts-expect-error 'range.keep-alive' is not a hook of the catalog (the hyphen is wrong)
  assert.equal(faults.at('range.keep-alive'), false);
});

test('every catalog fault has a hook of its own', () => {
  const owners = new Map<string, string>();
  for (const fault of FAULTS) {
    const owner = owners.get(fault.acts.at);
    assert.equal(owner, undefined, `${fault.id} and ${owner} both act at ${fault.acts.at}`);
    owners.set(fault.acts.at, fault.id);
    assert.equal(createFaultSet([fault.id]).at(fault.acts.at), true, fault.id);
  }
});

test('isFaultId knows every catalog id and nothing else', () => {
  for (const fault of FAULTS) assert.equal(isFaultId(fault.id), true, fault.id);
  assert.equal(isFaultId('keepalive-accept-3601'), false);
  assert.equal(findFault('keepalive-accepts-3601')?.acts.kind, 'range');
});

test('an id from outside the code that is not in the catalog gives one line naming it', () => {
  assert.throws(
    () => createFaultSet(['keepalive-accept-3601']),
    (error: Error) => !error.message.includes('\n') && /^unknown fault "keepalive-accept-3601"/.test(error.message),
  );
});
