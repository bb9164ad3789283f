// @vitest-environment node
/**
 * The shared Store suite (store-suite.ts) on a real PostgreSQL server, started by the harness in a
 * throwaway data directory (as the unprivileged `postgres` user when we are root). No mocks. Each
 * opened database is a new one on that server; a second store is a second pool, as a second
 * server instance has. Without PostgreSQL's binaries this fails, saying how to install them.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, PG_MIGRATIONS } from "./db/postgres/migrations";
import { openPostgres } from "./db/postgres/pool";
import { startPostgres, type PostgresCluster } from "./postgres-cluster";
import { storeSuite } from "./store-suite";

let cluster: PostgresCluster | undefined;
let starting: Promise<PostgresCluster> | undefined;
const theCluster = (): Promise<PostgresCluster> => (starting ??= startPostgres().then((c) => (cluster = c)));

afterAll(() => {
  cluster?.stop();
});

storeSuite("PostgreSQL", async () => {
  const url = await (await theCluster()).createDatabase();
  const { store, pool } = await openPostgres({ url, poolSize: 4 });
  return {
    store,
    another: async () => (await openPostgres({ url, poolSize: 4 })).store,
    count: async (table) =>
      Number((await pool.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${table}`)).rows[0]?.n),
    setStatusBehindTheBack: async (id, status) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query("UPDATE requests SET status = $1 WHERE id = $2", [status, id]);
      await client.end();
    },
    close: () => store.close(),
  };
});

describe("PostgreSQL migrations", () => {
  let url: string;
  beforeAll(async () => {
    url = await (await theCluster()).createDatabase();
  });

  it("two instances starting together migrate once: every version applied exactly once, in order", async () => {
    const pools = [1, 2, 3].map(() => new pg.Pool({ connectionString: url, max: 2 }));
    try {
      const applied = await Promise.all(pools.map((pool) => migrate(pool)));
      expect(applied.flat().sort()).toEqual(PG_MIGRATIONS.map((m) => m.version));
      const rows = (
        await pools[0]?.query<{ version: number }>("SELECT version FROM schema_migrations ORDER BY version")
      )?.rows;
      expect(rows?.map((r) => r.version)).toEqual(PG_MIGRATIONS.map((m) => m.version));
      expect(await migrate(pools[0] as pg.Pool)).toEqual([]);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });
});
