import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { LAUNCH_ARGS } from "./e2e/support/browser";

const PORT = Number(process.env.E2E_PORT ?? 4310);
// The test FHIR server's port: free now, chosen once by the runner (workers read it from the
// environment they inherit, so every process agrees on it).
process.env.E2E_FHIR_PORT ??= execFileSync(process.execPath, [
  "-e",
  "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})",
])
  .toString()
  .trim();
const FHIR_ORIGIN = `http://127.0.0.1:${process.env.E2E_FHIR_PORT}`;

export default defineConfig({
  testDir: "e2e",
  // Browser tests are *.spec.ts; e2e/support/*.test.ts are Vitest tests of the helpers.
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "reports/e2e.json" }]],
  // Finds the browser (CHROMIUM_PATH, a system Chromium, or the npm one) and says which runs.
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      // Set by the global setup before any worker starts.
      executablePath: process.env.E2E_CHROMIUM_PATH,
      args: LAUNCH_ARGS,
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      // A real FHIR server with the synthetic patients, for the record import (e2e/support/fhir-server.ts).
      command: "node --import tsx e2e/support/fhir-server-main.ts",
      url: `${FHIR_ORIGIN}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { FHIR_PORT: process.env.E2E_FHIR_PORT, APP_ORIGIN: `http://127.0.0.1:${PORT}` },
    },
    {
      // One process (not `npx tsx`, whose children outlive a kill), serving the built app.
      command: "node --import tsx src/server/main.ts",
      url: `http://127.0.0.1:${PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        PORT: String(PORT),
        HOST: "127.0.0.1",
        MODE: "demo",
        LOG_LEVEL: "warn",
        // A throwaway database per run.
        DATABASE_FILE: join(tmpdir(), `hgx-e2e-${process.pid}-${Date.now()}.db`),
        FHIR_SERVERS: FHIR_ORIGIN,
      },
    },
  ],
});
