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
import { PostgresSignInLimits } from "./db/postgres/sign-in-limits";
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

describe("sign-in limits in PostgreSQL, shared by instances", () => {
  it("counts twenty attempts sent at once through two instances one after the other: ten go ahead, then the pair waits; a success forgives", async () => {
    const url = await (await theCluster()).createDatabase();
    const [one, two] = await Promise.all([openPostgres({ url, poolSize: 5 }), openPostgres({ url, poolSize: 5 })]);
    try {
      const waits = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? one : two).signInLimits.begin("x@y.test", "10.0.0.1")),
      );
      expect(waits.filter((w) => w === 0)).toHaveLength(10);
      expect(waits.filter((w) => w > 0 && w <= 15 * 60)).toHaveLength(10);
      // Another address for the same email is not held back by this one's failures (fewer than 100).
      expect(await two.signInLimits.begin("x@y.test", "10.0.0.2")).toBe(0);
      await one.signInLimits.succeeded("x@y.test", "10.0.0.2");
      // The table keeps hashes, never the email or the address.
      const rows = await one.pool.query<{ key_hash: string }>("SELECT key_hash FROM sign_in_windows");
      expect(rows.rows.every((r) => /^[0-9a-f]{64}$/.test(r.key_hash))).toBe(true);
      // Windows run out: a clock past the window lets the pair try again.
      const later = new PostgresSignInLimits(one.pool, undefined, () => new Date(Date.now() + 16 * 60_000));
      expect(await later.begin("x@y.test", "10.0.0.1")).toBe(0);
    } finally {
      await Promise.all([one.store.close(), two.store.close()]);
    }
  });
});
