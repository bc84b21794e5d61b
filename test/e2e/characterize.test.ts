/**
 * `qmt characterize` against the simulator under a profile writes that profile's readings and
 * unstated defaults back: every reading the note leaves open is probed by some scenario, and each
 * is observed as the simulated firmware takes it (issue: characterising alternate-readings must
 * reproduce its file).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadProfileFile, PROFILES_DIR, VARIANT_FILES } from '../../src/variants/profiles';
import { ROOT, tempDir } from './helpers';

function characterize(profile: string, out: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'bin', 'qmt.js'), 'characterize', '--sim-profile', profile, '--out', out],
      { cwd: ROOT },
    );
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (status) => resolve({ status, output }));
  });
}

/**
 * The profiles to characterise: as few as show every value any profile file gives a reading, a
 * default, a capability or an AT habit (greedy cover, recomputed from the files each run). The
 * variants of table 1 differ only in their identity (model, revision) today, so characterising
 * one of them shows all the others do; a variant that comes to differ in any of those values is
 * characterised too. Each characterisation runs the probe scenarios, seconds of CPU each.
 */
function profilesCoveringEveryValue(names: readonly string[]): string[] {
  const values = (name: string) => {
    const file = JSON.parse(readFileSync(path.join(PROFILES_DIR, `${name}.json`), 'utf8')) as Record<string, unknown>;
    return new Set(
      ['readings', 'defaults', 'capabilities', 'at'].flatMap((part) =>
        Object.entries((file[part] ?? {}) as Record<string, unknown>).map(
          ([key, value]) => `${part}.${key}=${JSON.stringify(value)}`,
        ),
      ),
    );
  };
  const shown = new Map(names.map((name) => [name, values(name)]));
  const missing = new Set([...shown.values()].flatMap((set) => [...set]));
  const chosen: string[] = [];
  while (missing.size > 0) {
    const gain = (name: string) => [...shown.get(name)!].filter((v) => missing.has(v)).length;
    const best = names.filter((n) => !chosen.includes(n)).sort((a, b) => gain(b) - gain(a))[0]!;
    chosen.push(best);
    for (const v of shown.get(best)!) missing.delete(v);
  }
  return chosen;
}

const PROFILES = profilesCoveringEveryValue(['alternate-readings', ...VARIANT_FILES]);

/**
 * Defaults a firmware's own readings hide from every answer: with ssl-query "ctx-when-enabled" and
 * SSL off at power-up no query prints <SSL_ctx_idx>; with A14query "omitted" none prints
 * <hw_time_enable>; with A3 "excep1" no CONNECT is resent, so none is exhausted. Characterising
 * such a module can only keep them from the base profile.
 */
function unobservable(profile: ReturnType<typeof loadProfileFile>): string[] {
  return [
    ...(profile.readings['ssl-query'] === 'ctx-when-enabled' && profile.defaults.sslEnable === 0 ? ['sslCtxIdx'] : []),
    ...(profile.readings.A14query === 'omitted' ? ['hwTimeEnable'] : []),
    // Only a firmware that resends CONNECT (A3 "retransmit") can use up its retries on it.
    ...(profile.readings.A3 === 'excep1' ? ['stat-connect-exhausted'] : []),
    // excep1-conn-result is seen only under Excep1 on a CONNACK timeout: AT+QMTCONN's own <result> 2
    // before the +QMTSTAT ("result-first"), or the +QMTSTAT with none before it ("stat-only").
    ...(profile.readings.A3 === 'excep1' ? [] : ['excep1-conn-result']),
  ];
}

test(
  'characterising the simulator under profiles that show every value writes back their readings and defaults',
  { timeout: 600_000 },
  async () => {
    assert.ok(PROFILES.includes('alternate-readings') && PROFILES.length >= 2, `profiles: ${PROFILES.join(', ')}`);
    const dir = tempDir('qmt-characterize-');
    // Two at a time: the machine has two cores.
    const results: { name: string; status: number | null; output: string; out: string }[] = [];
    for (let i = 0; i < PROFILES.length; i += 2) {
      const batch = PROFILES.slice(i, i + 2).map(async (name) => {
        const out = path.join(dir, `${name}.json`);
        const run = await characterize(path.join(PROFILES_DIR, `${name}.json`), out);
        return { name, out, ...run };
      });
      results.push(...(await Promise.all(batch)));
    }
    for (const { name, status, output, out } of results) {
      assert.equal(status, 0, `${name}: ${output}`);
      const declared = loadProfileFile(path.join(PROFILES_DIR, `${name}.json`));
      const written = loadProfileFile(out);
      assert.deepEqual(written.readings, declared.readings, `${name}: readings differ`);
      assert.deepEqual(written.defaults, declared.defaults, `${name}: defaults differ`);
      // The AT habits outside the note, read from the transcripts (a twin greets a host the same way).
      const habits = (p: typeof written) => [p.at?.echo, p.at?.prompt ?? '>'];
      assert.deepEqual(habits(written), habits(declared), `${name}: power-up echo and prompt framing`);
      for (const key of ['at.echo', 'at.prompt'])
        assert.match(written.sources[key] ?? '', /^observed /, `${name}: ${key}`);
      const json = JSON.parse(readFileSync(out, 'utf8')) as Record<
        'readings' | 'defaults',
        Record<string, { source: string }>
      >;
      const unobserved = [...Object.entries(json.readings), ...Object.entries(json.defaults)]
        .filter(([, entry]) => /not observed/.test(entry.source))
        .map(([id]) => id);
      assert.deepEqual(
        unobserved.sort(),
        unobservable(declared).sort(),
        `${name}: every reading and default is observed that the firmware shows at all`,
      );
    }
  },
);
