// What Linux's /proc says of a process, as the benches read it: CPU, page faults, peak memory.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks a second in /proc/<pid>/stat (USER_HZ). */
export const TICK = 100;

/**
 * The fields of /proc/<pid>/stat after the command's name, as numbers (the state letter is NaN):
 * [7] minor page faults, [11] user and [12] system CPU in ticks.
 */
export function procStat(pid) {
  return readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ')
    .map(Number);
}

/** The CPU a process has used so far, in ms (user and system). */
export function cpuMs(pid) {
  const fields = procStat(pid);
  return ((fields[11] + fields[12]) * 1000) / TICK;
}

/** The most memory a process has held resident (VmHWM), in MB. */
export function peakRssMb(pid) {
  return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
}

/**
 * The CPU each PostgreSQL process on this machine has used so far, in seconds, by pid: its time on a
 * CPU from /proc/<pid>/schedstat (nanoseconds, where /proc/<pid>/stat counts in ticks of 10 ms).
 */
export function postgresCpuSeconds() {
  const byPid = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres')
        byPid.set(pid, Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e9);
    } catch {
      // ended since the listing
    }
  }
  return byPid;
}

/** What the processes of two readings used between them (one that ended in between is not counted). */
export const cpuUsedBetween = (before, after) => [...after].reduce((sum, [pid, cpu]) => sum + cpu - (before.get(pid) ?? 0), 0);
