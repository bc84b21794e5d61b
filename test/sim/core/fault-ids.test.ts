/**
 * Fault ids are a closed set: the type system refuses a misspelled id at compile time, and
 * ids that arrive as text (qmt-sim --fault, a run config) are checked against the catalog.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FAULTS, isFaultId } from '../../../src/sim/faults/catalog';
import { createFaultSet } from '../../../src/sim/faults/fault-set';

test('a misspelled fault id does not type-check, a real one does', () => {
  const faults = createFaultSet(['keepalive-accepts-3601']);
  assert.equal(faults.has('keepalive-accepts-3601'), true);
  // @ts-expect-error 'keepalive-accept-3601' is not a FaultId (the "s" is missing)
  assert.equal(faults.has('keepalive-accept-3601'), false);
});

test('isFaultId knows every catalog id and nothing else', () => {
  for (const fault of FAULTS) assert.equal(isFaultId(fault.id), true, fault.id);
  assert.equal(isFaultId('keepalive-accept-3601'), false);
});

test('an id from outside the code that is not in the catalog gives one line naming it', () => {
  assert.throws(
    () => createFaultSet(['keepalive-accept-3601']),
    (error: Error) => !error.message.includes('\n') && /^unknown fault "keepalive-accept-3601"/.test(error.message),
  );
});
