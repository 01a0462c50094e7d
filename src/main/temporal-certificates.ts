/**
 * `node dist/src/main/temporal-certificates.js <directory> <server name>`: the private CA and the
 * certificates of Temporal's mutual TLS, as `npm run stack` makes its own (src/stack/certificates.ts) —
 * docker-compose.yml's one-shot `temporal-certs` writes them into its volume. Made once and kept; an
 * operator may put their own PKI's files there instead.
 */
import path from 'node:path';
import { ensureCertificates } from '../stack/certificates';
import { say, complain } from '../process/terminal';

async function main() {
  const [dir, serverName] = process.argv.slice(2);
  if (!dir || !serverName)
    throw new Error(
      'give the directory and the name the Temporal frontend is reached by, e.g. /temporal-certs temporal',
    );
  const files = await ensureCertificates(path.resolve(dir), serverName);
  say(`Temporal mTLS certificates for "${files.serverName}" in ${path.dirname(files.caCert)}`);
}

main().catch((err) => {
  complain('[temporal-certificates]', err instanceof Error ? err.message : err);
  process.exit(1);
});
