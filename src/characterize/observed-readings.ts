/**
 * Collects what a default-mode run observed: for each reading (and unstated default) the values
 * seen, with the evidence of the first scenario that showed each, from the Allure results' labels.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface ObservedValue {
  readonly value: string;
  /** Scenarios that showed it. */
  readonly scenarios: string[];
  /** "AT+QMTCFG=… → …" of the first of them. */
  readonly evidence: string;
}

export type ObservedReadings = Map<string, ObservedValue[]>;

interface RawResult {
  name?: string;
  labels?: { name?: string; value?: string }[];
}

export function observedReadings(resultsDir: string): ObservedReadings {
  const out: ObservedReadings = new Map();
  for (const file of readdirSync(resultsDir).filter((f) => f.endsWith('-result.json'))) {
    let raw: RawResult;
    try {
      raw = JSON.parse(readFileSync(path.join(resultsDir, file), 'utf8')) as RawResult;
    } catch {
      continue; // a half-written result of an interrupted run says nothing
    }
    const labels = raw.labels ?? [];
    const evidence = new Map(
      labels.filter((l) => l.name === 'reading-evidence' && l.value).map((l) => splitEvidence(l.value as string)),
    );
    for (const label of labels.filter((l) => l.name === 'reading' && l.value)) {
      const at = (label.value as string).lastIndexOf('=');
      const id = (label.value as string).slice(0, at);
      const value = (label.value as string).slice(at + 1);
      const values = out.get(id) ?? [];
      const known = values.find((v) => v.value === value);
      if (known) known.scenarios.push(raw.name ?? file);
      else values.push({ value, scenarios: [raw.name ?? file], evidence: evidence.get(`${id}=${value}`) ?? '' });
      out.set(id, values);
    }
  }
  return out;
}

function splitEvidence(text: string): [string, string] {
  const colon = text.indexOf(': ');
  return [text.slice(0, colon), text.slice(colon + 2)];
}
