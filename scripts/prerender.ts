/**
 * After `vite build`: writes the pages that paint before any JavaScript runs.
 *
 *   dist/web/index.html            the start page ("/"), hydrated by React
 *   dist/web/request/<step>.html   each wizard step with no answers yet, hydrated by React
 *   dist/web/shell.html            the header alone, for every other page (the app draws over it)
 *
 * Each is the built index.html with the app's HTML inside #root, marked `data-prerendered` with the
 * path it was rendered for. The page asks for no script but the small entry before its first paint:
 * the entry (`src/web/boot.ts`) requests the app's chunks after it (see there); `src/web/main.tsx` hydrates it only when the browser is at that path
 * with no saved answers (else the page's first render would differ from it) and renders over it
 * otherwise. Until React has it, the page is `inert` (seen, not yet used: what is typed or chosen
 * before would not reach the form). The server sends a step's file for its path and the shell for the other app paths.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createServer } from "vite";
import type * as PrerenderApp from "./prerender-app";
import { ROOT } from "./support/server";
import { INLINE_HASHES_FILE, type InlineHashes } from "../src/server/inline-hashes";

const DIST = join(ROOT, "dist/web");

// The app reads the address and this browser's storage while rendering: a window with the page's
// address and nothing stored (nobody signed in, no answers) stands in for a first visit.
const address = { pathname: "/", search: "", hash: "" };
const nothingStored = {
  getItem: () => null,
  setItem: () => undefined,
  removeItem: () => undefined,
  clear: () => undefined,
  key: () => null,
  length: 0,
} satisfies Storage;
const browser = { location: address, localStorage: nothingStored, sessionStorage: nothingStored };
for (const [name, value] of Object.entries({ window: browser, ...browser })) {
  Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
}

const sha256 = (text: string): string => `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;

/**
 * The first-paint guard goes inside each page (a `<script>` in <head>): as a file it was a
 * parser-blocking request (revalidated on every load) before the first paint. The CSP allows this
 * one inline script by its hash, which the server reads from dist/web/inline-hashes.json; any other
 * inline script or style is still refused. The stylesheet stays a file: inlining it too (allowed
 * the same way) was measured and did not bring Lighthouse's simulated first paint forward (README,
 * "Wizard"), while it would re-send 25 kB with every page instead of caching it for a year.
 */
function withInlineGuard(html: string): { html: string; hashes: InlineHashes } {
  const guardTag = '<script src="/prerender-guard.js"></script>';
  if (!html.includes(guardTag)) throw new Error("dist/web/index.html has no prerender-guard.js script");
  const guard = readFileSync(join(DIST, "prerender-guard.js"), "utf8");
  if (guard.includes("</")) throw new Error('prerender-guard.js contains "</", which would end an inline script');
  return {
    html: html.replace(guardTag, () => `<script>${guard}</script>`),
    hashes: { styles: [], scripts: [sha256(guard)] },
  };
}

const vite = await createServer({
  root: ROOT,
  configFile: join(ROOT, "vite.config.ts"),
  logLevel: "error",
  appType: "custom",
  server: { middlewareMode: true, hmr: false, watch: null },
});
try {
  const app = (await vite.ssrLoadModule("/scripts/prerender-app.tsx")) as typeof PrerenderApp;
  const built = readFileSync(join(DIST, "index.html"), "utf8");
  if (!built.includes('<div id="root"></div>')) throw new Error("dist/web/index.html has no empty #root: build first");
  const inlined = withInlineGuard(built);
  const template = inlined.html;
  writeFileSync(join(DIST, INLINE_HASHES_FILE), `${JSON.stringify(inlined.hashes)}\n`);

  const page = (path: string, file: string, title: string | undefined, html: string): void => {
    const marked = path === "" ? '<div id="root">' : `<div id="root" data-prerendered="${path}" inert>`;
    let out = template.replace('<div id="root"></div>', `${marked}${html}</div>`);
    if (title !== undefined) out = out.replace(/<title>[^<]*<\/title>/, `<title>${title}</title>`);
    mkdirSync(dirname(join(DIST, file)), { recursive: true });
    writeFileSync(join(DIST, file), out);
    console.log(`prerendered ${path === "" ? "(shell)" : path} → ${file} (${(out.length / 1024).toFixed(1)} kB)`);
  };
  const at = async (path: string): Promise<string> => {
    address.pathname = path;
    return app.renderApp(path);
  };

  // The shell first: index.html is still the empty template then.
  // The shell is the header alone: the page the app then draws appears below it, and nothing that
  // was painted moves (a prerendered "Loading…" would, as the wizard's step list comes above it).
  const signIn = await at("/sign-in");
  const header = signIn.indexOf("</header>");
  if (header < 0) throw new Error("The app rendered no <header>");
  page("", "shell.html", undefined, `${signIn.slice(0, header + "</header>".length)}</div>`);
  for (const step of app.STEP_IDS) {
    page(`/request/${step}`, `request/${step}.html`, app.titleOf(step), await at(`/request/${step}`));
  }
  page("/", "index.html", app.titleOf(undefined), await at("/"));
} finally {
  await vite.close();
}
