/**
 * Turns what a default-mode run observed into a profile file: each reading and unstated default
 * the module showed, with a source saying how it was seen; what no scenario observed is kept from
 * the base profile and says so. The result validates like any profile, so it can drive a strict
 * run (`qmt run --profile`) or the simulator as this firmware's twin (`--sim-profile`,
 * `qmt-sim --profile`).
 */
import { READINGS, UNSTATED_DEFAULTS } from '../variants/readings';
import type { VariantProfile } from '../variants/profile';
import type { ObservedAtHabits } from './observed-at-habits';
import type { ObservedReadings, ObservedValue } from './observed-readings';

export interface CharacterisedProfile {
  readonly json: Record<string, unknown>;
  /** Readings or defaults no scenario observed (kept from the base profile). */
  readonly unobserved: string[];
  /** Readings seen with more than one value in the run (the majority is written). */
  readonly inconsistent: string[];
}

export function characterisedProfile(
  base: VariantProfile,
  observed: ObservedReadings,
  identity: { model?: string; revision?: string; how: string },
  habits: ObservedAtHabits = { echo: [], prompt: [] },
): CharacterisedProfile {
  const unobserved: string[] = [];
  const inconsistent: string[] = [];
  // The AT habits are kept as profile paths (at.echo, at.prompt) beside the readings' ids.
  const seen: ObservedReadings = new Map([
    ...observed,
    ['at.echo', habits.echo.map((h) => ({ ...h, value: String(h.value) }))],
    ['at.prompt', habits.prompt.map((h) => ({ ...h, value: h.value }))],
  ]);
  const entry = (id: string, fallback: string | number, parse: (v: string) => string | number) => {
    const values = seen.get(id);
    if (!values?.length) {
      unobserved.push(id);
      return { value: fallback, source: `not observed by any scenario; kept from profile ${base.name}` };
    }
    const best = [...values].sort((a, b) => b.scenarios.length - a.scenarios.length)[0] as ObservedValue;
    if (values.length > 1) inconsistent.push(id);
    const others =
      values.length > 1
        ? `; ALSO seen as ${values
            .filter((v) => v !== best)
            .map((v) => `${v.value} (${v.scenarios.length})`)
            .join(', ')}`
        : '';
    return {
      value: parse(best.value),
      source: `observed ${identity.how} in ${best.scenarios.length} scenario(s), e.g. "${best.scenarios[0]}": ${best.evidence}${others}`,
    };
  };
  const readings = Object.fromEntries(
    Object.keys(READINGS).map((id) => [id, entry(id, base.readings[id as keyof typeof READINGS], String)]),
  );
  const defaults = Object.fromEntries(
    Object.keys(UNSTATED_DEFAULTS).map((name) => [
      name,
      entry(`default:${name}`, base.defaults[name as keyof typeof UNSTATED_DEFAULTS], Number),
    ]),
  );
  const baseAt = base.at ?? { echo: 0, cmee: 0, rebootMs: 2000 };
  const echo = entry('at.echo', baseAt.echo, Number);
  const prompt = entry('at.prompt', baseAt.prompt ?? '>', String);
  const { sources: _sources, readings: _r, defaults: _d, ...rest } = base;
  const json = {
    $comment: `Characterised ${identity.how} by qmt characterize on ${new Date().toISOString().slice(0, 10)}; identity and capabilities from profile ${base.name}.`,
    ...rest,
    model: identity.model ?? base.model,
    revision: identity.revision ?? base.revision,
    readings,
    defaults,
    sources: { 'at.echo': echo.source, 'at.prompt': prompt.source },
    at: { ...baseAt, echo: echo.value, prompt: prompt.value },
  };
  return { json, unobserved, inconsistent };
}
