/**
 * `qmt characterize [--port <port>] [--out file]`: probes a module (or, without --port, the
 * built-in simulator under --sim-profile) for every reading of the note and every unstated
 * default, by running the scenarios that observe them in default mode, and writes a profile file
 * with a source per value saying how it was observed.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { characterisedProfile } from '../characterize/characterised-profile';
import { observedAtHabits } from '../characterize/observed-at-habits';
import { observedReadings } from '../characterize/observed-readings';
import { probeScenarioNames } from '../characterize/probe-scenarios';
import { checkPortOpens } from '../rig/preflight';
import { findVariant, resolveProfile } from '../variants/catalog';
import { PROJECT_ROOT, runSuite } from './cucumber-runner';
import { checkInteger, checkPort, checkSimProfile, checkTimingMargin, checkVariant, UsageError } from './options';
import { RunConfigSchema } from './run-config';
import { harnessVersion } from './version';
import { checkFileToWrite } from './checked-run';
import { DEFAULT_SIMULATED_VARIANT } from './defaults';

export interface CharacterizeOptions {
  port?: string;
  baud: string;
  variant?: string;
  simProfile?: string;
  brokerHost: string;
  brokerListen: string;
  timingMargin: string;
  out: string;
  quiet?: boolean;
}

export async function characterizeCommand(options: CharacterizeOptions): Promise<number> {
  const config = RunConfigSchema.parse({
    port: checkPort(options.port),
    baud: checkInteger('--baud', options.baud, 1, 4_000_000),
    variant: checkVariant(options.variant),
    simProfile: checkSimProfile(options.simProfile, options.port),
    brokerHost: options.brokerHost,
    brokerListen: options.brokerListen,
    timingMargin: checkTimingMargin(options.timingMargin),
    harness: harnessVersion(),
  });
  const out = checkProfileOut(options.out);
  if (config.port) {
    const problem = await checkPortOpens(config.port, config.baud);
    if (problem) throw new UsageError(`--port ${config.port}: ${problem}`);
  }
  const resultsDir = mkdtempSync(path.join(tmpdir(), 'qmt-characterize-'));
  try {
    const names = probeScenarioNames(path.join(PROJECT_ROOT, 'features'));
    const outcome = await runSuite({
      config: { ...config, resultsDir },
      names,
      tags: 'not @slow',
      resultsDir,
      quiet: options.quiet ?? true,
    });
    const base = config.simProfile
      ? resolveProfile(config.simProfile)
      : findVariant(config.variant ?? DEFAULT_SIMULATED_VARIANT);
    const how = config.port ? `on ${config.port}` : `on the built-in simulator (${config.simProfile ?? base.name})`;
    const result = characterisedProfile(base, observedReadings(resultsDir), { how }, observedAtHabits(resultsDir));
    writeFileSync(out, JSON.stringify(result.json, null, 2) + '\n');
    console.log(
      `qmt characterize: ${outcome.ran.length} probing scenarios ran, ${outcome.failed.length} failed; profile written to ${out}`,
    );
    if (result.unobserved.length)
      console.log(`qmt characterize: not observed (kept from ${base.name}): ${result.unobserved.join(', ')}`);
    if (result.inconsistent.length)
      console.log(`qmt characterize: seen with more than one value: ${result.inconsistent.join(', ')}`);
    if (outcome.failed.length)
      console.log(`qmt characterize: failed scenarios (their readings may be missing): ${outcome.failed.join('; ')}`);
    return outcome.failed.length || result.inconsistent.length ? 1 : 0;
  } finally {
    rmSync(resultsDir, { recursive: true, force: true });
  }
}

/**
 * Checked before the probing run (a minute on hardware): a file in an existing folder, and if it
 * exists, a profile qmt characterize wrote (its "$comment" says so); anything else is the user's.
 */
function checkProfileOut(file: string): string {
  const out = checkFileToWrite('--out', file);
  if (!existsSync(out)) return out;
  let comment: unknown;
  try {
    comment = (JSON.parse(readFileSync(out, 'utf8')) as { $comment?: unknown }).$comment;
  } catch {
    comment = undefined;
  }
  if (typeof comment !== 'string' || !comment.includes('by qmt characterize'))
    throw new UsageError(`--out ${file}: exists and was not written by qmt characterize; name a new file`);
  return out;
}
