/**
 * Bundle-size budget: the JavaScript the first page loads, gzipped: the entry chunk and what
 * index.html preloads, and the app the entry imports after the first paint with every chunk that
 * import brings (the list Vite writes into the entry, `m.f=[…]`). Fails above the budget.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const DIST = "dist/web";
const BUDGET_KB = 100;

const html = readFileSync(join(DIST, "index.html"), "utf8");
const inPage = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? "");
const entry = /<script type="module"[^>]+src="\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
/** The chunks of the entry's dynamic import of the app (src/web/boot.ts). */
const afterPaint =
  entry === undefined
    ? []
    : [
        ...(/m\.f=\[([^\]]*)\]/.exec(readFileSync(join(DIST, entry), "utf8"))?.[1] ?? "").matchAll(
          /"(assets\/[^"]+\.js)"/g,
        ),
      ].map((m) => m[1] ?? "");
if (entry !== undefined && afterPaint.length === 0) {
  console.error(`${entry} imports no app: the budget would count the entry alone`);
  process.exit(1);
}
const initial = [...new Set([...inPage, ...afterPaint])];

/** Text that only the reviewer's screens contain: it must not be in the first bundle. */
const REVIEWER_ONLY = ["Record a decision", "Review queue"];
/** Text only PDF.js contains (the document viewer's, loaded when a PDF is opened). */
const PDFJS_ONLY = ["GlobalWorkerOptions", "pdfjs-dist"];

let total = 0;
for (const file of initial) {
  const content = readFileSync(join(DIST, file));
  const leaked = REVIEWER_ONLY.filter((marker) => content.includes(marker));
  if (leaked.length > 0) {
    console.error(`${file} contains the reviewer's screens (${leaked.join(", ")}): they must be lazy-loaded`);
    process.exitCode = 1;
  }
  if (PDFJS_ONLY.some((marker) => content.includes(marker))) {
    console.error(`${file} contains PDF.js: it must be loaded only when a document is opened`);
    process.exitCode = 1;
  }
  const size = gzipSync(content, { level: 9 }).length;
  total += size;
  console.log(`${file}: ${(size / 1024).toFixed(1)} kB gzip`);
}
const kb = total / 1024;
console.log(`Initial JavaScript: ${kb.toFixed(1)} kB gzip (budget ${BUDGET_KB} kB)`);
if (initial.length === 0) {
  console.error("No script found in dist/web/index.html: build first");
  process.exit(1);
}
if (kb > BUDGET_KB) {
  console.error(`Over budget by ${(kb - BUDGET_KB).toFixed(1)} kB`);
  process.exit(1);
}
