// Last line of defence: passwords, keys and device secrets (aliauth DeviceSecret, MQTT
// password …) must never reach a report a customer receives, even when a Gherkin step text or an
// AT transcript carried one. Rewrites every text file of a results folder in place.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SECRET_MASK = '***';

export interface ScrubSummary {
  filesScanned: number;
  filesChanged: string[];
  replacements: number;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

// Images, videos, zips: a NUL byte in the first 8 KiB is the usual tell of binary content.
function looksBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

/** The spellings a secret can take inside a file: raw, JSON-escaped, URL-encoded. */
function spellings(secret: string): string[] {
  const forms = new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]);
  return [...forms].filter((s) => s.length > 0);
}

function replaceAll(text: string, secrets: readonly string[]): { text: string; count: number } {
  let count = 0;
  let out = text;
  for (const secret of secrets) {
    for (const form of spellings(secret)) {
      const parts = out.split(form);
      count += parts.length - 1;
      out = parts.join(SECRET_MASK);
    }
  }
  return { text: out, count };
}

// For JSON, replace inside string values only (Allure's keys are a fixed schema), so a short
// secret such as "1" or "name" cannot break the file's structure and make Allure drop the result.
function scrubJsonValue(value: unknown, secrets: readonly string[], counter: { n: number }): unknown {
  if (typeof value === 'string') {
    const r = replaceAll(value, secrets);
    counter.n += r.count;
    return r.text;
  }
  if (Array.isArray(value)) return value.map((v) => scrubJsonValue(v, secrets, counter));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = scrubJsonValue(v, secrets, counter);
    return out;
  }
  return value;
}

function scrubText(path: string, text: string, secrets: readonly string[]): { text: string; count: number } {
  if (path.endsWith('.json')) {
    try {
      const counter = { n: 0 };
      const scrubbed = scrubJsonValue(JSON.parse(text), secrets, counter);
      if (counter.n === 0) return { text, count: 0 };
      return { text: JSON.stringify(scrubbed), count: counter.n };
    } catch {
      // Not valid JSON (truncated by a crash?): fall back to plain text replacement.
    }
  }
  return replaceAll(text, secrets);
}

export function scrubResultsDir(dir: string, secrets: string[]): ScrubSummary {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`results folder not found: ${dir}`);
  }
  // Longest first, so a secret that contains another is masked whole.
  const usable = [...new Set(secrets.filter((s) => typeof s === 'string' && s.length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  const summary: ScrubSummary = { filesScanned: 0, filesChanged: [], replacements: 0 };
  if (usable.length === 0) return summary;
  for (const file of listFiles(dir)) {
    const bytes = readFileSync(file);
    if (looksBinary(bytes)) continue;
    summary.filesScanned++;
    const { text, count } = scrubText(file, bytes.toString('utf8'), usable);
    if (count === 0) continue;
    writeFileSync(file, text);
    summary.filesChanged.push(file);
    summary.replacements += count;
  }
  return summary;
}
