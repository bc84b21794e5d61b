/**
 * Parameter checks shared by the MQTT command handlers. Every check returns `undefined` for a bad
 * value so a handler can answer ERROR in one place (spec 3.1.2: "If there is any error: ERROR").
 */
import type { AtArgument } from '../types';

/** spec 3.3.x: <client_idx> range 0~5 for every MQTT command. */
export const CLIENT_COUNT = 6;

/** A decimal integer argument (unquoted) inside [min, max]; anything else is undefined. */
export function intArg(arg: AtArgument | undefined, min: number, max: number): number | undefined {
  if (!arg || arg.quoted) return undefined;
  if (!/^-?\d{1,6}$/.test(arg.text)) return undefined;
  const value = Number(arg.text);
  return value >= min && value <= max ? value : undefined;
}

export function clientIdxArg(arg: AtArgument | undefined): number | undefined {
  return intArg(arg, 0, CLIENT_COUNT - 1);
}

/**
 * A string argument. The spec prints strings in quotes (A22: the examples quote <host_name>);
 * the simulated firmware also accepts a bare word, as many real firmwares do.
 */
export function stringArg(arg: AtArgument | undefined): string | undefined {
  return arg ? arg.text : undefined;
}

/** spec 3.3.6/3.3.7: <msgid> range 1~65535 for SUBSCRIBE/UNSUBSCRIBE. */
export function packetIdArg(arg: AtArgument | undefined): number | undefined {
  return intArg(arg, 1, 65535);
}

/** MQTT 3.1.1 §4.7: wildcards are not allowed in a topic name used for PUBLISH. */
export function isPublishTopic(topic: string): boolean {
  return topic.length > 0 && !topic.includes('+') && !topic.includes('#');
}

/** MQTT 3.1.1 §4.7.1: '#' only last and alone in its level, '+' alone in its level. */
export function isTopicFilter(filter: string): boolean {
  if (filter.length === 0) return false;
  const levels = filter.split('/');
  return levels.every((level, i) => {
    if (level.includes('#')) return level === '#' && i === levels.length - 1;
    if (level.includes('+')) return level === '+';
    return true;
  });
}
