/**
 * Checks what a user typed before anything runs: a bad option is one clear line and exit code 2.
 */
import { existsSync } from 'node:fs';
import parseTagExpression from '@cucumber/tag-expressions';
import { findVariant } from '../variants/catalog';

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
  if (!existsSync(port)) throw new UsageError(`--port ${port}: no such device (expected a serial device path, tcp://host:port or rfc2217://host:port)`);
  return port;
}

export function checkInteger(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new UsageError(`${name} ${value}: expected a whole number from ${min} to ${max}`);
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
