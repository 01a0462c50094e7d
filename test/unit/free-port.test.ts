import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { freePort, freePortBetween, TEMPORAL_RANGE } from '../../src/net/free-port';

/**
 * Ports picked for a process started later lie below Linux's range for outgoing connections' ports,
 * which any connection on the machine can take before the process binds it (stop 39's CI: the Temporal
 * dev server of `npm start` found its port taken), and apart from the stack's Temporal ports.
 */
const listen = (port: number) =>
  new Promise<Server>((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });

test('freePort picks a bindable port below the ephemeral range and the Temporal ports', async () => {
  const [ephemeralLow] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
  for (let i = 0; i < 20; i++) {
    const port = await freePort();
    expect(port).toBeLessThan(Math.min(ephemeralLow!, TEMPORAL_RANGE[0]));
    const server = await listen(port);
    await new Promise((r) => server.close(r));
  }
});

test('freePortBetween never hands out a port in use', async () => {
  const held = await listen(await freePort());
  const port = (held.address() as { port: number }).port;
  try {
    await expect(freePortBetween(port, port + 1)).rejects.toThrow(`No free port between ${port} and ${port + 1}`);
  } finally {
    await new Promise((r) => held.close(r));
  }
});
