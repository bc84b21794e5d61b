/**
 * The six variants of the spec's table 1, and profiles named on the command line. Revision strings
 * are the simulator's firmware; a real module reports its own through ATI / AT+GMR and the harness
 * labels results with that.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { VariantProfile } from './profile';
import { bundledProfileNames, loadProfileFile, PROFILES_DIR, profiles } from './profiles';

export const VARIANTS: readonly VariantProfile[] = profiles;

export function variantNames(): string[] {
  return VARIANTS.map((v) => v.name);
}

export function findVariant(name: string): VariantProfile {
  const found = VARIANTS.find((v) => v.name.toLowerCase() === name.toLowerCase());
  if (!found) throw new Error(`unknown variant "${name}" (known: ${variantNames().join(', ')})`);
  return found;
}

/**
 * A profile by bundled name (profiles/<name>.json, e.g. "EC200N-CN", "alternate-readings") or by
 * file path. The error says which, so `--profile` can answer in one line.
 */
export function resolveProfile(nameOrFile: string): VariantProfile {
  if (nameOrFile.endsWith('.json') || nameOrFile.includes('/') || existsSync(nameOrFile))
    return loadProfileFile(nameOrFile);
  const bundled = bundledProfileNames().find((n) => n.toLowerCase() === nameOrFile.toLowerCase());
  if (!bundled)
    throw new Error(
      `unknown profile "${nameOrFile}" (bundled: ${bundledProfileNames().join(', ')}; or give a file path)`,
    );
  return loadProfileFile(path.join(PROFILES_DIR, `${bundled}.json`));
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
