/** Stops the integration layer's shared PostgreSQL server (its data was temporary). */
export default async function integrationTeardown(): Promise<void> {
  const server = globalThis.leadSharedPostgres;
  globalThis.leadSharedPostgres = undefined;
  await server?.stop();
}
