/** Starts the product: `npm start` (builds the web app first). */
import { systemClock } from "./clock";
import { loadConfig } from "./config";
import { buildApp } from "./app";
import { openStore } from "./db/open-store";
import { DEMO_USERS, seedDemo } from "./demo";
import { createServices } from "./services";

const config = loadConfig();
const now = systemClock;
// A database that cannot be reached at start stops it with one line naming DATABASE_URL (no password).
const { store, signInLimits, where, openDocuments } = await openStore(config, now, (error) => {
  console.warn(
    `database connection lost (${(error as { code?: string }).code ?? error.constructor.name}); reconnecting`,
  );
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
if (config.MODE === "demo") await seedDemo(store, now());
// Supporting documents where the engine keeps them (PostgreSQL: in the database, shared by every instance).
const app = await buildApp(createServices(config, store, now, signInLimits, openDocuments()));

// Sessions idle or older than their limits are refused anyway; purging them keeps the table small.
const purgeIdleSessions = () => {
  const at = now().getTime();
  return store.deleteExpiredSessions(
    at - config.SESSION_IDLE_MINUTES * 60_000,
    at - config.SESSION_MAX_HOURS * 60 * 60_000,
  );
};
await purgeIdleSessions();
// A failed purge (a busy database) is tried again next hour; it must not take the server down.
setInterval(() => {
  purgeIdleSessions().catch((error: unknown) => {
    app.log.warn(
      { err: { type: error instanceof Error ? error.constructor.name : typeof error } },
      "session purge failed",
    );
  });
}, 60 * 60_000).unref();

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void app
      .close()
      .then(() => store.close())
      .then(() => process.exit(0));
  });
}

await app.listen({ port: config.PORT, host: config.HOST });
const url = `http://${config.HOST === "0.0.0.0" ? "localhost" : config.HOST}:${config.PORT}/`;
console.log(`Hemgenix prior authorization is running at ${url} (database ${where})`);
if (config.MODE === "demo") {
  console.log("Demo mode: sign in as any of these (password for all: the one shown):");
  for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(8)} ${user.email}  ${user.password}`);
}
