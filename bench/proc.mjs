// What Linux's /proc says of a process, as the benches read it: CPU, page faults, peak memory.
import { readFileSync } from 'node:fs';

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
