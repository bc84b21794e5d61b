/**
 * Name resolution for AT+QMTOPEN (result 4 "Failed to parse the domain name", spec 3.3.2).
 * `localhost` and literal IP addresses resolve to themselves; `hosts` (case-insensitive) maps
 * further names to loopback addresses; names under `.invalid` never resolve (RFC 6761).
 * Everything else fails: the simulator has no DNS. The MQTT side must still refuse to
 * connect to anything but loopback (project network rule).
 */
import { isIP } from 'node:net';

export function createHostResolver(hosts: Record<string, string> = {}): (name: string) => string | undefined {
  for (const [name, ip] of Object.entries(hosts)) {
    if (!isLoopback(ip)) throw new Error(`hosts: "${name}" maps to ${ip}, which is not a loopback address`);
  }
  const table = new Map(Object.entries(hosts).map(([name, ip]) => [name.toLowerCase(), ip]));
  return (name: string) => {
    const lower = name.toLowerCase().replace(/\.$/, '');
    if (lower === 'invalid' || lower.endsWith('.invalid')) return undefined;
    if (isIP(name)) return name;
    if (lower === 'localhost') return '127.0.0.1';
    return table.get(lower);
  };
}

export function isLoopback(ip: string): boolean {
  return ip === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip);
}
