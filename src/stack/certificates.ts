// @peculiar/x509 resolves its services through tsyringe, which needs the Reflect metadata API first.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as x509 from '@peculiar/x509';

/**
 * A private certificate authority for the stack's mutual TLS: one CA, the Temporal frontend's server
 * certificate (its server name, localhost, 127.0.0.1), and a client certificate every Temporal client
 * presents. Made once per directory and kept; an operator replaces these files with their own PKI's.
 * `npm run stack` names the server `localhost`; docker-compose.yml `temporal`, its service's name.
 */
export interface CertificateFiles {
  caCert: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** The name the server certificate carries (TEMPORAL_TLS_SERVER_NAME). */
  serverName: string;
}

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const SERVER_NAME = 'localhost';
const YEARS = 5;

/** Where the files of a directory are (the compose file names the same paths inside its volume). */
export function certificateFiles(dir: string, serverName = SERVER_NAME): CertificateFiles {
  return {
    caCert: path.join(dir, 'ca.pem'),
    serverCert: path.join(dir, 'frontend.pem'),
    serverKey: path.join(dir, 'frontend-key.pem'),
    clientCert: path.join(dir, 'client.pem'),
    clientKey: path.join(dir, 'client-key.pem'),
    serverName,
  };
}

export async function ensureCertificates(dir: string, serverName = SERVER_NAME): Promise<CertificateFiles> {
  const files = certificateFiles(dir, serverName);
  if ([files.caCert, files.serverCert, files.serverKey, files.clientCert, files.clientKey].every((f) => existsSync(f)))
    return files;
  mkdirSync(dir, { recursive: true });
  x509.cryptoProvider.set(webcrypto as unknown as Crypto);
  const notAfter = new Date(Date.now() + YEARS * 365 * 86_400_000);

  const caKeys = await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    name: 'CN=LEAD stack CA',
    keys: caKeys,
    notAfter,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });

  const issue = async (subject: string, usage: x509.ExtendedKeyUsage[], names: x509.JsonGeneralNames = []) => {
    const keys = await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
    const cert = await x509.X509CertificateGenerator.create({
      subject,
      issuer: ca.subject,
      publicKey: keys.publicKey,
      signingKey: caKeys.privateKey,
      notAfter,
      signingAlgorithm: ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
        new x509.ExtendedKeyUsageExtension(usage),
        await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
        ...(names.length ? [new x509.SubjectAlternativeNameExtension(names)] : []),
      ],
    });
    const key = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)).toString('base64');
    return {
      cert: cert.toString('pem'),
      key: `-----BEGIN PRIVATE KEY-----\n${key.match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`,
    };
  };
  // The frontend's certificate also authenticates the server's own services to the frontend (mTLS inside the server).
  const names = [...new Set([serverName, SERVER_NAME])].map((value) => ({ type: 'dns' as const, value }));
  const server = await issue(
    `CN=${serverName}`,
    [x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth],
    [...names, { type: 'ip', value: '127.0.0.1' }],
  );
  const client = await issue('CN=lead-referrals', [x509.ExtendedKeyUsage.clientAuth]);

  writeFileSync(files.caCert, ca.toString('pem'));
  writeFileSync(files.serverCert, server.cert);
  writeFileSync(files.serverKey, server.key, { mode: 0o600 });
  writeFileSync(files.clientCert, client.cert);
  writeFileSync(files.clientKey, client.key, { mode: 0o600 });
  return files;
}

/** The TEMPORAL_* settings (read by @temporalio/envconfig) of a client that connects through mTLS. */
export function mtlsClientEnvironment(files: CertificateFiles): Record<string, string> {
  return {
    TEMPORAL_TLS: 'true',
    TEMPORAL_TLS_CLIENT_CERT_PATH: files.clientCert,
    TEMPORAL_TLS_CLIENT_KEY_PATH: files.clientKey,
    TEMPORAL_TLS_SERVER_CA_CERT_PATH: files.caCert,
    TEMPORAL_TLS_SERVER_NAME: files.serverName,
  };
}

export const readPem = (file: string): Buffer => readFileSync(file);
