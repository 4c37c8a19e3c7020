import { E2E_DB, createTestApp, type TestContext } from './support/test-app.js';

/** On MySQL the schema comes from the versioned migrations: they must describe every entity exactly. */
(E2E_DB === 'mysql' ? describe : describe.skip)('MySQL migrations (e2e)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp({ SEED_DEMO: 'false' });
  });
  afterAll(() => ctx.close());

  it('leave nothing for schema synchronisation to do', async () => {
    const pending = await ctx.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('are all applied', async () => {
    expect(await ctx.dataSource.showMigrations()).toBe(false);
  });
});
