/**
 * Content inspection in its own process (bundled and started by inspect.ts): started ahead of need
 * with its modules loaded, it takes requests over the IPC channel one at a time and answers each on
 * it, with its resident memory so the parent can retire it when a file has left it large. stdout
 * (where UTIF prints) is the parent's to discard. A file that exhausts this process's memory or time
 * kills only it (and is refused); the parent then starts another.
 */
import { pdfPages, renderTiff } from "./content";
import { Refused } from "./refused";

export type ChildRequest =
  | { kind: "pdf"; path: string; fileName: string }
  | { kind: "tiff"; path: string; fileName: string; out: string; pixelBudget: number };

export type ChildAnswer = (
  | { ok: "pdf"; pages: number }
  | { ok: "tiff"; pages: number; size: number; megapixels: number }
  | { refused: string; statusCode: number }
  | { failed: string }
) & { rss?: number };

async function run(request: ChildRequest): Promise<ChildAnswer> {
  try {
    if (request.kind === "pdf") return { ok: "pdf", pages: await pdfPages(request.path, request.fileName) };
    const result = await renderTiff(request.path, request.fileName, request.out, request.pixelBudget);
    return { ok: "tiff", pages: result.pages, size: result.rendition?.size ?? 0, megapixels: result.megapixels };
  } catch (error) {
    if (error instanceof Refused) return { refused: error.message, statusCode: error.statusCode };
    return { failed: error instanceof Error ? error.message : String(error) };
  }
}

// A spare outlives nothing: when the server goes (even before this listener was added), so does it.
process.on("disconnect", () => process.exit(0));
const parent = process.ppid;
setInterval(() => {
  if (!process.connected || process.ppid !== parent) process.exit(0);
}, 1000).unref();
process.on("message", (request: ChildRequest) => {
  void run(request).then((answer) => process.send?.({ ...answer, rss: process.memoryUsage().rss }));
});
process.send?.("ready"); // messages sent before the listener above would be lost
