/**
 * What a spooled file is, by its content: file-type reads its signature (the name and the browser's
 * type are never asked), a PDF must open with pdf-lib and give its page count (not encrypted, not
 * damaged), and a TIFF, which browsers cannot show, gets a PDF rendering of its pages made now.
 * Refusals are sentences that name the file and say what is accepted.
 *
 * Opening a PDF and decoding a TIFF happen in a child process per file (inspect-child.ts), at most
 * two at a time, each with a wall-clock limit and, where prlimit exists, an address-space limit that
 * also caps ArrayBuffers: a file built to decompress to gigabytes exhausts that child, never the server.
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
 * Children started ahead of need, each for one file only. They hold no handle that keeps this
 * process alive, and exit when it does.
 */
interface Spare {
  child: ChildProcess;
  /** Its first message: it listens for the request. */
  ready: Promise<void>;
}
const spares: Spare[] = [];
function spare(script: string): Spare {
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
  return { child, ready };
}
async function take(): Promise<ChildProcess> {
  const script = await bundle();
  const fresh = ({ child: c }: Spare) => c.exitCode === null && c.signalCode === null && c.connected;
  let taken = spares.shift();
  while (taken !== undefined && !fresh(taken)) taken = spares.shift();
  while (spares.length < inspectionLimits.concurrent) spares.push(spare(script));
  const { child, ready } = taken ?? spare(script);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      ready,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("the inspection process did not start")), 30_000);
      }),
    ]);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return child;
}

/** Runs the request in a child; refusals come back as Refused, a dead or late child refuses the file. */
function isolated(request: ChildRequest, what: string): Promise<Extract<ChildAnswer, { ok: string }>> {
  return slot(
    () =>
      new Promise((resolve, reject) => {
        const { fileName } = request;
        take().then((child) => {
          child.channel?.ref();
          let answer: ChildAnswer | undefined;
          let late = false;
          const timer = setTimeout(() => {
            late = true;
            child.kill("SIGKILL");
          }, inspectionLimits.timeoutMs);
          child.on("message", (message) => {
            answer = message as ChildAnswer;
          });
          child.on("close", () => {
            clearTimeout(timer);
            if (late)
              reject(
                new Refused(
                  fileName,
                  `${quoted(fileName)} could not be checked in time (${Math.round(inspectionLimits.timeoutMs / 1000)} seconds). Save or scan it again (smaller, or as PDF), then attach ${ACCEPTED_DOCUMENTS}.`,
                ),
              );
            else if (answer === undefined || "failed" in answer) reject(unexpected(fileName, what));
            else if ("refused" in answer) reject(new Refused(fileName, answer.refused, answer.statusCode));
            else resolve(answer);
          });
          child.send(request, (error) => {
            if (error !== null) child.kill("SIGKILL");
          });
        }, reject);
      }),
  );
}
