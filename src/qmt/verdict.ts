/**
 * Failure messages say whose fault a red scenario is: the module's (non-conformance) or the
 * harness's / rig's. The report's categories are built from these prefixes.
 */
import { AssertionError } from 'node:assert';

export function nonConformance(message: string): AssertionError {
  return new AssertionError({ message: `non-conformance: ${message}` });
}

export function harnessTrouble(message: string): Error {
  return new Error(`harness: ${message}`);
}
