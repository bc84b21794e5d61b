/**
 * Who holds a serial device (Linux): serialport takes an exclusive flock on what it opens, and
 * /proc/locks names the pid of each flock by device inode. Best effort: elsewhere, or for a
 * holder that does not lock, nobody is named and the caller says only "busy".
 */
import { readFileSync, statSync } from 'node:fs';

export function lockHolders(device: string, locks = '/proc/locks'): number[] {
  let inode: number;
  let text: string;
  try {
    inode = statSync(device).ino;
    text = readFileSync(locks, 'utf8');
  } catch {
    return [];
  }
  const pids = new Set<number>();
  for (const line of text.split('\n')) {
    // "6: FLOCK  ADVISORY  WRITE 19992 00:1a:3 0 EOF" — pid, then major:minor:inode.
    const m = /^\d+:\s+\S+\s+\S+\s+\S+\s+(\d+)\s+[0-9a-f]+:[0-9a-f]+:(\d+)\s/i.exec(line.trim() + ' ');
    if (m && Number(m[2]) === inode && Number(m[1]) !== process.pid) pids.add(Number(m[1]));
  }
  return [...pids];
}

/** "pid 123 (node bin/qmt.js run)" where /proc tells the command line. */
export function describePid(pid: number): string {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).slice(0, 4).join(' ');
    return cmd ? `pid ${pid} (${cmd})` : `pid ${pid}`;
  } catch {
    return `pid ${pid}`;
  }
}
