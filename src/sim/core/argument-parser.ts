/**
 * Splits the argument text of a set command (`"keepalive",0,60`) into arguments.
 * Rules of the simulated firmware (strict, so a sloppy host is caught):
 * - arguments are separated by a single comma, no spaces around it (a space outside quotes
 *   is a wrong separator → ERROR);
 * - a quoted argument runs from `"` to the next `"` (no escapes; the note defines none) and
 *   must be followed by a comma or the end of the line; an unterminated quote → ERROR;
 * - an unquoted argument is printable ASCII without `"`, `,` or space (numbers, `0xFFFF`);
 * - an empty argument (`a,,b` or a trailing comma) is kept as `''`.
 * Returns undefined on any syntax error. The caller has already rejected non-ASCII bytes.
 */
import type { AtArgument } from '../types';

export function parseArguments(text: string): AtArgument[] | undefined {
  const args: AtArgument[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      const close = text.indexOf('"', i + 1);
      if (close < 0) return undefined;
      args.push({ text: text.slice(i + 1, close), quoted: true });
      i = close + 1;
    } else {
      let end = i;
      while (end < text.length && text[end] !== ',') {
        if (text[end] === '"' || text[end] === ' ') return undefined;
        end++;
      }
      args.push({ text: text.slice(i, end), quoted: false });
      i = end;
    }
    if (i === text.length) return args;
    if (text[i] !== ',') return undefined;
    i++;
  }
}
