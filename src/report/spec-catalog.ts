// The spec items (rows of the compliance matrix) and human titles of their sections, read from
// the project's copy of the spec data so the summary speaks the application note's words.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SpecItem {
  id: string;
  text: string;
  section: string;
}

export interface SpecCatalog {
  items: SpecItem[];
  sectionTitles: Map<string, string>;
}

export const DEFAULT_CATALOG_PATH = join(__dirname, '..', '..', 'spec', 'quectel-mqtt-at.json');

interface RawSpec {
  items?: { id: string; text: string }[];
  commands?: { section?: string; name?: string; title?: string }[];
  urcs?: { section?: string; name?: string; title?: string }[];
  examples?: { section?: string; title?: string }[];
  syntax?: { section?: string };
  dataInteraction?: { section?: string; figure?: string };
}

/** "3.3.1:keepalive:set" → "3.3.1"; "5.1" → "5.1". */
export function sectionOf(itemId: string): string {
  return itemId.split(':')[0];
}

function titlesFrom(spec: RawSpec): Map<string, string> {
  const titles = new Map<string, string>();
  if (spec.syntax?.section) titles.set(spec.syntax.section, 'AT command syntax');
  if (spec.dataInteraction?.section)
    titles.set(spec.dataInteraction.section, 'MQTT data interaction (timers, retransmission)');
  for (const c of [...(spec.commands ?? []), ...(spec.urcs ?? [])]) {
    if (c.section) titles.set(c.section, [c.name, c.title].filter(Boolean).join(' — '));
  }
  for (const e of spec.examples ?? []) if (e.section && e.title) titles.set(e.section, e.title);
  return titles;
}

export function loadSpecCatalog(path: string = DEFAULT_CATALOG_PATH): SpecCatalog {
  let spec: RawSpec;
  try {
    spec = JSON.parse(readFileSync(path, 'utf8')) as RawSpec;
  } catch (e) {
    throw new Error(`spec catalog unreadable: ${path} (${(e as Error).message})`);
  }
  if (!Array.isArray(spec.items)) throw new Error(`spec catalog has no items list: ${path}`);
  return {
    items: spec.items.map((i) => ({ id: i.id, text: i.text, section: sectionOf(i.id) })),
    sectionTitles: titlesFrom(spec),
  };
}

/** Numeric section order: 2 < 3.1 < 3.3.2 < 3.3.10 < 4.1 < 5.1. */
export function compareSections(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return a.localeCompare(b);
}
