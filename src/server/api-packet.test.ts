// @vitest-environment node
/** The submission packet suite (api-packet-suite.ts) on a real SQLite file, documents beside it. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { PACKET_AUDIT_SQL, packetApiSuite, type PacketAuditRow } from "./api-packet-suite";
import { startServer } from "./test-support";

packetApiSuite("SQLite", async () => {
  const server = await startServer();
  return {
    app: server.app,
    packetAudits: (reference) =>
      Promise.resolve(server.db.prepare(PACKET_AUDIT_SQL("?")).all(reference) as unknown as PacketAuditRow[]),
    spoolLeftovers: () => readdirSync(join(`${server.file}-documents`, "spool")),
    close: () => server.close(),
  };
});
