/**
 * What a spooled file is, by its content: file-type reads its signature (the name and the browser's
 * type are never asked), a PDF must open with pdf-lib and give its page count (not encrypted, not
 * damaged), and a TIFF, which browsers cannot show, gets a PDF rendering of its pages made now.
 * Refusals are sentences that name the file and say what is accepted.
 *
 * Opening a PDF and decoding a TIFF happen in child processes (inspect-child.ts), one file at a time
 * each and at most two at once, each file with a wall-clock limit and, where prlimit exists, an
 * address-space limit that also caps ArrayBuffers: a file built to decompress to gigabytes exhausts
 * that child, never the server. A child that answered in time, small, is kept for a later file.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import type { Socket } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fileTypeFromBuffer } from "file-type";
import { ACCEPTED_DOCUMENTS } from "@/contract";
import { MAX_UPLOAD_MEGAPIXELS, type Inspected } from "./content";
import type { ChildAnswer, ChildRequest } from "./inspect-child";
import { quoted, Refused } from "./refused";
import { spoolName } from "./spool";

export { quoted, Refused } from "./refused";
export type { Inspected } from "./content";

const PRLIMIT = "/usr/bin/prlimit";

/** How a child inspection is bounded; tests may lower them. */
export const inspectionLimits = {
  /** Wall-clock time for one file. */
  timeoutMs: 30_000,
  /** Address space of the child (prlimit --as): V8's heap flags do not bound ArrayBuffers, this does. Node reserves about 1.4 GB of it before reading a byte. */
  addressSpaceBytes: 2560 * 1024 * 1024,
  /** V8's old-space heap of the child, in MB (the only bound where prlimit is missing). */
  heapMegabytes: 512,
  /** Children at once. */
  concurrent: 2,
  /** A child whose resident memory a file left above this is retired rather than reused. */
  retireAboveBytes: 300 * 1024 * 1024,
  /** Files one child checks before it is retired (a fresh heap now and then). */
  filesPerChild: 100,
};

/** Megapixels the TIFFs of one upload may still use; each upload makes its own. */
export interface PixelBudget {
  megapixels: number;
}
export const newPixelBudget = (): PixelBudget => ({ megapixels: MAX_UPLOAD_MEGAPIXELS });

export async function inspect(
  path: string,
  fileName: string,
  spoolDir: string,
  budget: PixelBudget = newPixelBudget(),
): Promise<Inspected> {
  const detected = await fileTypeFromBuffer(await head(path, 64 * 1024));
  const mime = detected?.mime === "image/apng" ? "image/png" : detected?.mime;
  switch (mime) {
    case "application/pdf": {
      const answer = await isolated({ kind: "pdf", path, fileName }, "a PDF");
      if (answer.ok !== "pdf") throw unexpected(fileName, "a PDF");
      return { mediaType: mime, pages: answer.pages };
    }
    case "image/png":
    case "image/jpeg":
      return { mediaType: mime, pages: 1 };
    case "image/tiff": {
      const out = join(spoolDir, spoolName());
      try {
        const answer = await isolated({ kind: "tiff", path, fileName, out, pixelBudget: budget.megapixels }, "a TIFF");
        if (answer.ok !== "tiff") throw unexpected(fileName, "a TIFF");
        budget.megapixels -= answer.megapixels;
        return { mediaType: mime, pages: answer.pages, rendition: { path: out, size: answer.size } };
      } catch (error) {
        await rm(out, { force: true });
        throw error;
      }
    }
    default:
      throw new Refused(
        fileName,
        `${quoted(fileName)} is not a PDF, PNG, JPEG or TIFF file (its content says so, whatever its name). Attach ${ACCEPTED_DOCUMENTS}.`,
        415,
      );
  }
}

const unexpected = (fileName: string, what: string): Refused =>
  new Refused(
    fileName,
    `${quoted(fileName)} could not be read as ${what} within the limits we check files in. Save or scan it again (smaller, or as PDF), then attach ${ACCEPTED_DOCUMENTS}.`,
  );

/** The first bytes of a file: its signature is there (file-type would otherwise read a whole PDF looking for Illustrator's marks). */
async function head(path: string, length: number): Promise<Uint8Array> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A tiny semaphore: at most `inspectionLimits.concurrent` children, the rest wait in order. */
let running = 0;
const waiting: (() => void)[] = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= inspectionLimits.concurrent) await new Promise<void>((resolve) => waiting.push(resolve));
  else running += 1;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next === undefined) running -= 1;
    else next();
  }
}

const CHILD = fileURLToPath(new URL("./inspect-child.ts", import.meta.url));

/**
 * The child as one plain JavaScript file, bundled once per process by esbuild (which tsx runs on):
 * it starts in about a tenth of a second, where loading it through tsx takes more than half of one.
 */
