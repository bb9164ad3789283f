/**
 * Typing latency of the intake wizard with the live eligibility panel, on a 4× slowed CPU.
 *
 *   npm run build && node --import tsx scripts/bench-typing.ts
 *
 * Starts the built app on a free port, imports the eligible fixture, opens the exposure-days step
 * and types 50 digits into "Cumulative factor IX exposure days", one key at a time at a typing
 * pace, each digit changing the I.A.6 line of the panel. For every keystroke it records:
 *
 * - Event Timing (what INP uses): the interaction's duration, from the keydown's timestamp to the
 *   next paint after its handlers ran (the longest entry sharing its interactionId). Chrome only
 *   reports entries of at least 16 ms (durationThreshold), so a faster keystroke has no entry.
 * - a MutationObserver on the panel: keydown's event.timeStamp to the panel's DOM update, and to
 *   the end of the next frame after it (requestAnimationFrame, then a message-channel task).
 *
 * Then it types the same keys into two reference pages and prints them as floors, which the app's
 * figures are read against: the framework's floor (`support/typing-floor.ts`: one field in
 * react-hook-form and one line `useWatch` re-renders, React 19 in production, built here with
 * Vite) and the bare floor (one field, one line a plain input listener rewrites): what this stack,
 * and what the browser on this machine, allow at that moment.
 *
 * Nothing here is a pass/fail test: these machines are noisy.
 */
import { resolve } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { chromium, type Browser, type Page } from "@playwright/test";
import { build } from "vite";
import { ROOT, startBuiltServer } from "./support/server";
import { LAUNCH_ARGS, findChromium } from "../e2e/support/browser";

const FIXTURE = resolve(ROOT, "fixtures/requests/eligible.json");
const CPU_SLOWDOWN = 4;
/** Typed after clearing the field each time: 50 digits in all, crossing the 150 threshold. */
const VALUES = [
  "149",
  "150",
  "220",
  "75",
  "1000",
  "8",
  "151",
  "99",
  "300",
  "42",
  "160",
  "2048",
  "12",
  "365",
  "5",
  "180",
  "77",
  "10",
  "1500",
];
const WARM_UP = ["99", "150"];
const KEYSTROKES = 50;
if (VALUES.join("").length !== KEYSTROKES) throw new Error(`VALUES must hold ${KEYSTROKES} digits.`);
/** Pause between keys, about 150 words a minute: the panel settles before the next key. */
const KEY_GAP_MS = 80;

// ---- in-page instrumentation -------------------------------------------------------------------

interface KeyRecord {
  key: string;
  /** keydown's event.timeStamp (performance.now() time base). */
  t0: number;
  /** First panel mutation after this keydown. */
  domAt?: number;
  /** End of the frame after that mutation. */
  paintAt?: number;
}

interface EventRecord {
  name: string;
  startTime: number;
  duration: number;
  interactionId: number;
}

interface Bench {
  keys: KeyRecord[];
  events: EventRecord[];
  measuring: boolean;
}

/** Fields of PerformanceEventTiming that TypeScript's DOM library does not declare yet. */
interface EventTimingEntry extends PerformanceEntry {
  interactionId?: number;
}

type BenchWindow = Window & { __typingBench?: Bench };

function installInstrumentation(): void {
  const bench: Bench = { keys: [], events: [], measuring: false };
  (window as BenchWindow).__typingBench = bench;

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as EventTimingEntry[]) {
      const interactionId = entry.interactionId ?? 0;
      if (interactionId > 0) {
        bench.events.push({ name: entry.name, startTime: entry.startTime, duration: entry.duration, interactionId });
      }
    }
  }).observe({ type: "event", durationThreshold: 16, buffered: true } as PerformanceObserverInit);

  let pending: KeyRecord | undefined;
  window.addEventListener(
    "keydown",
    (event) => {
      if (!bench.measuring) return;
      pending = { key: event.key, t0: event.timeStamp };
      bench.keys.push(pending);
    },
    { capture: true },
  );

  const panel = document.querySelector('aside[aria-labelledby="eligibility-title"]');
  if (panel === null) throw new Error("The eligibility panel is not on the page.");
  new MutationObserver(() => {
    const record = pending;
    if (record === undefined || record.domAt !== undefined) return;
    record.domAt = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        record.paintAt = performance.now();
        channel.port1.close();
      };
      channel.port2.postMessage(null);
    });
  }).observe(panel, { subtree: true, childList: true, characterData: true, attributes: true });
}

// ---- typing ------------------------------------------------------------------------------------

