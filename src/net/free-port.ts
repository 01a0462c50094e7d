import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * A free port for a process that must be told its port before it starts. The one place the product and
 * its tests pick ports. It is picked below the kernel's ephemeral range: a port handed out from that
 * range (bound to port 0, then released) can be taken, before its process binds it, by any outgoing
 * connection on the machine — a parallel test run makes thousands.
 */
export async function freePort(): Promise<number> {
  const high = Math.min(TEMPORAL_RANGE[0], ephemeralLow());
  return high - GENERAL_LOW >= 2_000 ? freePortBetween(GENERAL_LOW, high) : anyFreePort();
}

const GENERAL_LOW = 10_000;
/** The production stack's Temporal ports are picked from here, apart from every other port. */
export const TEMPORAL_RANGE = [20_000, 32_000] as const;

/** A free port from a range (Temporal stores membership ports as SQL smallint: they must be below 32768). */
export async function freePortBetween(low: number, high: number): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = low + Math.floor(Math.random() * (high - low));
    if (await bindable(port)) return port;
  }
  throw new Error(`No free port between ${low} and ${high}`);
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
  });
}

/** The lowest port of Linux's range for outgoing connections' local ports (its default where unreadable). */
function ephemeralLow(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    if (Number.isInteger(low)) return low;
  } catch {
    // not Linux: its default
  }
  return 32_768;
}
