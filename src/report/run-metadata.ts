// Run-level files Allure reads from the results folder: environment.properties (Overview →
// Environment widget), executor.json (Overview → Executors, build name in trend tooltips) and
// categories.json (Categories tab: module non-conformance vs harness/rig trouble), and
// declared-profile.json (what a strict run declared; the compliance summary's "Readings observed").
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeDeclaredProfile, type DeclaredProfile } from './declared-profile';
import { allureCategories } from './failure-classes';
import { maskRigCredentials } from './labels';

export interface RunMetadata {
  variant: string;
  firmware: string;
  model: string;
  rig: string;
  harness: string;
  startedAt: Date;
  brokerHost: string;
  tags?: string;
  faults?: string[];
  /** Strict mode (`--profile`): the readings the module must show. Absent: default mode. */
  declaredProfile?: DeclaredProfile;
}

export interface RunMetadataFiles {
  environment: string;
  executor: string;
  categories: string;
  declaredProfile: string;
}

// java.util.Properties escaping: a key or value with '=', ':' or '\' must not split the line.
function escapeProperty(text: string, isKey: boolean): string {
  let out = text
    .replace(/\\/g, '\\\\')
    .replace(/\r?\n/g, '\\n')
    .replace(/[=:#!]/g, (c) => `\\${c}`);
  if (isKey) out = out.replace(/ /g, '\\ ');
  return out.replace(/^ /, '\\ ');
}

export function environmentProperties(meta: RunMetadata): string {
  const entries: [string, string][] = [
    ['Variant', meta.variant],
    ['Model', meta.model],
    ['Firmware', meta.firmware],
    ['Rig', maskRigCredentials(meta.rig)],
    ['Harness', meta.harness],
    ['Started', meta.startedAt.toISOString()],
    ['Broker', meta.brokerHost],
  ];
  entries.push([
    'Profile',
    meta.declaredProfile
      ? `${meta.declaredProfile.name} (strict: another reading than declared fails)`
      : 'none (default mode: every reading the note allows passes)',
  ]);
  if (meta.tags) entries.push(['Tags', meta.tags]);
  if (meta.faults && meta.faults.length > 0) entries.push(['Faults', meta.faults.join(', ')]);
  return entries.map(([k, v]) => `${escapeProperty(k, true)}=${escapeProperty(v, false)}`).join('\n') + '\n';
}

export function executorInfo(meta: RunMetadata): Record<string, unknown> {
  return {
    name: 'qmt-conformance',
    type: 'qmt',
    buildName: `${meta.variant} ${meta.firmware} (${meta.startedAt.toISOString()})`,
    // Allure orders history trend points by buildOrder.
    buildOrder: meta.startedAt.getTime(),
    reportName: `QMT conformance — ${meta.variant} ${meta.firmware}`,
  };
}

export function writeRunMetadata(resultsDir: string, meta: RunMetadata): RunMetadataFiles {
  mkdirSync(resultsDir, { recursive: true });
  const files: RunMetadataFiles = {
    environment: join(resultsDir, 'environment.properties'),
    executor: join(resultsDir, 'executor.json'),
    categories: join(resultsDir, 'categories.json'),
    declaredProfile: writeDeclaredProfile(resultsDir, meta.declaredProfile),
  };
  writeFileSync(files.environment, environmentProperties(meta));
  writeFileSync(files.executor, JSON.stringify(executorInfo(meta), null, 2) + '\n');
  writeFileSync(files.categories, JSON.stringify(allureCategories(), null, 2) + '\n');
  return files;
}
