import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureCertificates } from '../../src/stack/certificates';

/** docker-compose.yml's Temporal is reached as `temporal`: its certificate must carry that name, as the stack's carries localhost. */
test('issue 22 item 8: the frontend certificate names the server its clients verify, signed by the CA they trust', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lead-certs-'));
  try {
    const files = await ensureCertificates(dir, 'temporal');
    const read = (file: string) => new X509Certificate(readFileSync(file));
    const [ca, server, client] = [read(files.caCert), read(files.serverCert), read(files.clientCert)];
    expect(files.serverName).toBe('temporal');
    expect(server.subjectAltName).toBe('DNS:temporal, DNS:localhost, IP Address:127.0.0.1');
    expect(server.checkHost('temporal')).toBe('temporal');
    for (const cert of [server, client]) expect(cert.checkIssued(ca) && cert.verify(ca.publicKey)).toBe(true);
    // serverAuth, and clientAuth: the server's own services present it to each other (mTLS inside the server).
    expect(server.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
    expect(client.keyUsage).toEqual(['1.3.6.1.5.5.7.3.2']);
    // Made once: a second start keeps them.
    await ensureCertificates(dir, 'temporal');
    expect(read(files.serverCert).fingerprint256).toBe(server.fingerprint256);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
