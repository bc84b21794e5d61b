/**
 * A recorded run, as `qmt-sim --replay` reads it: the AT transcripts the harness writes (one per
 * scenario, `[   1.318 s] >> AT+QMTSUB=…<CR>` / `<< <CR><LF>OK<CR><LF>`), either one transcript
 * file or an Allure results folder whose results carry each scenario's "AT transcript"
 * attachment. Each transcript becomes a Track: the host's steps (a command line, or the data typed
 * after a `>` prompt) and, for each, what the module sent afterwards and how long after.
 *
 * The text format is src/at/transcript.ts's render() with src/at/byte-text.ts's escapes; it is
 * parsed here again on purpose (src/sim shares no code with src/at).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { importFieldLog } from './field-log';
import { parsePacketLog, type LoggedPacket } from './packet-log';
import { addPackets } from './timeline';

export type { BrokerTrigger, HostStep, RecordedIdentity, RecordedOutput, Recording, Track } from './recording-types';
import type { BrokerTrigger, HostStep, RecordedIdentity, RecordedOutput, Recording, Track } from './recording-types';

const ENTRY = /^\[\s*(-?\d+\.\d{3}) s\] (>>|<<) (.*)$/;

/**
 * Loads a transcript file or an Allure results folder; throws one clear sentence, starting with
 * the option that named it (`option`), when neither.
 */
export function loadRecording(where: string, option = '--replay'): Recording {
  if (!existsSync(where)) throw new Error(`${option} ${where}: no such file or folder`);
  if (statSync(where).isDirectory()) return loadResultsFolder(where, option);
  const text = readFileSync(where, 'utf8');
  let track = parseTranscript(text, path.basename(where), where);
  // Not the project's transcript: a field log as a terminal or a logging tool shows it.
  if (track.steps.length === 0) track = parseTranscript(importFieldLog(text, where), path.basename(where), where);
  if (track.steps.length === 0)
    throw new Error(`${option} ${where}: neither an AT transcript nor a field log (no command line found)`);
  return { source: where, tracks: [track], identity: {} };
}

interface AllureResult {
  uuid?: string;
  name?: string;
  start?: number;
  attachments?: { name?: string; source?: string }[];
  steps?: AllureResult[];
}

interface AllureContainer {
  children?: string[];
  afters?: AllureResult[];
}

/**
 * allure-cucumberjs files what an After hook attaches under a container (`<uuid>-container.json`,
 * `afters[].steps[].attachments`) whose `children` name the scenario's result; older writers put
 * it on the result itself. Both are read.
 */
function loadResultsFolder(dir: string, option: string): Recording {
  const files = readdirSync(dir);
  const readJson = <T>(file: string): T | undefined => {
    try {
      return JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as T;
    } catch {
      return undefined; // a half-written file of an interrupted run holds nothing to replay
    }
  };
  const fromContainers = new Map<string, { transcript?: string; packets?: string }>();
  for (const file of files.filter((f) => f.endsWith('-container.json'))) {
    const container = readJson<AllureContainer>(file);
    const afters = container?.afters ?? [];
    const transcript = afters.map((a) => findAttachment(a, 'AT transcript')).find(Boolean);
    const packets = afters.map((a) => findAttachment(a, 'Broker packets')).find(Boolean);
    if (transcript) for (const child of container?.children ?? []) fromContainers.set(child, { transcript, packets });
  }
  const results: { name: string; start: number; file: string; packets?: string }[] = [];
  for (const file of files.filter((f) => f.endsWith('-result.json'))) {
    const result = readJson<AllureResult>(file);
    if (!result) continue;
    const own = findAttachment(result, 'AT transcript');
    const attachments = own
      ? { transcript: own, packets: findAttachment(result, 'Broker packets') }
      : fromContainers.get(result.uuid ?? '');
    if (attachments?.transcript && existsSync(path.join(dir, attachments.transcript))) {
      const packets = attachments.packets ? path.join(dir, attachments.packets) : undefined;
      results.push({
        name: result.name ?? file,
        start: result.start ?? 0,
        file: path.join(dir, attachments.transcript),
        ...(packets && existsSync(packets) ? { packets } : {}),
      });
    }
  }
  if (results.length === 0)
    throw new Error(`${option} ${dir}: no Allure result with an "AT transcript" attachment in this folder`);
  // Run order, so the first recorded scenario that fits is the one that ran first.
  results.sort((a, b) => a.start - b.start);
  const tracks = results
    .map((r) => {
      const text = readFileSync(r.file, 'utf8');
      const track = parseTranscript(text, r.name, r.file);
      if (r.packets) addPackets(track, alignPackets(parsePacketLog(readFileSync(r.packets, 'utf8')), text));
      return track;
    })
    .filter((t) => t.steps.length > 0);
  return { source: dir, tracks, identity: readIdentity(path.join(dir, 'environment.properties')) };
}

