/**
 * Checks what a user typed before anything runs: a bad option is one clear line and exit code 2.
 */
import { existsSync } from 'node:fs';
import parseTagExpression from '@cucumber/tag-expressions';
import { parseTimingMargin } from '../qmt/timing-margin';
import { parseLatency } from '../sim/network-latency';
import { findVariant, resolveProfile } from '../variants/catalog';
import { RECV_LAYOUTS, type ProfileRecvLayout } from '../variants/profile';

export class UsageError extends Error {
  readonly exitCode = 2;
}

export function checkPort(port: string | undefined): string | undefined {
  if (port === undefined) return undefined;
  const scheme = /^(tcp|rfc2217):\/\//i.exec(port)?.[1]?.toLowerCase();
  if (scheme) {
    const match = /^[a-z0-9]+:\/\/([^:/]+|\[[^\]]+\]):(\d+)$/i.exec(port);
    if (!match || Number(match[2]) < 1 || Number(match[2]) > 65535) {
      throw new UsageError(`--port ${port}: expected ${scheme}://host:port with a port of 1..65535`);
    }
    return port;
  }
  if (!existsSync(port))
    throw new UsageError(
      `--port ${port}: no such device (expected a serial device path, tcp://host:port or rfc2217://host:port)`,
    );
  return port;
}

export function checkInteger(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new UsageError(`${name} ${value}: expected a whole number from ${min} to ${max}`);
  return n;
}

export function checkVariant(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  try {
    return findVariant(name).name;
  } catch (error) {
    throw new UsageError(`--variant: ${(error as Error).message}`);
  }
}

export function checkTags(expression: string | undefined): string | undefined {
  if (!expression) return undefined;
  try {
    parseTagExpression(expression);
  } catch (error) {
    throw new UsageError(`--tags "${expression}": ${(error as Error).message}`);
  }
  return expression;
}

/** A bundled profile name or a profile file; a bad file names its bad fields in one line. */
export function checkProfile(option: string, nameOrFile: string | undefined): string | undefined {
  if (nameOrFile === undefined) return undefined;
  try {
    resolveProfile(nameOrFile);
  } catch (error) {
    throw new UsageError(`${option} ${nameOrFile}: ${(error as Error).message}`);
  }
  return nameOrFile;
}

export function checkSimProfile(nameOrFile: string | undefined, port: string | undefined): string | undefined {
  if (nameOrFile !== undefined && port !== undefined)
    throw new UsageError(
      '--sim-profile chooses what the built-in simulator simulates; it cannot be used with a real module (--port, --place or --reserve)',
    );
  return checkProfile('--sim-profile', nameOrFile);
}

/** `--latency` belongs to the built-in simulator; a real module has a real network. */
export function checkLatency(text: string | undefined, port: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (port !== undefined)
    throw new UsageError(
      "--latency sets the built-in simulator's network; it cannot be used with a real module (--port, --place or --reserve)",
    );
  if (!parseLatency(text))
    throw new UsageError(`--latency ${text}: expected off, field, <ms> or <min>-<max> (milliseconds), e.g. 150-900`);
  return text;
}

export function checkTimingMargin(text: string): string {
  if (!parseTimingMargin(text))
    throw new UsageError(`--timing-margin ${text}: expected <ms>ms+<percent>%, e.g. 150ms+3%`);
  return text;
}

/** `--sim-recv-layout` / `--recv-layout`: one of the +QMTRECV layouts of docs/field-evidence.md#qmtrecv-layouts. */
export function checkRecvLayout(
  layout: string | undefined,
  port?: string,
  name = '--sim-recv-layout',
): ProfileRecvLayout | undefined {
  if (layout === undefined) return undefined;
  if (port)
    throw new UsageError(
      `${name} sets how the built-in simulator prints +QMTRECV; it cannot be used with a real module (--port, --place or --reserve)`,
    );
  if (!(RECV_LAYOUTS as readonly string[]).includes(layout))
    throw new UsageError(`${name} ${layout}: unknown layout (expected ${RECV_LAYOUTS.join(', ')})`);
  return layout as ProfileRecvLayout;
}
