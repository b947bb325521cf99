// How busy the rest of the machine was while a benchmark phase ran: CPU used by
// processes that are not this benchmark (this process and its children, and the
// PostgreSQL backends serving its database), in cores on average. The box may
// be shared; a number measured next to someone's test run says so in its result.
// Linux only (/proc); elsewhere the meter reports null.
import fs from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every mainstream Linux

function machineBusyTicks(): number {
  const [, user, nice, system, , , irq, softirq, steal] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  return user! + nice! + system! + irq! + softirq! + steal!;
}

function ownTicks(databaseName: string): number {
  const procs = new Map<number, { ppid: number; ticks: number; isOurBackend: boolean }>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      procs.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), isOurBackend: cmdline.startsWith('postgres:') && cmdline.includes(databaseName) });
    } catch {
      // the process exited while we looked
    }
  }
  const isOurs = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 50; p = procs.get(p)?.ppid ?? 0, hops++) if (p === process.pid) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, p] of procs) if (p.isOurBackend || isOurs(pid)) ticks += p.ticks;
  return ticks;
}

/** Starts measuring; the returned function gives the other processes' average CPU use in cores since then. */
export function startOtherLoadMeter(databaseName: string): () => number | null {
  if (!fs.existsSync('/proc/stat')) return () => null;
  const t0 = Date.now();
  const busy0 = machineBusyTicks();
  const own0 = ownTicks(databaseName);
  return () => {
    const seconds = (Date.now() - t0) / 1000;
    const others = machineBusyTicks() - busy0 - (ownTicks(databaseName) - own0);
    return Math.max(0, Math.round((others / TICKS_PER_SECOND / seconds) * 100) / 100);
  };
}
