// What a run declared about the module's readings of the note, kept beside its results so the
// compliance summary can say, per reading, "declared X, observed Y" long after the run:
// `declared-profile.json` in the results folder. Default mode (no --profile) is written too, so
// "nothing was declared" is told apart from results of a harness that did not write the file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DECLARED_PROFILE_FILE = 'declared-profile.json';

/** The part of a variant profile a strict run checks (src/variants/profile.ts). */
export interface DeclaredProfile {
  name: string;
  readings: Readonly<Record<string, string>>;
  defaults: Readonly<Record<string, string | number>>;
}

export type RunDeclaration =
  | { mode: 'strict'; profile: DeclaredProfile }
  | { mode: 'default' }
  /** No file: results of an older harness, or a folder assembled by hand. */
  | { mode: 'unknown' };

export function writeDeclaredProfile(resultsDir: string, profile: DeclaredProfile | undefined): string {
  const file = join(resultsDir, DECLARED_PROFILE_FILE);
  const body: RunDeclaration = profile
    ? {
        mode: 'strict',
        profile: { name: profile.name, readings: { ...profile.readings }, defaults: { ...profile.defaults } },
      }
    : { mode: 'default' };
  writeFileSync(file, JSON.stringify(body, null, 2) + '\n');
  return file;
}

export function readDeclaredProfile(resultsDir: string): RunDeclaration {
  const file = join(resultsDir, DECLARED_PROFILE_FILE);
  if (!existsSync(file)) return { mode: 'unknown' };
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (raw.mode === 'default') return { mode: 'default' };
    const p = raw.profile as Record<string, unknown> | undefined;
    if (raw.mode === 'strict' && p && typeof p.name === 'string') {
      return {
        mode: 'strict',
        profile: {
          name: p.name,
          readings: (p.readings ?? {}) as Record<string, string>,
          defaults: (p.defaults ?? {}) as Record<string, string | number>,
        },
      };
    }
  } catch {
    // a damaged file (crashed run) says as little as no file
  }
  return { mode: 'unknown' };
}

/** The declared value of a reading id or "default:<name>", as the observed labels write it. */
export function declaredValue(profile: DeclaredProfile, id: string): string | undefined {
  if (id.startsWith('default:')) {
    const v = profile.defaults[id.slice('default:'.length)];
    return v === undefined ? undefined : String(v);
  }
  return profile.readings[id];
}
