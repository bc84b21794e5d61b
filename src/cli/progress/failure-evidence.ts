/**
 * Where a failed scenario's AT transcript is on disk: the Allure reporter has written the
 * scenario's result (and its After hooks' container) by the time the scenario's end reaches the
 * progress display, which is registered after it. Best effort: undefined if it is not found.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

interface Attachment {
  readonly name: string;
  readonly source: string;
}

export function transcriptOf(resultsDir: string, scenario: string, since: number): string | undefined {
  let files: string[];
  try {
    files = readdirSync(resultsDir).filter(
      (f) =>
        (f.endsWith('-result.json') || f.endsWith('-container.json')) &&
        statSync(path.join(resultsDir, f)).mtimeMs >= since - 1000,
    );
  } catch {
    return undefined;
  }
  const read = (f: string) => JSON.parse(readFileSync(path.join(resultsDir, f), 'utf8')) as Record<string, unknown>;
  const results = files.filter((f) => f.endsWith('-result.json')).map(read);
  const result = results.find((r) => r.name === scenario);
  if (!result) return undefined;
  const containers = files
    .filter((f) => f.endsWith('-container.json'))
    .map(read)
    .filter((c) => (c.children as string[] | undefined)?.includes(result.uuid as string));
  const attachments = [result, ...containers].flatMap(collectAttachments);
  const best =
    attachments.find((a) => a.name === 'AT transcript') ?? attachments.find((a) => a.name.startsWith('AT transcript'));
  if (!best) return undefined;
  const file = path.join(resultsDir, best.source);
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

function collectAttachments(node: unknown): Attachment[] {
  if (Array.isArray(node)) return node.flatMap(collectAttachments);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = Array.isArray(record.attachments) ? (record.attachments as Attachment[]) : [];
  const nested = ['steps', 'befores', 'afters'].flatMap((key) => collectAttachments(record[key]));
  return [...own.filter((a) => typeof a?.name === 'string' && typeof a?.source === 'string'), ...nested];
}