let bundled: Promise<string> | undefined;
function bundle(): Promise<string> {
  bundled ??= (async () => {
    const { build } = await import("esbuild");
    const dir = await mkdtemp(join(tmpdir(), "hemgenix-inspector-"));
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    const outfile = join(dir, "inspect-child.mjs");
    await build({
      entryPoints: [CHILD],
      outfile,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node24",
      logLevel: "silent",
    });
    return outfile;
  })();
  bundled.catch(() => (bundled = undefined));
  return bundled;
}

/**
 * Children started ahead of need and kept for the next file once they answer (a new process per
 * file cost more than the check itself: 70 ms to over a second to start on a busy machine, against
 * 5 to 50 ms to open a 10 MB PDF). A child is retired, never reused, when it failed, was late or
 * died, when a file left it over `retireAboveBytes` of memory, or after `filesPerChild` files.
 * They hold no handle that keeps this process alive, and exit when it does.
 */
interface Worker {
  child: ChildProcess;
  /** Its first message: it listens for requests. */
  ready: Promise<void>;
  files: number;
}
const idle: Worker[] = [];
function startWorker(script: string): Worker {
  const node = [`--max-old-space-size=${inspectionLimits.heapMegabytes}`, script];
  const [command, args] = existsSync(PRLIMIT)
    ? [PRLIMIT, [`--as=${inspectionLimits.addressSpaceBytes}`, "--", process.execPath, ...node]]
    : [process.execPath, node];
  const child = spawn(command, args, {
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  // UTIF and friends print; none of it belongs in the server's log stream.
  for (const stream of [child.stdout, child.stderr]) {
    stream?.resume();
    (stream as Socket | null)?.unref();
  }
  if (process.env.INSPECT_DEBUG !== undefined) child.stderr?.pipe(process.stderr);
  child.unref();
  child.channel?.unref();
  const ready = new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("error", reject);
    child.once("exit", () => reject(new Error("the inspection process ended before it was ready")));
  });
  ready.catch(() => undefined); // whoever takes it hears of it
  return { child, ready, files: 0 };
}
const alive = ({ child }: Worker) => child.exitCode === null && child.signalCode === null && child.connected;

async function take(): Promise<Worker> {
  const script = await bundle();
  let taken = idle.shift();
  while (taken !== undefined && !alive(taken)) taken = idle.shift();
  // Keep one started ahead for each slot, so a burst never waits for a process to start.
  while (idle.length + running < inspectionLimits.concurrent + 1) idle.push(startWorker(script));
  const worker = taken ?? startWorker(script);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      worker.ready,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("the inspection process did not start")), 30_000);
      }),
    ]);
  } catch (error) {
    worker.child.kill("SIGKILL");
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return worker;
}

/** Back to the idle children, or retired. */
function giveBack(worker: Worker, answer: ChildAnswer): void {
  worker.files += 1;
  const healthy =
    !("failed" in answer) &&
    (answer.rss ?? Number.POSITIVE_INFINITY) <= inspectionLimits.retireAboveBytes &&
    worker.files < inspectionLimits.filesPerChild &&
    alive(worker);
  worker.child.channel?.unref();
  if (healthy && idle.length < inspectionLimits.concurrent + 1) idle.push(worker);
  else worker.child.kill("SIGKILL");
}

/** Runs the request in a child; refusals come back as Refused, a dead or late child refuses the file. */
function isolated(request: ChildRequest, what: string): Promise<Extract<ChildAnswer, { ok: string }>> {
  const { fileName } = request;
  return slot(async () => {
    const worker = await take();
    const { child } = worker;
    child.channel?.ref();
    return new Promise<Extract<ChildAnswer, { ok: string }>>((resolve, reject) => {
      let done = false;
      const finish = () => {
        done = true;
        clearTimeout(timer);
        child.off("message", onMessage);
        child.off("exit", onExit);
      };
      const timer = setTimeout(() => {
        finish();
        child.kill("SIGKILL");
        reject(
          new Refused(
            fileName,
            `${quoted(fileName)} could not be checked in time (${Math.round(inspectionLimits.timeoutMs / 1000)} seconds). Save or scan it again (smaller, or as PDF), then attach ${ACCEPTED_DOCUMENTS}.`,
          ),
        );
      }, inspectionLimits.timeoutMs);
      const onMessage = (message: unknown) => {
        const answer = message as ChildAnswer;
        finish();
        giveBack(worker, answer);
        if ("failed" in answer) reject(unexpected(fileName, what));
        else if ("refused" in answer) reject(new Refused(fileName, answer.refused, answer.statusCode));
        else resolve(answer);
      };
      const onExit = () => {
        finish();
        reject(unexpected(fileName, what));
      };
      child.on("message", onMessage);
      child.once("exit", onExit);
      child.send(request, (error) => {
        if (error === null || done) return;
        finish();
        child.kill("SIGKILL");
        reject(unexpected(fileName, what));
      });
    });
  });
}
