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

/**
 * Strict runs (`--profile`): the module took another reading than its profile declares. Allowed by
 * the note, so never "non-conformance", but a failure of the declared characterisation.
 */
export function profileDeviation(message: string): AssertionError {
  return new AssertionError({ message: `profile deviation: ${message}` });
}

/** A command of another document (AT+QFUPL, AT+QSSLCFG, AT+CFUN …) that a scenario needs failed. */
export function preconditionFailed(message: string): Error {
  return new Error(`precondition: ${message}`);
}

/** Beyond the application note: cloud platforms' credential derivation (interoperability). */
export function interoperability(message: string): AssertionError {
  return new AssertionError({ message: `interoperability: ${message}` });
}

/** The rig failed under the scenario (the link went away, the module was lost or wedged): not judged. */
export function rigTrouble(message: string): Error {
  return new Error(`rig: ${message}`);
}
