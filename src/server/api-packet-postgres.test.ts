// @vitest-environment node
/**
 * The submission packet suite (api-packet-suite.ts) on a real PostgreSQL server started by the
 * harness in a throwaway data directory: the app opened as main.ts opens it with DATABASE_URL
 * set, so rows and bytes are read from the database. No mocks.
 */
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll } from "vitest";
import { buildApp } from "./app";
import { systemClock } from "./clock";
import { loadConfig } from "./config";
import { openStore } from "./db/open-store";
import { PostgresDocumentBytes } from "./db/postgres/document-bytes";
import { seedDemo } from "./demo";
import { PACKET_AUDIT_SQL, packetApiSuite, type PacketAuditRow } from "./api-packet-suite";
import { startPostgres, type PostgresCluster } from "./postgres-cluster";
import { createServices } from "./services";

let cluster: PostgresCluster | undefined;
afterAll(() => {
  cluster?.stop();
});

packetApiSuite("PostgreSQL", async () => {
  cluster = await startPostgres();
  const url = await cluster.createDatabase();
  const config = loadConfig({
    MODE: "demo",
    DATABASE_URL: url,
    // Unused on PostgreSQL; set so nothing could land in the working directory.
    DATABASE_FILE: join(mkdtempSync(join(tmpdir(), "hemgenix-packet-pg-")), "unused.db"),
    LOG_LEVEL: "silent",
    STATIC_DIR: "/nonexistent",
  });
  const { store, signInLimits, openDocuments } = await openStore(config, systemClock);
  await seedDemo(store, systemClock());
  const documents = openDocuments();
  if (!(documents.bytes instanceof PostgresDocumentBytes))
    throw new Error("DATABASE_URL set, yet the documents are not in PostgreSQL");
  const spoolDir = documents.bytes.spoolDir;
  const app = await buildApp(createServices(config, store, systemClock, signInLimits, documents));
  await app.ready();
  const reader = new pg.Pool({ connectionString: url, max: 1 });
  return {
    app,
    packetAudits: async (reference) => (await reader.query<PacketAuditRow>(PACKET_AUDIT_SQL("$1"), [reference])).rows,
    // Uploads are spooled in this process's own folder before their bytes go into the database.
    spoolLeftovers: () => readdirSync(spoolDir),
    close: async () => {
      await app.close();
      await reader.end();
      await store.close();
    },
  };
});
