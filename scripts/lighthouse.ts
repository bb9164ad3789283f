/**
 * Lighthouse 13 on the built app: the start page and one wizard step, mobile (Lighthouse's default:
 * Moto G Power screen, simulated slow 4G and 4× CPU) and desktop (its desktop preset), categories
 * performance, accessibility and best practices.
 *
 *   npm run build && node --import tsx scripts/lighthouse.ts
 *
 * Prints the scores (0–100), FCP, LCP, TBT and CLS, then every audit that kept a score below 100 in
 * any run. Full JSON reports go to reports/lighthouse/. Nothing here is a pass/fail test.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig, type Config, type Flags, type Result } from "lighthouse";

const ROOT = resolve(import.meta.dirname, "..");
const REPORTS = resolve(ROOT, "reports/lighthouse");
const PAGES = [
  { name: "start", path: "/" },
  { name: "member step", path: "/request/member" },
] as const;
const PRESETS: readonly { name: string; config: Config | undefined }[] = [
  { name: "mobile", config: undefined },
  { name: "desktop", config: desktopConfig },
];
const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;
const METRICS = [
  { id: "first-contentful-paint", label: "FCP", format: (v: number) => `${Math.round(v)} ms` },
  { id: "largest-contentful-paint", label: "LCP", format: (v: number) => `${Math.round(v)} ms` },
  { id: "total-blocking-time", label: "TBT", format: (v: number) => `${Math.round(v)} ms` },
  { id: "cumulative-layout-shift", label: "CLS", format: (v: number) => v.toFixed(3) },
] as const;

// ---- server ------------------------------------------------------------------------------------

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => {
        done(port);
      });
    });
  });
}

async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  let exited: number | null | undefined;
  child.once("exit", (code) => {
    exited = code;
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`The server exited with status ${String(exited)} before it was up.`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return child;
    } catch {
      // not listening yet
    }
    await delay(100);
  }
  await stopServer(child);
  throw new Error("The server did not answer /api/health within 30 s.");
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

// ---- report ------------------------------------------------------------------------------------

interface Run {
  label: string;
  lhr: Result;
}

const score = (value: number | null | undefined): string =>
  value === null || value === undefined ? "–" : String(Math.round(value * 100));

function printScores(runs: Run[]): void {
  const header = ["page / preset", "perf", "a11y", "best-pr", ...METRICS.map((m) => m.label)];
  const rows = runs.map(({ label, lhr }) => [
    label,
    ...CATEGORIES.map((id) => score(lhr.categories[id]?.score)),
    ...METRICS.map((m) => {
      const value = lhr.audits[m.id]?.numericValue;
      return value === undefined ? "–" : m.format(value);
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(" | ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const row of rows) console.log(line(row));
}

/** Every scored audit below 1 in some run, with the runs it failed in. */
function printFailingAudits(runs: Run[]): void {
  const failing = new Map<string, { category: string; title: string; details: string[] }>();
  for (const { label, lhr } of runs) {
    for (const categoryId of CATEGORIES) {
      const category = lhr.categories[categoryId];
      if (category === undefined) continue;
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (audit === undefined || audit.score === null || audit.score >= 1) continue;
        if (!["binary", "numeric", "metricSavings"].includes(audit.scoreDisplayMode)) continue;
        const entry = failing.get(ref.id) ?? { category: categoryId, title: audit.title, details: [] };
        const value = audit.displayValue === undefined ? "" : `, ${audit.displayValue}`;
        entry.details.push(`${label}: ${score(audit.score)}${value}`);
        failing.set(ref.id, entry);
      }
    }
  }
  if (failing.size === 0) {
    console.log("\nEvery scored audit passed in every run.");
    return;
  }
  console.log("\nAudits scoring below 100 (id: title; run: score, value):");
  for (const [id, { category, title, details }] of [...failing].sort((a, b) =>
    a[1].category.localeCompare(b[1].category),
  )) {
    console.log(`  [${category}] ${id}: ${title}`);
    for (const detail of details) console.log(`      ${detail}`);
  }
}

// ---- main --------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (!existsSync(resolve(ROOT, "dist/web/index.html"))) {
    console.error('No built web app in dist/web: run "npm run build" first.');
    process.exitCode = 1;
    return;
  }
  const port = await freePort();
  const server = await startServer(port);
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
    });
    await mkdir(REPORTS, { recursive: true });
    const runs: Run[] = [];
    for (const preset of PRESETS) {
      for (const page of PAGES) {
        const label = `${page.name} (${page.path}) ${preset.name}`;
        const flags: Flags = {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: [...CATEGORIES],
        };
        process.stdout.write(`Lighthouse: ${label}…\n`);
        const result = await lighthouse(`http://127.0.0.1:${port}${page.path}`, flags, preset.config);
        if (result === undefined) throw new Error(`Lighthouse returned no result for ${label}.`);
        if (result.lhr.runtimeError !== undefined) {
          throw new Error(`Lighthouse failed on ${label}: ${result.lhr.runtimeError.message}`);
        }
        for (const warning of result.lhr.runWarnings) console.warn(`  warning: ${warning}`);
        const file = `${page.name.replace(/\W+/g, "-")}-${preset.name}.report.json`;
        await writeFile(resolve(REPORTS, file), JSON.stringify(result.lhr, null, 2));
        runs.push({ label, lhr: result.lhr });
      }
    }
    const version = runs[0]?.lhr.lighthouseVersion ?? "?";
    const browser = runs[0]?.lhr.environment.hostUserAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? "?";
    console.log(`\nLighthouse ${version}, ${browser}; reports in ${REPORTS}\n`);
    printScores(runs);
    printFailingAudits(runs);
  } finally {
    chrome?.kill();
    await stopServer(server);
  }
}

await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
