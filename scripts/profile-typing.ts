/**
 * Where a keystroke's main-thread time goes, without CPU slowdown (steadier than the timings of
 * `bench-typing.ts` on a shared machine):
 *
 *   npm run build && node --import tsx scripts/profile-typing.ts [keys]
 *
 * Types the same digits as the typing benchmark into "Cumulative factor IX exposure days" while
 * V8's sampling profiler runs, then prints the busy time per key (everything but idle) and the
 * functions with the most self time, by script. STATIC_DIR picks another build, as for the server.
 */
import { resolve } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { chromium, type Browser } from "@playwright/test";
import { ROOT, startBuiltServer } from "./support/server";
import { LAUNCH_ARGS, findChromium } from "../e2e/support/browser";

const FIXTURE = resolve(ROOT, "fixtures/requests/eligible.json");
const DIGITS = "1491502207510008151993004216020481236551807710150";
const ROUNDS = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? "3");
/** `--js`: also V8's sampling profiler (which adds its own overhead to the trace's times). */
const JS_PROFILE = process.argv.includes("--js");
const KEY_GAP_MS = 60;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string } };
}

/** The renderer main thread's busy time, and the self time of each kind of work on it. */
function mainThreadTime(events: TraceEvent[]): {
  total: number;
  selfByName: Map<string, number>;
  inclusiveByName: Map<string, number>;
} {
  const mains = events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const count = (e: TraceEvent) => events.filter((x) => x.pid === e.pid && x.tid === e.tid).length;
  const main = mains.sort((a, b) => count(b) - count(a))[0];
  if (main === undefined) throw new Error("No renderer main thread in the trace.");
  const spans = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const selfByName = new Map<string, number>();
  const inclusiveByName = new Map<string, number>();
  const stack: { end: number; key: string; self: number }[] = [];
  let total = 0;
  const close = (until: number) => {
    while (stack.length > 0 && (stack.at(-1)?.end ?? 0) <= until) {
      const done = stack.pop();
      if (done !== undefined) selfByName.set(done.key, (selfByName.get(done.key) ?? 0) + done.self);
    }
  };
  for (const e of spans) {
    close(e.ts);
    const dur = e.dur ?? 0;
    const parent = stack.at(-1);
    if (parent === undefined) {
      if (e.name === "RunTask") total += dur;
    } else parent.self -= dur;
    const type = e.args?.data?.type;
    if (e.name === "EventDispatch" && type !== undefined) {
      inclusiveByName.set(type, (inclusiveByName.get(type) ?? 0) + dur);
    }
    stack.push({ end: e.ts + dur, key: type === undefined ? e.name : `${e.name} (${type})`, self: dur });
  }
  close(Number.POSITIVE_INFINITY);
  return { total, selfByName, inclusiveByName };
}

/** JavaScript self time by script and by function, from V8's sampling profile. */
function printProfile(profile: Profile, perKey: (micros: number) => string): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const byScript = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id)?.callFrame;
    const micros = profile.timeDeltas[index] ?? 0;
    if (frame === undefined || frame.functionName === "(idle)") return;
    const file = frame.url.split("/").pop() ?? "";
    const name = `${frame.functionName || "(anonymous)"} ${file}${file ? `:${frame.lineNumber + 1}` : ""}`;
    self.set(name, (self.get(name) ?? 0) + micros);
    const script = file === "" ? frame.functionName : file.replace(/-[\w-]{8}\.js$/, ".js");
    byScript.set(script, (byScript.get(script) ?? 0) + micros);
  });
  console.log(`\nJavaScript by script (sampling profile; "(program)" is native work and the profiler's own):`);
  for (const [script, micros] of [...byScript.entries()].sort((a, b) => b[1] - a[1]).slice(0, 14)) {
    console.log(`${perKey(micros)}  ${script}`);
  }
  console.log("");
  for (const [name, micros] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`${perKey(micros)}  ${name}`);
  }
}

async function main(): Promise<void> {
  const server = await startBuiltServer();
  let browser: Browser | undefined;
  try {
    const found = await findChromium();
    Object.assign(process.env, found.env);
    browser = await chromium.launch({ executablePath: found.path, args: LAUNCH_ARGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.locator("#root:not([inert])").waitFor();
    await page.getByLabel("Import a request document (JSON)").setInputFiles(FIXTURE);
    await page.getByText("Imported eligible.json.").waitFor();
    await page.goto(`${server.url}/request/exposure-days`);
    const field = page.getByLabel("Cumulative factor IX exposure days");
    await field.waitFor();
    await page.locator('aside[aria-labelledby="eligibility-title"]').getByText("220 exposure days").waitFor();
    await field.focus();
    for (const key of "99") await page.keyboard.press(key); // warm-up
    await delay(500);

    await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
    const cdp = await context.newCDPSession(page);
    if (JS_PROFILE) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
      await cdp.send("Profiler.start");
    }
    let keys = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const key of DIGITS) {
        if (keys % 4 === 0) {
          await page.keyboard.press("ControlOrMeta+A");
          await page.keyboard.press("Backspace");
        }
        await page.keyboard.press(key);
        keys += 1;
        await delay(KEY_GAP_MS);
      }
    }
    await delay(300);
    const profile = JS_PROFILE
      ? ((await cdp.send("Profiler.stop")) as unknown as { profile: Profile }).profile
      : undefined;
    const trace = JSON.parse((await browser.stopTracing()).toString("utf8")) as { traceEvents: TraceEvent[] };

    // Each clearing of the field is two key presses (select all, Backspace), so they count.
    const presses = keys + Math.ceil(keys / 4) * 2;
    const perKey = (micros: number) => `${(micros / 1000 / presses).toFixed(3).padStart(7)} ms/key`;
    const { total, selfByName, inclusiveByName } = mainThreadTime(trace.traceEvents);
    console.log(`${keys} digits (${presses} key presses)`);
    console.log(`main thread busy (trace, all tasks): ${(total / 1000 / presses).toFixed(2)} ms per key press`);
    for (const [name, micros] of [...selfByName.entries()].sort((a, b) => b[1] - a[1]).slice(0, 14)) {
      console.log(`${perKey(micros)}  ${name}`);
    }
    console.log("\nevents with their handlers and what they render (inclusive):");
    for (const [type, micros] of [...inclusiveByName.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6)) {
      console.log(`${perKey(micros)}  ${type}`);
    }
    if (profile !== undefined) printProfile(profile, perKey);
  } finally {
    await browser?.close();
    await server.stop();
  }
}

await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
