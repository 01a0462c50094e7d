/** CPU time, from /proc: of some processes, and of the whole machine (every core, busy). */
import { readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ: 100 on Linux

/** User and system CPU of a process so far, in ms (0 once it is gone). */
function processCpuMs(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    // After the command's closing parenthesis: state is field 3, utime 14 and stime 15.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** Busy CPU of the machine so far, every core added (idle and I/O wait left out), in ms. */
function machineBusyMs(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = ticks;
  return (user + nice + system + irq + softirq + steal) * TICK_MS;
}

export interface CpuReading {
  api: number;
  workers: number;
  machine: number;
}

export function readCpu(pids: { api: Array<number | undefined>; workers: Array<number | undefined> }): CpuReading {
  const sum = (list: Array<number | undefined>) => list.reduce<number>((total, pid) => total + processCpuMs(pid), 0);
  return { api: sum(pids.api), workers: sum(pids.workers), machine: machineBusyMs() };
}

/** CPU ms per referral between two readings: the APIs, the workers, and the rest of the machine. */
export function cpuPerReferral(before: CpuReading, after: CpuReading, referrals: number) {
  const api = (after.api - before.api) / referrals;
  const workers = (after.workers - before.workers) / referrals;
  const machine = (after.machine - before.machine) / referrals;
  return { api, workers, rest: machine - api - workers, machine };
}
