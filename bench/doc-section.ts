/**
 * docs/benchmarks.md is written by several bench scripts: bench/run.ts writes the table, the others
 * each keep a section of their own between `<!-- bench:<name>:start -->` and `…:end -->` markers,
 * which a rewrite of the table keeps.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './measure';

export const BENCHMARKS_FILE = path.join(ROOT, 'docs', 'benchmarks.md');

const SECTION = /<!-- bench:([\w-]+):start -->[\s\S]*?<!-- bench:\1:end -->/g;

/** Replaces (or appends) the section `name` of docs/benchmarks.md. */
export function writeSection(name: string, lines: string[]): string {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const section = [start, ...lines, end].join('\n');
  let text = existsSync(BENCHMARKS_FILE)
    ? readFileSync(BENCHMARKS_FILE, 'utf8')
    : "# Benchmarks\n\nThe harness's own speed (`npm run bench`); never a pass/fail threshold.\n";
  if (text.includes(start) && text.includes(end)) {
    text = text.slice(0, text.indexOf(start)) + section + text.slice(text.indexOf(end) + end.length);
  } else {
    text = `${text.trimEnd()}\n\n${section}\n`;
  }
  writeFileSync(BENCHMARKS_FILE, text);
  return BENCHMARKS_FILE;
}

/** The sections the file holds now, to keep when the table above them is rewritten. */
export function existingSections(): string[] {
  if (!existsSync(BENCHMARKS_FILE)) return [];
  return readFileSync(BENCHMARKS_FILE, 'utf8').match(SECTION) ?? [];
}
