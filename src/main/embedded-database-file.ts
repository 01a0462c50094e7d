import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where `npm start` says how to reach its embedded database, for the tools run beside it (`npm run
 * users`): `<LEAD_DATA_DIR>/embedded-database.json`, readable by its owner only (it holds the roles'
 * passwords, which are kept across restarts beside the database's data).
 */
export interface EmbeddedDatabaseDetails {
  /** The owner's URL: migrations, and provisioning people. */
  ownerUrl: string;
  /** The application role's URL: what the API and the worker use. */
  appUrl: string;
}

export const embeddedDatabaseFile = (dataDir: string): string =>
  path.join(path.resolve(dataDir), 'embedded-database.json');

export function writeEmbeddedDatabaseFile(dataDir: string, details: EmbeddedDatabaseDetails): string {
  const file = embeddedDatabaseFile(dataDir);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(details, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // `mode` applies only to a file it creates
  return file;
}

export function readEmbeddedDatabaseFile(dataDir: string): EmbeddedDatabaseDetails | undefined {
  const file = embeddedDatabaseFile(dataDir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as EmbeddedDatabaseDetails) : undefined;
}
