/**
 * Profiles are data: one JSON file per variant of table 1 under profiles/ at the project root,
 * plus any file a user passes (`--profile`, `--sim-profile`). Each value may say where it comes
 * from (`{ "value": …, "source": … }`); src/variants/readings.ts lists what each reading means.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseVariantProfile, type VariantProfile } from './profile';

export const PROFILES_DIR = path.resolve(__dirname, '..', '..', 'profiles');

/** The six variants of table 1 (not the test profiles such as alternate-readings). */
export const VARIANT_FILES = ['EC200T', 'EC200S', 'EC200N-CN', 'EC600S-CN', 'EC600N-CN', 'EG912Y'];

/** Reads and validates one profile file; the error names the file and every bad field. */
export function loadProfileFile(file: string): VariantProfile {
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new Error(`profile ${file}: ${reason}`);
  }
  return parseVariantProfile(input, file);
}

export const profiles: VariantProfile[] = VARIANT_FILES.map((name) =>
  loadProfileFile(path.join(PROFILES_DIR, `${name}.json`)),
);

/** Every file under profiles/, by name, for --profile <name>. */
export function bundledProfileNames(): string[] {
  return existsSync(PROFILES_DIR)
    ? readdirSync(PROFILES_DIR)
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.slice(0, -5))
    : [];
}
