/** The scenarios a fault run selects: those tagged with the spec items the fault breaks. */
export function faultRunTags(targets: readonly string[]): string {
  return targets.length ? `(${targets.map((t) => `@spec:${t}`).join(' or ')}) and not @slow` : '@no-such-tag';
}
