/** `npm run temporal:search-attributes`: registers the custom search attributes at TEMPORAL_ADDRESS. */
import { Connection } from '@temporalio/client';
import { RECONNECT_QUICKLY } from '../temporal/connection-settings';
import { registerSearchAttributes } from '../temporal/search-attribute-registry';
import { readEnvironment, required } from './environment';

async function main() {
  const env = readEnvironment();
  const connection = await Connection.connect({ address: required(env, 'TEMPORAL_ADDRESS'), channelArgs: RECONNECT_QUICKLY });
  const added = await registerSearchAttributes(connection, env.TEMPORAL_NAMESPACE);
  console.log(added.length ? `Registered: ${added.join(', ')}` : 'All search attributes already registered.');
  await connection.close();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