function findAttachment(result: AllureResult, name: string): string | undefined {
  const own = result.attachments?.find((a) => a.name === name)?.source;
  if (own) return own;
  for (const step of result.steps ?? []) {
    const found = findAttachment(step, name);
    if (found) return found;
  }
  return undefined;
}

function readIdentity(file: string): RecordedIdentity {
  if (!existsSync(file)) return {};
  const props = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^([^=#]+)=(.*)$/.exec(line.trim());
    if (match) props.set(match[1], match[2].replace(/\\(.)/g, '$1'));
  }
  return { model: props.get('Model'), firmware: props.get('Firmware') };
}

/**
 * The packet log's times are the scenario clock's; the transcript's are seconds since its first
 * byte. On the built-in simulator's virtual clock both start at 0; on a real clock the log holds
 * epoch milliseconds, moved here onto the transcript's time line (its header names the wall time
 * of its first byte).
 */
function alignPackets(packets: LoggedPacket[], transcript: string): LoggedPacket[] {
  if (!packets.some((p) => p.at > 1e11)) return packets;
  const wall = /^# AT transcript, first byte at (\S+)/m.exec(transcript)?.[1];
  const first = ENTRY.exec(transcript.split('\n').find((l) => ENTRY.test(l)) ?? '');
  const origin = wall ? Date.parse(wall) - Math.round(Number(first?.[1] ?? 0) * 1000) : NaN;
  if (Number.isNaN(origin)) return packets;
  return packets.map((p) => ({ ...p, at: p.at - origin }));
}

/** Parses one rendered transcript into host steps with the module's output after each. */
export function parseTranscript(text: string, name: string, file: string): Track {
  const steps: { kind: 'line' | 'data'; bytes: Buffer; line: number; at: number; outputs: RecordedOutput[] }[] = [];
  let lastRx: Buffer | undefined;
  text.split('\n').forEach((raw, index) => {
    const match = ENTRY.exec(raw);
    if (!match) return;
    const at = Math.round(Number(match[1]) * 1000);
    const bytes = unescapeBytes(match[3]);
    if (match[2] === '<<') {
      // Output before the host's first step (a boot URC) has no step to follow; it is not replayed.
      steps[steps.length - 1]?.outputs.push({ afterMs: at - steps[steps.length - 1].at, bytes });
      lastRx = bytes;
      return;
    }
    const previous = steps[steps.length - 1];
    // After a prompt (the module's last bytes end without a line end) the host types data; a
    // long payload is cut into several entries by the transcript, so consecutive ones are joined.
    // AT+QFUPL's prompt is CONNECT (the file's bytes follow, spec 5.2's upload of certificates).
    const afterPrompt = lastRx !== undefined && /(> ?|\r\nCONNECT\r\n)$/.test(lastRx.toString('latin1'));
    // The transcript cuts a long entry (a payload, a 1 KB command line) into several; an
    // unfinished command line (no CR yet) goes on in the next one.
    const unfinished =
      previous?.kind === 'data' || (previous?.kind === 'line' && previous.bytes[previous.bytes.length - 1] !== 0x0d);
    if (previous && unfinished && previous.outputs.length === 0) {
      previous.bytes = Buffer.concat([previous.bytes, bytes]);
      return;
    }
    if (afterPrompt && previous && previous.outputs.length > 0) {
      steps.push({ kind: 'data', bytes, line: index + 1, at, outputs: [] });
      lastRx = undefined;
      return;
    }
    steps.push({ kind: 'line', bytes, line: index + 1, at, outputs: [] });
    lastRx = undefined;
  });
  return {
    name,
    file,
    steps: steps.map((s) => ({
      kind: s.kind,
      bytes: s.bytes,
      text: s.kind === 'line' ? s.bytes.toString('latin1').replace(/[\r\n]+$/, '') : s.bytes.toString('latin1'),
      line: s.line,
      at: s.at,
      outputs: s.outputs,
    })),
    triggers: [],
  };
}

/** The inverse of the transcript's escaping: `<CR>`, `<LF>`, `<0xNN>`, printable ASCII as is. */
export function unescapeBytes(text: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < text.length;) {
    if (text.startsWith('<CR>', i)) {
      out.push(0x0d);
      i += 4;
    } else if (text.startsWith('<LF>', i)) {
      out.push(0x0a);
      i += 4;
    } else if (/^<0x[0-9A-F]{2}>/.test(text.slice(i, i + 6))) {
      out.push(parseInt(text.slice(i + 3, i + 5), 16));
      i += 6;
    } else {
      out.push(text.charCodeAt(i) & 0xff);
      i += 1;
    }
  }
  return Buffer.from(out);
}