async function typeValue(page: Page, value: string): Promise<void> {
  const field = page.getByLabel("Cumulative factor IX exposure days");
  await field.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Backspace");
  await delay(KEY_GAP_MS * 2);
  for (const key of value) {
    const before = await page.evaluate(() => (window as BenchWindow).__typingBench?.keys.length ?? 0);
    await page.keyboard.press(key);
    // Wait until this keystroke's panel update has painted (or give up after 3 s).
    await page
      .waitForFunction(
        (index) => {
          const record = (window as BenchWindow).__typingBench?.keys[index];
          return record === undefined || record.paintAt !== undefined;
        },
        before,
        { timeout: 3000, polling: 20 },
      )
      .catch(() => undefined);
    await delay(KEY_GAP_MS);
  }
}

// ---- statistics --------------------------------------------------------------------------------

interface Stats {
  count: number;
  median: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentiles. */
function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
  return { count: sorted.length, median: rank(0.5), p95: rank(0.95), max: sorted.at(-1) ?? Number.NaN };
}

const ms = (value: number): string => (Number.isNaN(value) ? "–" : value.toFixed(1));

// ---- measuring ---------------------------------------------------------------------------------

interface Measured {
  rows: [string, Stats][];
  /** Keystrokes fast enough (under 16 ms) to have no Event Timing entry. */
  unreported: number;
  /** Event Timing p95 over every keystroke (those without an entry count as under 16 ms). */
  interactionP95: number;
  typingSeconds: number;
}

/** Types VALUES into the page's "Cumulative factor IX exposure days" at 4× CPU slowdown, measuring each key. */
async function measureTyping(page: Page): Promise<Measured> {
  const field = page.getByLabel("Cumulative factor IX exposure days");
  await page.evaluate(installInstrumentation);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });

  // Warm-up (not counted): the first keystrokes also pay for lazy compilation.
  for (const value of WARM_UP) await typeValue(page, value);
  await delay(300);

  const started = performance.now();
  await page.evaluate(() => {
    const bench = (window as BenchWindow).__typingBench;
    if (bench === undefined) throw new Error("Instrumentation missing.");
    bench.keys.length = 0;
    bench.events.length = 0;
    bench.measuring = true;
  });
  for (const value of VALUES) await typeValue(page, value);
  await delay(500); // let the last Event Timing entries arrive
  const typingSeconds = (performance.now() - started) / 1000;
  const bench = await page.evaluate(() => (window as BenchWindow).__typingBench);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  await cdp.detach();
  if (bench === undefined) throw new Error("Instrumentation missing.");

  const finalText = await field.inputValue();
  if (finalText !== VALUES.at(-1))
    throw new Error(`The field holds "${finalText}", expected "${String(VALUES.at(-1))}".`);

  const typed = bench.keys.filter((k) => /^\d$/.test(k.key));
  if (typed.length !== KEYSTROKES) {
    throw new Error(`Recorded ${typed.length} digit keystrokes, expected ${KEYSTROKES}.`);
  }

  // Event Timing: the keydown entry starts at the keydown's timeStamp; the interaction's duration
  // is the longest of its entries (keydown, keypress, keyup), as INP counts it.
  const byInteraction = new Map<number, number>();
  for (const e of bench.events) {
    byInteraction.set(e.interactionId, Math.max(byInteraction.get(e.interactionId) ?? 0, e.duration));
  }
  const eventDurations: number[] = [];
  for (const key of typed) {
    const keydown = bench.events.find((e) => e.name === "keydown" && Math.abs(e.startTime - key.t0) < 1);
    const duration = keydown === undefined ? undefined : byInteraction.get(keydown.interactionId);
    if (duration !== undefined) eventDurations.push(duration);
  }
  const domLatencies = typed.flatMap((k) => (k.domAt === undefined ? [] : [k.domAt - k.t0]));
  const paintLatencies = typed.flatMap((k) => (k.paintAt === undefined ? [] : [k.paintAt - k.t0]));
  return {
    rows: [
      ["Event Timing interaction duration (INP-style)", stats(eventDurations)],
      ["keydown → panel DOM update (MutationObserver)", stats(domLatencies)],
      ["keydown → next frame after panel update", stats(paintLatencies)],
    ],
    unreported: typed.length - eventDurations.length,
    interactionP95: stats([...eventDurations, ...Array<number>(typed.length - eventDurations.length).fill(0)]).p95,
    typingSeconds,
  };
}

function printTable(title: string, measured: Measured): void {
  const { rows, unreported } = measured;
  const nameWidth = Math.max(...rows.map(([name]) => name.length));
  console.log(`\n${title}\n`);
  console.log(`${"measure".padEnd(nameWidth)} | count | median ms | p95 ms | max ms`);
  console.log(`${"-".repeat(nameWidth)}-|-------|-----------|--------|-------`);
  for (const [name, s] of rows) {
    console.log(
      `${name.padEnd(nameWidth)} | ${String(s.count).padStart(5)} | ${ms(s.median).padStart(9)} | ${ms(s.p95).padStart(6)} | ${ms(s.max).padStart(6)}`,
    );
  }
  if (unreported > 0)
    console.log(`\n${unreported} of ${KEYSTROKES} keystrokes took under 16 ms and have no Event Timing entry.`);
}

