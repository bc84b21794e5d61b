/**
 * A field log, as people paste them into issues and forums, turned into the project's AT
 * transcript (`[   0.150 s] >> AT+QMTOPEN=…<CR>` / `<< <CR><LF>OK<CR><LF>`), so `qmt-sim --replay`
 * answers a host as that module did (`qmt-sim import-log` writes the transcript out).
 *
 * The forms read, in any mix:
 * - a terminal's view: command lines (echoed by the module, or typed) and the module's lines,
 *   blank lines between them, `>` for the payload prompt, the payload on the next line or after it;
 * - each line with or without a time stamp in front: `[2024-01-01 12:00:00.123]`, `[12:00:00.123]`,
 *   `12:00:00.123`, `2024-01-01 12:00:00,123`;
 * - each line with or without a direction marker: `>>` / `<<`, `TX:` / `RX:`, `[SEND]` / `[RECV]`,
 *   `[TX]` / `[RX]`, `-->` / `<--`.
 * Without a marker, a line starting with `AT` is the host's and every other line the module's.
 * Echo: a module starts with echo on (docs/field-evidence.md#echo-at-power-up: ATE1 at power-up) and a terminal log shows
 * each command as the module echoed it until ATE0; a log with markers shows the echo as a
 * received line, which is kept as the module's.
 */

interface Entry {
  readonly at: number | undefined;
  readonly dir: 'tx' | 'rx' | undefined;
  readonly text: string;
}

const STAMP =
  /^\s*\[?\s*(?:(\d{4})[-/.](\d{2})[-/.](\d{2})[ T_])?(\d{1,2}):(\d{2}):(\d{2})(?:[.,:](\d{1,6}))?\s*\]?\s*(?:[:|-]\s+)?/;
const MARKER =
  /^(>>|<<|-->|<--|->|<-|TX\s*:|RX\s*:|SEND\s*:|RECV\s*:|\[TX\]|\[RX\]|\[SEND\]|\[RECV\]|\[SND\]|\[RCV\])\s?/i;
const TX_MARKERS = /^(>>|-->|->|TX|SEND|\[TX\]|\[SEND\]|\[SND\])/i;

/** The transcript text of a field log (empty of entries when no command line is found). */
export function importFieldLog(text: string, source: string): string {
  const entries = readEntries(text);
  const origin = entries.find((e) => e.at !== undefined)?.at ?? 0;
  const marked = entries.some((e) => e.dir !== undefined);
  const out: string[] = [`# AT transcript imported from the field log ${source}`];
  let echo = true;
  let at = 0;
  let afterPrompt = false;
  let lastCommand: string | undefined;
  const emit = (dir: '>>' | '<<', bytes: string) => out.push(`${stamp(at)} ${dir} ${escape(bytes)}`);
  for (const entry of entries) {
    if (entry.at !== undefined) at = Math.max(at, entry.at - origin);
    const host = entry.dir ? entry.dir === 'tx' : /^AT/i.test(entry.text) || afterPrompt;
    if (entry.text === '') continue;
    if (!host) {
      if (marked && lastCommand !== undefined && entry.text === lastCommand) {
        emit('<<', `${entry.text}\r`); // the module's echo, as a tool with markers logged it
        continue;
      }
      const prompt = /^>\s?(.*)$/.exec(entry.text);
      if (prompt) {
        emit('<<', '\r\n> ');
        afterPrompt = true;
        // Prompt and payload on one line: the terminal shows what was typed after "> ".
        if (prompt[1] !== '' && !marked) {
          emit('>>', prompt[1]);
          afterPrompt = false;
        }
        continue;
      }
      emit('<<', `\r\n${entry.text}\r\n`);
      continue;
    }
    if (afterPrompt) {
      emit('>>', entry.text);
      afterPrompt = false;
      continue;
    }
    emit('>>', `${entry.text}\r`);
    lastCommand = entry.text;
    // A terminal shows the command as the module echoed it, while echo is on.
    if (!marked && echo) emit('<<', `${entry.text}\r`);
    // V.25ter: ATE is ATE0.
    if (/^ATE0?$/i.test(entry.text)) echo = false;
    if (/^ATE1$/i.test(entry.text)) echo = true;
  }
  return `${out.join('\n')}\n`;
}

function readEntries(text: string): Entry[] {
  const entries: Entry[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/\r/g, '');
    let at: number | undefined;
    const time = STAMP.exec(line);
    if (time && /\d:\d\d:\d\d/.test(time[0])) {
      const [, y, mo, d, h, mi, s, frac] = time;
      const ms = frac ? Number(frac.padEnd(3, '0').slice(0, 3)) : 0;
      const day = y ? Date.UTC(Number(y), Number(mo) - 1, Number(d)) : 0;
      at = day + ((Number(h) * 60 + Number(mi)) * 60 + Number(s)) * 1000 + ms;
      line = line.slice(time[0].length);
    }
    let dir: Entry['dir'];
    const marker = MARKER.exec(line);
    if (marker) {
      dir = TX_MARKERS.test(marker[1]) ? 'tx' : 'rx';
      line = line.slice(marker[0].length);
    }
    // Some tools print the line ends they saw: `\r\n` literally or `<CR><LF>`.
    line = line.replace(/(\\r|\\n|<CR>|<LF>)+$/i, '').trimEnd();
    if (dir === undefined) line = line.trimStart();
    entries.push({ at, dir, text: line });
  }
  return entries;
}

function stamp(ms: number): string {
  return `[${(ms / 1000).toFixed(3).padStart(8)} s]`;
}

/** The transcript's byte escapes (src/at/byte-text.ts's, written here again: src/sim shares no code). */
function escape(text: string): string {
  let out = '';
  for (const b of Buffer.from(text, 'utf8')) {
    if (b === 0x0d) out += '<CR>';
    else if (b === 0x0a) out += '<LF>';
    else if (b >= 0x20 && b <= 0x7e) out += String.fromCharCode(b);
    else out += `<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`;
  }
  return out;
}
