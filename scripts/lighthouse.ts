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
import { mkdir, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig, type Config, type Flags, type Result } from "lighthouse";
import { ROOT, startBuiltServer } from "./support/server";
import { findChromium } from "../e2e/support/browser";

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
  const server = await startBuiltServer();
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    const found = await findChromium({
      ...process.env,
      CHROMIUM_PATH: process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH,
    });
    Object.assign(process.env, found.env);
    chrome = await chromeLauncher.launch({
      chromePath: found.path,
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
        const result = await lighthouse(`${server.url}${page.path}`, flags, preset.config);
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
    await server.stop();
  }
}

await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
