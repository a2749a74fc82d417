/** Jest global teardown: drop the run's database. */
export default async function teardownTestDatabase(): Promise<void> {
  await globalThis.__madoguchiTestDatabase?.drop();
  globalThis.__madoguchiTestDatabase = undefined;
}
