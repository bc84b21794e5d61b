/**
 * Reads Allure results the way the report does: a scenario's attachments sit in its steps (at
 * any depth) and in the before/after fixtures of the containers that list it as a child.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface AllureAttachment {
  name: string;
  source: string;
}

interface StepLike {
  attachments?: AllureAttachment[];
  steps?: StepLike[];
}

export interface ScenarioResult extends StepLike {
  uuid: string;
  name: string;
  status: string;
  start: number;
  statusDetails?: { message?: string };
  labels?: { name: string; value: string }[];
}

function readJson<T>(dir: string, suffix: string): T[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as T);
}

/** Conformance scenarios (not the spec coverage matrix), in the order they started. */
export function scenarioResults(dir: string): ScenarioResult[] {
  return readJson<ScenarioResult>(dir, '-result.json')
    .filter((r) => !r.name.startsWith('Spec coverage'))
    .sort((a, b) => a.start - b.start);
}

function collect(node: StepLike): AllureAttachment[] {
  return [...(node.attachments ?? []), ...(node.steps ?? []).flatMap(collect)];
}

/** Every attachment of `result`, including those of its Before/After hooks. */
export function attachmentsOf(dir: string, result: ScenarioResult): AllureAttachment[] {
  const containers = readJson<{ children?: string[]; befores?: StepLike[]; afters?: StepLike[] }>(
    dir,
    '-container.json',
  ).filter((c) => c.children?.includes(result.uuid));
  return [
    ...collect(result),
    ...containers.flatMap((c) => [...(c.befores ?? []), ...(c.afters ?? [])].flatMap(collect)),
  ];
}

/** The text of the first attachment of `result` whose name matches. */
export function attachmentText(dir: string, result: ScenarioResult, name: RegExp): string | undefined {
  const found = attachmentsOf(dir, result).find((a) => name.test(a.name));
  return found && readFileSync(path.join(dir, found.source), 'utf8');
}
