/**
 * The built app's real server for the browser scripts (`bench-typing.ts`, `lighthouse.ts`), so
 * they start and stop it the same way: one process (`node --import tsx`, not `npx tsx`, whose
 * children survive a kill) on a free port, ready once /api/health answers, stopped with SIGTERM
 * and SIGKILL 5 s later. Each run gets a throwaway demo database, removed at stop, so a benchmark
 * never writes into the database `npm start` uses.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { freePort } from "../../src/server/free-port";

export const ROOT = resolve(import.meta.dirname, "../..");

export interface BuiltServer {
  port: number;
  /** `http://127.0.0.1:<port>` */
  url: string;
  stop(): Promise<void>;
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

/** Starts the server on the built app in dist/web; fails when there is no build or it does not come up in 30 s. */
export async function startBuiltServer(): Promise<BuiltServer> {
  if (!existsSync(resolve(ROOT, "dist/web/index.html"))) {
    throw new Error('No built web app in dist/web: run "npm run build" first.');
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), "hemgenix-script-"));
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      MODE: "demo",
      DATABASE_FILE: join(dir, "script.db"),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = async () => {
    await stopServer(child);
    rmSync(dir, { recursive: true, force: true });
  };
  let exited: number | null | undefined;
  child.once("exit", (code) => {
    exited = code;
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`The server exited with status ${String(exited)} before it was up.`);
    }
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return { port, url, stop };
    } catch {
      // not listening yet
    }
    await delay(100);
  }
  await stop();
  throw new Error("The server did not answer /api/health within 30 s.");
}
