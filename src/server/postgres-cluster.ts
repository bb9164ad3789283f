/**
 * A throwaway PostgreSQL server for tests and the benchmark: a fresh data directory in the temp
 * folder, a free port, password authentication over TCP on 127.0.0.1, removed when stopped.
 *
 * PostgreSQL refuses to run as root, so when this process is root the server runs as the
 * unprivileged `postgres` user (through `runuser`), which owns the data directory. The server's
 * binaries come from `PG_BIN`, else the newest `/usr/lib/postgresql/<major>/bin`, else the PATH.
 * Without them this throws at once with a message that says how to get them: a test that needs
 * PostgreSQL fails loudly, never skips. Nothing here imports vitest.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort } from "./free-port";

export interface PostgresCluster {
  host: string;
  port: number;
  user: string;
  password: string;
  /** The connection address of `database` (default: the cluster's own `postgres` database). */
  url(database?: string): string;
  /** A new, empty database; its connection address. */
  createDatabase(name?: string): Promise<string>;
  /** Stops the server, keeping its data (for tests of the database going away). */
  pause(): void;
  /** Starts it again on the same port and data. */
  resume(): void;
  /** Stops the server and removes its data directory. */
  stop(): void;
  /** The server's log so far. */
  log(): string;
}

export class PostgresNotInstalled extends Error {}

function binDir(): string {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const majors = readdirSync(root)
      .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, "bin", "pg_ctl")))
      .sort((a, b) => Number(b) - Number(a));
    if (majors[0] !== undefined) return join(root, majors[0], "bin");
  }
  for (const dir of (process.env.PATH ?? "").split(":"))
    if (dir !== "" && existsSync(join(dir, "pg_ctl")) && existsSync(join(dir, "initdb"))) return dir;
  throw new PostgresNotInstalled(
    "PostgreSQL server binaries (initdb, pg_ctl) were not found: install Debian's postgresql package " +
      "(apt-get install -y postgresql; .ci/run does this when they are missing) or set PG_BIN to their folder",
  );
}

const isRoot = (): boolean => typeof process.getuid === "function" && process.getuid() === 0;

/** The unprivileged account the server runs as when we are root. */
function serverAccount(): { name: string; uid: number; gid: number } {
  const name = process.env.PG_OS_USER ?? "postgres";
  try {
    const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8" }).trim());
    return { name, uid, gid };
  } catch {
    throw new PostgresNotInstalled(
      `PostgreSQL refuses to run as root and there is no "${name}" account to run it as: install Debian's ` +
        "postgresql package (it adds one) or set PG_OS_USER to an unprivileged account",
    );
  }
}

let counter = 0;

/**
 * `durability`: "none" for tests (no fsync: nothing needs to survive a power cut); "like-sqlite"
 * for the benchmark: fsync on, commits acknowledged before their WAL reaches the disk
 * (`synchronous_commit=off`), which is what SQLite's WAL with `synchronous=NORMAL` does.
 */
export async function startPostgres(
  options: { durability?: "none" | "like-sqlite" | "full" } = {},
): Promise<PostgresCluster> {
  const bin = binDir();
  const root = isRoot();
  const account = root ? serverAccount() : undefined;
  const base = mkdtempSync(join(tmpdir(), "hemgenix-pg-"));
  const data = join(base, "data");
  const logFile = join(base, "server.log");
  const pwFile = join(base, "pw");
  const user = "hemgenix";
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  writeFileSync(pwFile, `${password}\n`);
  writeFileSync(logFile, "");
  if (account !== undefined) {
    for (const path of [base, pwFile, logFile]) chownSync(path, account.uid, account.gid);
  }
  chmodSync(base, 0o700);

  const run = (command: string, args: string[]): void => {
    const [file, argv] =
      account === undefined
        ? [join(bin, command), args]
        : ["runuser", ["-u", account.name, "--", join(bin, command), ...args]];
    const result = spawnSync(file, argv, { encoding: "utf8", cwd: base });
    if (result.status !== 0)
      throw new Error(`${command} failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  };

  run("initdb", [
    "-D",
    data,
    "-U",
    user,
    `--pwfile=${pwFile}`,
    "--auth=scram-sha-256",
    "--encoding=UTF8",
    "--locale=C",
    "--no-sync",
  ]);
  rmSync(pwFile);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    `-c unix_socket_directories=${base}`,
    "-c max_connections=200",
    "-c shared_buffers=128MB",
    ...{
      none: ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"],
      "like-sqlite": ["-c synchronous_commit=off"],
      full: [],
    }[options.durability ?? "none"],
  ].join(" ");
  const start = () => run("pg_ctl", ["-D", data, "-o", settings, "-l", logFile, "-w", "-t", "60", "start"]);
  const halt = (mode: "fast" | "immediate") => run("pg_ctl", ["-D", data, "-m", mode, "-w", "stop"]);
  start();
  let running = true;
  let removed = false;

  const stop = (): void => {
    if (removed) return;
    removed = true;
    if (running) {
      try {
        halt("immediate");
      } catch {
        // already gone
      }
      running = false;
    }
    rmSync(base, { recursive: true, force: true });
  };
  // A test run that dies leaves no server behind.
  process.once("exit", stop);

  const host = "127.0.0.1";
  const url = (database = "postgres"): string =>
    `postgres://${user}:${encodeURIComponent(password)}@${host}:${port}/${database}`;
  return {
    host,
    port,
    user,
    password,
    url,
    async createDatabase(name?: string): Promise<string> {
      counter += 1;
      const database = name ?? `t_${process.pid}_${counter}`;
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${database}"`);
      } finally {
        await client.end();
      }
      return url(database);
    },
    pause(): void {
      if (!running) return;
      halt("fast");
      running = false;
    },
    resume(): void {
      if (running) return;
      start();
      running = true;
    },
    stop,
    log: () => (existsSync(logFile) ? readFileSync(logFile, "utf8") : ""),
  };
}
