// @vitest-environment node
/** The shared Store suite (store-suite.ts) on SQLite: a fresh file per database, a second store on the same file as a second instance. */
import { DatabaseSync } from "node:sqlite";
import { sqliteStore } from "./db/sqlite/database";
import { storeSuite } from "./store-suite";
import { tempDatabase } from "./test-support";

storeSuite("SQLite", async () => {
  const temp = tempDatabase("hemgenix-suite-");
  const store = sqliteStore(temp.file);
  const others: { close(): Promise<void> }[] = [];
  const withConnection = <T>(work: (db: DatabaseSync) => T): T => {
    const db = new DatabaseSync(temp.file);
    try {
      db.exec("PRAGMA busy_timeout = 5000");
      return work(db);
    } finally {
      db.close();
    }
  };
  return {
    store,
    another: async () => {
      const other = sqliteStore(temp.file);
      others.push(other);
      return other;
    },
    count: async (table) => withConnection((db) => Number(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get()?.n)),
    setStatusBehindTheBack: async (id, status) => {
      withConnection((db) => db.prepare("UPDATE requests SET status = ? WHERE id = ?").run(status, id));
    },
    close: async () => {
      await store.close();
      temp.remove();
    },
  };
});
