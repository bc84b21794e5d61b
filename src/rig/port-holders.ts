/**
 * Who holds a serial device (Linux): serialport takes an exclusive flock on what it opens, and
 * /proc/locks names the pid of each flock by device inode. Best effort: elsewhere, or for a
 * holder that does not lock, nobody is named and the caller says only "busy".
 */
import { readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';

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

/**
 * Who has the device open at all (Linux /proc/<pid>/fd), lock or not: `cat /dev/ttyUSB2` or a
 * terminal program takes no flock, opens fine beside the harness and reads the module's answers
 * away. For a pseudo-terminal the process that also holds a pty master (/dev/ptmx) is the
 * terminal's provider (a simulator's bridge, socat), not a competing reader.
 */
export function openHolders(device: string, proc = '/proc'): number[] {
  let target: string;
  try {
    target = realpathSync(device);
  } catch {
    return [];
  }
  const isPty = target.startsWith('/dev/pts/');
  const holders: number[] = [];
  for (const entry of safeList(proc)) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const links = safeList(`${proc}/${entry}/fd`).map((fd) => safeReadlink(`${proc}/${entry}/fd/${fd}`));
    if (!links.includes(target)) continue;
    if (isPty && links.some((l) => l === '/dev/ptmx' || l === '/dev/pts/ptmx')) continue;
    holders.push(Number(entry));
  }
  return holders;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function safeReadlink(link: string): string | undefined {
  try {
    return readlinkSync(link);
  } catch {
    return undefined;
  }
}