/**
 * The floor: the same typing into a page that holds nothing but the field and a line its `input`
 * listener rewrites. No app can update anything sooner than the browser delivers the key and
 * edits the field; measured in the same run, it says what the machine allows at that moment.
 */
const BARE_PAGE = `<!doctype html><html lang="en"><title>Typing floor</title>
<label for="days">Cumulative factor IX exposure days</label> <input id="days" inputmode="numeric">
<aside aria-labelledby="eligibility-title"><h2 id="eligibility-title">Eligibility</h2><p id="line"></p></aside>
<script>days.addEventListener("input", () => { line.textContent = days.value + " exposure days"; });</script></html>`;

/** The framework's floor page, built for production in memory: one module with React, React DOM and react-hook-form. */
async function frameworkFloorPage(): Promise<string> {
  const built = await build({
    configFile: false,
    logLevel: "silent",
    mode: "production",
    root: ROOT,
    build: { write: false, rolldownOptions: { input: resolve(ROOT, "scripts/support/typing-floor.ts") } },
  });
  const outputs = (Array.isArray(built) ? built : [built]).flatMap((result) =>
    "output" in result ? result.output : [],
  );
  const entry = outputs.find((output) => output.type === "chunk" && output.isEntry);
  if (entry === undefined || entry.type !== "chunk" || outputs.length !== 1)
    throw new Error("The framework floor did not build to one module.");
  const code = entry.code.replaceAll("</script", "<\\/script");
  return `<!doctype html><html lang="en"><title>Typing floor: React and react-hook-form</title><div id="root"></div><script type="module">${code}</script></html>`;
}

// ---- main --------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const floorHtml = await frameworkFloorPage();
  const server = await startBuiltServer();
  const base = server.url;
  let browser: Browser | undefined;
  try {
    const found = await findChromium();
    Object.assign(process.env, found.env);
    browser = await chromium.launch({ executablePath: found.path, args: LAUNCH_ARGS });
    console.log(`Chromium ${browser.version()} (${found.source})`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();

    await page.goto(`${base}/`);
    await page.locator("#root:not([inert])").waitFor(); // the prerendered page is the app's now
    await page.getByLabel("Import a request document (JSON)").setInputFiles(FIXTURE);
    await page.getByText("Imported eligible.json.").waitFor();
    // The draft is saved in localStorage on every change, so the step opens with the imported answers.
    await page.goto(`${base}/request/exposure-days`);
    const field = page.getByLabel("Cumulative factor IX exposure days");
    await field.waitFor();
    const imported = await field.inputValue();
    if (imported !== "220") throw new Error(`Expected the imported 220 exposure days, found "${imported}".`);
    await page.locator('aside[aria-labelledby="eligibility-title"]').getByText("220 exposure days").waitFor();

    if (process.env.CSS)
      await page.evaluate((css) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      }, process.env.CSS);
    const app = await measureTyping(page);
    if (process.env.APPONLY) {
      printTable("app", app);
      return;
    }
    const frameworkPage = await context.newPage();
    // Served from the app's origin (nothing of the app's is loaded), so the page is an ordinary one.
    await frameworkPage.route(`${base}/typing-floor`, (route) =>
      route.fulfill({ body: floorHtml, contentType: "text/html" }),
    );
    await frameworkPage.goto(`${base}/typing-floor`);
    await frameworkPage.getByLabel("Cumulative factor IX exposure days").waitFor();
    const framework = await measureTyping(frameworkPage);
    const floorPage = await context.newPage();
    await floorPage.setContent(BARE_PAGE);
    const floor = await measureTyping(floorPage);

    printTable(
      `Typing ${KEYSTROKES} digits into "Cumulative factor IX exposure days" (${CPU_SLOWDOWN}× CPU slowdown, ` +
        `${KEY_GAP_MS} ms between keys, ${app.typingSeconds.toFixed(1)} s), Chromium ${browser.version()}`,
      app,
    );
    printTable(
      "The framework's floor: the same typing into one field of react-hook-form and one line useWatch re-renders (React 19)",
      framework,
    );
    printTable(
      "The bare floor: the same typing into a bare page (one field and one line its input listener rewrites)",
      floor,
    );
    const panel = (m: Measured) => m.rows[1]?.[1] ?? stats([]);
    const above = (name: string, reference: Measured) =>
      console.log(
        `keydown → panel, above the ${name}: median +${ms(panel(app).median - panel(reference).median)} ms, ` +
          `p95 +${ms(panel(app).p95 - panel(reference).p95)} ms`,
      );
    console.log("");
    above("framework's floor", framework);
    above("bare floor", floor);
    const p95 = app.interactionP95;
    console.log(`\ntyping p95 (${CPU_SLOWDOWN}x CPU): ${p95 < 16 ? "< 16" : Math.round(p95)} ms`);
  } finally {
    await browser?.close();
    await server.stop();
  }
}

await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
