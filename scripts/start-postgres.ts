/**
 * `npm run start:postgres`: the product on PostgreSQL in one command, for trying it out: starts a
 * throwaway PostgreSQL server from the machine's binaries (as the unprivileged `postgres` user
 * when run as root; data in a temporary folder, removed at exit), then the server on it in demo
 * mode, exactly as `npm start` does on SQLite. For a real database, set DATABASE_URL and run
 * `npm start` instead. PORT and the other variables work as for `npm start`.
 */
import { spawn } from "node:child_process";
import { startPostgres } from "../src/server/postgres-cluster";

const cluster = await startPostgres({ durability: "full" });
const url = await cluster.createDatabase("hemgenix");
console.log(
  `PostgreSQL ${cluster.host}:${cluster.port} (throwaway, removed at exit); DATABASE_URL is set for the server`,
);
const server = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: url },
});
// Ctrl-C reaches the server too (same process group) and it closes; a second one must not kill this
// process before the server has gone and the throwaway cluster is stopped.
let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.once("exit", (code) => {
  cluster.stop();
  process.exit(code ?? 0);
});
