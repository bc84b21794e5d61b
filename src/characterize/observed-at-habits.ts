/**
 * The module's AT habits outside the application note, read from the AT transcripts of a
 * characterising run: whether it echoes command lines at power-up (docs/field-evidence.md#echo-at-power-up:
 * factory ATE1 on EC200U) and how it frames the data prompt (the bare `>` of spec 3.3.8, or
 * `\r\n> ` as EC200U does). A twin (`qmt-sim --profile <file>`) then greets a host the same way.
 *
 * Power-up echo is seen only where the module's state is known to be the power-up state: the first
 * ATE0 of a transcript that starts with a fresh module, or the first after a RDY (AT+CFUN=1,1). A
 * prompt is read only while echo is known to be off, so the echoed command line cannot hide it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROMPTED_COMMAND as PROMPTED } from '../at/commands/tables';

export type PowerUpEcho = 0 | 1;
export type PromptFraming = '>' | '\r\n> ';

export interface ObservedHabit<T> {
  readonly value: T;
  readonly scenarios: string[];
  /** What the first scenario showing it answered, as the transcript writes it. */
  readonly evidence: string;
}

export interface ObservedAtHabits {
  readonly echo: ObservedHabit<PowerUpEcho>[];
  readonly prompt: ObservedHabit<PromptFraming>[];
}

interface TranscriptHabits {
  echo?: { value: PowerUpEcho; evidence: string };
  prompt?: { value: PromptFraming; evidence: string };
}

// `[   1.318 s] >> AT+QMTSUB=…<CR>` (src/at/transcript.ts render(), src/at/byte-text.ts escapes).
const ENTRY = /^\[\s*-?\d+\.\d{3} s\] (>>|<<) (.*)$/;

/** The power-up echo and the prompt framing one transcript shows, where it shows them. */
export function habitsOfTranscript(text: string): TranscriptHabits {
  const exchanges: { sent: string; reply: string }[] = [];
  for (const line of text.split('\n')) {
    const match = ENTRY.exec(line);
    if (!match) continue;
    if (match[1] === '>>') exchanges.push({ sent: match[2], reply: '' });
    else if (exchanges.length) (exchanges.at(-1) as { reply: string }).reply += match[2];
  }
  const found: TranscriptHabits = {};
  let powerUp = true;
  let echoOff = false;
  for (const { sent, reply } of exchanges) {
    const command = sent.replace(/<CR>$/, '');
    if (/^ATE0$/i.test(command)) {
      if (powerUp && !found.echo)
        found.echo = { value: reply.startsWith(sent) ? 1 : 0, evidence: `${sent} → ${reply}` };
      echoOff = /OK<CR><LF>$/.test(reply);
    } else if (/^ATE1?$/i.test(command)) echoOff = false;
    else if (PROMPTED.test(command) && echoOff && !found.prompt) {
      const value = reply.startsWith('<CR><LF>> ') ? '\r\n> ' : reply.startsWith('>') ? '>' : undefined;
      if (value) found.prompt = { value, evidence: `${sent} → ${reply.slice(0, 12)}` };
    }
    if (/^ATE[01]?$/i.test(command)) powerUp = false;
    // spec 3.2 / AT+CFUN=1,1: the module restarted; its habits are the power-up ones again.
    if (/<LF>RDY<CR>/.test(reply)) {
      powerUp = true;
      echoOff = false;
    }
  }
  return found;
}

interface AllureNode {
  name?: string;
  uuid?: string;
  attachments?: { name?: string; source?: string }[];
  steps?: AllureNode[];
  children?: string[];
  afters?: AllureNode[];
}

function transcriptOf(node: AllureNode | undefined): string | undefined {
  const own = node?.attachments?.find((a) => a.name === 'AT transcript')?.source;
  return own ?? [...(node?.steps ?? []), ...(node?.afters ?? [])].map(transcriptOf).find(Boolean);
}

function readJson(file: string): AllureNode | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as AllureNode;
  } catch {
    return undefined; // a half-written file of an interrupted run says nothing
  }
}

/** Every scenario's AT transcript in an Allure results folder (after-hook attachments included). */
function transcripts(resultsDir: string): { scenario: string; text: string }[] {
  const files = readdirSync(resultsDir);
  const fromContainers = new Map<string, string>();
  for (const file of files.filter((f) => f.endsWith('-container.json'))) {
    const container = readJson(path.join(resultsDir, file));
    const source = transcriptOf(container);
    if (source) for (const child of container?.children ?? []) fromContainers.set(child, source);
  }
  return files
    .filter((f) => f.endsWith('-result.json'))
    .flatMap((file) => {
      const result = readJson(path.join(resultsDir, file));
      const source = transcriptOf(result) ?? fromContainers.get(result?.uuid ?? '');
      if (!result || !source) return [];
      return [{ scenario: result.name ?? file, text: readFileSync(path.join(resultsDir, source), 'utf8') }];
    });
}

function add<T>(list: ObservedHabit<T>[], scenario: string, seen: { value: T; evidence: string } | undefined): void {
  if (!seen) return;
  const known = list.find((h) => h.value === seen.value);
  if (known) known.scenarios.push(scenario);
  else list.push({ value: seen.value, scenarios: [scenario], evidence: seen.evidence });
}

export function observedAtHabits(resultsDir: string): ObservedAtHabits {
  const habits: ObservedAtHabits = { echo: [], prompt: [] };
  for (const { scenario, text } of transcripts(resultsDir)) {
    const seen = habitsOfTranscript(text);
    add(habits.echo, scenario, seen.echo);
    add(habits.prompt, scenario, seen.prompt);
  }
  return habits;
}
