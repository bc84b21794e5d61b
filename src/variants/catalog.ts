/**
 * The six variants of the spec's table 1. Revision strings are the simulator's firmware; a real
 * module reports its own through ATI / AT+GMR and the harness labels results with that.
 */
import { parseVariantProfile, type VariantProfile } from './profile';
import { profiles } from './profiles';

export const VARIANTS: readonly VariantProfile[] = profiles.map((p) => parseVariantProfile(p, p.name));

export function variantNames(): string[] {
  return VARIANTS.map((v) => v.name);
}

export function findVariant(name: string): VariantProfile {
  const found = VARIANTS.find((v) => v.name.toLowerCase() === name.toLowerCase());
  if (!found) throw new Error(`unknown variant "${name}" (known: ${variantNames().join(', ')})`);
  return found;
}

/** Picks the variant whose detect strings appear in the ATI answer. */
export function detectVariant(atiText: string): VariantProfile | undefined {
  const text = atiText.toUpperCase();
  // Longest detect string first, so "EC200N" does not shadow "EC200N-CN"-specific strings.
  const candidates = VARIANTS.flatMap((v) => v.detect.map((d) => ({ v, d: d.toUpperCase() }))).sort(
    (a, b) => b.d.length - a.d.length,
  );
  return candidates.find((c) => text.includes(c.d))?.v;
}
