/** One transaction on a connection of the pool, shared by the store and the sign-in counts. */
import type pg from "pg";
import { translate } from "./errors";

/**
 * Runs `work` in one transaction (READ COMMITTED; races are settled by locks and conditional
 * writes, as each caller says), committing on success and rolling back on any error.
 */
export async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw translate(error);
  }
  let broken = false;
  // A connection lost between two statements of the transaction would otherwise be an
  // unhandled 'error' event (the pool listens only while the connection is idle): the next
  // statement fails instead, and the connection is dropped.
  const lost = (): void => {
    broken = true;
  };
  client.on("error", lost);
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    try {
      await client.query("ROLLBACK");
    } catch {
      broken = true;
    }
    throw translate(error);
  } finally {
    client.removeListener("error", lost);
    client.release(broken);
  }
}
