/** `npm run temporal:search-attributes`: registers the custom search attributes where TEMPORAL_* points. */
import { connectClient, temporalConnectionSettings } from '../temporal/connection-settings';
import { registerSearchAttributes } from '../temporal/search-attribute-registry';
import { readEnvironment, requireFor } from './environment';
import { say, complain } from '../process/terminal';

async function main() {
  requireFor(readEnvironment(), 'Registering search attributes', ['TEMPORAL_ADDRESS']);
  const temporal = temporalConnectionSettings()!;
  const connection = await connectClient(temporal);
  const added = await registerSearchAttributes(connection, temporal.namespace);
  say(added.length ? `Registered: ${added.join(', ')}` : 'All search attributes already registered.');
  await connection.close();
}

main().catch((err) => {
  complain(err instanceof Error ? err.message : err);
  process.exit(1);
});
