/**
 * Which scenarios apply to the module under test. Capability tags name what a scenario needs;
 * the variant profile and the rig decide. What does not apply is skipped with its reason, never
 * reported as passed.
 */
import type { Readings } from '../variants/readings';
import type { Rig } from './types';

/**
 * Tags that name a capability, each with why a scenario so tagged does not apply here (undefined:
 * it does). support/hooks.ts makes one tag-scoped Before hook of each, in this order.
 */
export const CAPABILITY_TAGS: Readonly<Record<string, (rig: Rig, includeSlow: boolean) => string | undefined>> = {
  '@ssl': (rig) => (rig.variant.capabilities.ssl ? undefined : `${rig.variant.name} has no SSL/TLS support`),
  '@cloud-auth': (rig) =>
    rig.variant.capabilities.cloudAuth ? undefined : `${rig.variant.name} has no cloud authentication sub-options`,
  '@reboot': (rig) => (rig.variant.capabilities.reboot ? undefined : `the rig cannot restart ${rig.variant.name}`),
  '@slow': (rig, includeSlow) =>
    rig.virtualTime || includeSlow ? undefined : 'needs long real-time waits on hardware (run with --include-slow)',
  '@simulator-only': (rig) =>
    rig.virtualTime ? undefined : 'needs the simulated module (virtual time or simulator-only control)',
};

/**
 * Tags that carry a value, which a Cucumber tag expression cannot select: `@sub-option:<name>`
 * (the variant must implement it) and `@reading:<id>=<value>`. `declared`: the readings of a strict
 * run's profile; a reading tag skips a scenario up front only when a profile declares another
 * value. In default mode it runs, and is skipped once the module shows another reading
 * (QmtWorld.readingOutcome).
 */
export function valueTagReason(tags: readonly string[], rig: Rig, declared?: Readings): string | undefined {
  const { capabilities } = rig.variant;
  for (const tag of tags) {
    const sub = /^@sub-option:(.+)$/.exec(tag)?.[1];
    if (sub && !capabilities.subOptions.includes(sub))
      return `${rig.variant.name} does not implement AT+QMTCFG="${sub}"`;
    const reading = /^@reading:([A-Za-z0-9-]+)=(.+)$/.exec(tag);
    if (reading && declared) {
      const [, id, value] = reading;
      const actual = (declared as Record<string, string>)[id];
      if (actual !== value) return `the profile reads ambiguity ${id} as "${actual}", this scenario checks "${value}"`;
    }
  }
  return undefined;
}
