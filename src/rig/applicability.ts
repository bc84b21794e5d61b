/**
 * Which scenarios apply to the module under test. Capability tags name what a scenario needs;
 * the variant profile and the rig decide. What does not apply is skipped with its reason, never
 * reported as passed.
 */
import type { Readings } from '../variants/readings';
import type { Rig } from './types';

/**
 * `declared`: the readings of a strict run's profile. A scenario tagged `@reading:<id>=<value>` is
 * skipped up front only when a profile declares another value; in default mode it runs, and is
 * skipped once the module shows another reading (QmtWorld.readingOutcome).
 */
export function notApplicableReason(
  tags: readonly string[],
  rig: Rig,
  includeSlow: boolean,
  declared?: Readings,
): string | undefined {
  const has = (tag: string) => tags.includes(tag);
  const { capabilities } = rig.variant;
  if (has('@ssl') && !capabilities.ssl) return `${rig.variant.name} has no SSL/TLS support`;
  if (has('@cloud-auth') && !capabilities.cloudAuth)
    return `${rig.variant.name} has no cloud authentication sub-options`;
  if (has('@reboot') && !capabilities.reboot) return `the rig cannot restart ${rig.variant.name}`;
  if (has('@slow') && !rig.virtualTime && !includeSlow)
    return 'needs long real-time waits on hardware (run with --include-slow)';
  if (has('@simulator-only') && !rig.virtualTime)
    return 'needs the simulated module (virtual time or simulator-only control)';
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
