/**
 * What a finished run says about each scenario, read back from its Allure results folder: the
 * verdict, and the virtual timestamps of its AT transcript and broker packet log (the attachments
 * of the After hook). Two runs of the same catalog on a virtual clock must agree on all of it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface Attachment {
  name: string;
  source: string;
}

interface Step {
  attachments?: Attachment[];
  steps?: Step[];
}

interface ResultFile extends Step {
  uuid: string;
  /** Stable across runs, one per scenario and outline row (full name and parameters). */
  historyId?: string;
  fullName?: string;
  status: string;
}

interface ContainerFile {
  children?: string[];
  afters?: Step[];
}

export interface ScenarioEvidence {
  status: string;
  /** "<seconds> <direction>" per transcript line, then "<ms> <direction>" per packet. */
  timeline: string[];
}

/** The AT transcript's `[   0.772 s] <<` and the packet log's `[     772 ms] #1 module -> broker`. */
const STAMP = /^\[\s*([\d.]+) (s|ms)\] (>>|<<|#\d+ \S+ -> \S+)/;

function attachmentsOf(step: Step): Attachment[] {
  return [...(step.attachments ?? []), ...(step.steps ?? []).flatMap(attachmentsOf)];
}

function timeline(dir: string, attachments: Attachment[]): string[] {
  const wanted = attachments.filter((a) => a.name === 'AT transcript' || a.name === 'Broker packets');
  return wanted.flatMap((a) =>
    readFileSync(path.join(dir, a.source), 'utf8')
      .split('\n')
      .map((line) => STAMP.exec(line))
      .filter((m) => m !== null)
      .map((m) => `${a.name === 'AT transcript' ? 'at' : 'mqtt'} ${m[1]}${m[2]} ${m[3]}`),
  );
}

/** Scenario ("full name [history id]") → its evidence. */
export function readRunEvidence(dir: string): Map<string, ScenarioEvidence> {
  const files = readdirSync(dir);
  const afters = new Map<string, Attachment[]>();
  for (const f of files.filter((f) => f.endsWith('-container.json'))) {
    const container = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as ContainerFile;
    for (const child of container.children ?? [])
      afters.set(child, [...(afters.get(child) ?? []), ...(container.afters ?? []).flatMap(attachmentsOf)]);
  }
  const byName = new Map<string, ScenarioEvidence>();
  for (const f of files.filter((f) => f.endsWith('-result.json'))) {
    const r = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as ResultFile;
    byName.set(`${r.fullName} [${r.historyId}]`, {
      status: r.status,
      timeline: timeline(dir, [...attachmentsOf(r), ...(afters.get(r.uuid) ?? [])]),
    });
  }
  return byName;
}

/** One line per difference between two runs (empty: they agree on every verdict and timestamp). */
export function compareEvidence(
  a: Map<string, ScenarioEvidence>,
  b: Map<string, ScenarioEvidence>,
  labels: [string, string],
): string[] {
  const differences: string[] = [];
  for (const name of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(name);
    const y = b.get(name);
    if (!x || !y) {
      differences.push(`${name}: only in ${x ? labels[0] : labels[1]}`);
      continue;
    }
    if (x.status !== y.status) differences.push(`${name}: ${labels[0]} ${x.status}, ${labels[1]} ${y.status}`);
    const line = x.timeline.findIndex((t, i) => t !== y.timeline[i]);
    if (line >= 0 || x.timeline.length !== y.timeline.length) {
      const at = line >= 0 ? line : Math.min(x.timeline.length, y.timeline.length);
      differences.push(
        `${name}: timelines differ at entry ${at + 1}: ${labels[0]} "${x.timeline[at] ?? '(end)'}", ${labels[1]} "${y.timeline[at] ?? '(end)'}"`,
      );
    }
  }
  return differences;
}
