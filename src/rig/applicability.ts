/**
 * Which scenarios apply to the module under test. Capability tags name what a scenario needs;
 * the variant profile and the rig decide. What does not apply is skipped with its reason, never
 * reported as passed.
 */
import type { Rig } from './types';

export function notApplicableReason(tags: readonly string[], rig: Rig, includeSlow: boolean): string | undefined {
  const has = (tag: string) => tags.includes(tag);
  const { capabilities } = rig.variant;
  if (has('@ssl') && !capabilities.ssl) return `${rig.variant.name} has no SSL/TLS support`;
  if (has('@cloud-auth') && !capabilities.cloudAuth) return `${rig.variant.name} has no cloud authentication sub-options`;
  if (has('@reboot') && !capabilities.reboot) return `the rig cannot restart ${rig.variant.name}`;
  if (has('@slow') && !rig.virtualTime && !includeSlow) return 'needs long real-time waits on hardware (run with --include-slow)';
  if (has('@simulator-only') && !rig.virtualTime) return 'needs the simulated module (virtual time or simulator-only control)';
  for (const tag of tags) {
    const sub = /^@sub-option:(.+)$/.exec(tag)?.[1];
    if (sub && !capabilities.subOptions.includes(sub)) return `${rig.variant.name} does not implement AT+QMTCFG="${sub}"`;
    const reading = /^@reading:(A\d+)=(.+)$/.exec(tag);
    if (reading) {
      const [, id, value] = reading;
      const actual = (rig.variant.readings as Record<string, string>)[id];
      if (actual !== value) return `${rig.variant.name} reads ambiguity ${id} as "${actual}", this scenario checks "${value}"`;
    }
  }
  return undefined;
}
