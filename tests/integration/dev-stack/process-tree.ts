import { execFileSync } from 'node:child_process';

export interface ProcessEntry {
  pid: number;
  command: string;
}

/** The direct children of a process, from `ps` (Linux procps). */
export function childProcesses(parentPid: number): ProcessEntry[] {
  let text: string;
  try {
    text = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(parentPid)], {
      encoding: 'utf8',
    });
  } catch {
    // ps exits 1 when nothing matches.
    return [];
  }
  return text
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ pid: Number(match[1]), command: match[2] ?? '' }))
    .filter((entry) => !entry.command.startsWith('ps '));
}

export function childPids(parentPid: number): number[] {
  return childProcesses(parentPid).map((entry) => entry.pid);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
