// @vitest-environment node
/**
 * The CSP allows the build's two inline blocks (the prerendered pages' stylesheet and first-paint
 * script) by their hashes and nothing else inline; a build without its hash file allows nothing
 * inline; a hash file that is not what the build writes stops the server with a message naming it.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { INLINE_HASHES_FILE } from "./inline-hashes";
import { startServer, type TestServer } from "./test-support";

const STYLE = "sha256-nhIt111a3V1rZ4We3fhr5oXr70Fkt0b4AvUBDxIujVs=";
const SCRIPT = "sha256-OdYOcSKupTVs5mcLapTfNzFQD1m9a3JoEq53Vk0B/B0=";

const dirs: string[] = [];
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function staticDir(hashes?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "hemgenix-inline-"));
  dirs.push(dir);
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>start</title>");
  if (hashes !== undefined) writeFileSync(join(dir, INLINE_HASHES_FILE), hashes);
  return dir;
}

async function cspOf(dir: string, url = "/"): Promise<string> {
  server = await startServer({ env: { STATIC_DIR: dir } });
  const res = await server.app.inject({ method: "GET", url });
  return String(res.headers["content-security-policy"]);
}

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));

describe("the CSP and the build's inline blocks", () => {
  it("allows the build's inline style and script by hash, on the pages and every other answer", async () => {
    const dir = staticDir(JSON.stringify({ styles: [STYLE], scripts: [SCRIPT] }));
    const csp = await cspOf(dir);
    expect(directive(csp, "style-src")).toBe(`style-src 'self' '${STYLE}'`);
    expect(directive(csp, "script-src")).toBe(`script-src 'self' '${SCRIPT}'`);
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-hashes");
    const api = await server?.app.inject({ method: "GET", url: "/api/health" });
    expect(api?.headers["content-security-policy"]).toBe(csp);
  });

  it("allows nothing inline when the build wrote no hashes", async () => {
    const csp = await cspOf(staticDir());
    expect(directive(csp, "style-src")).toBe("style-src 'self'");
    expect(directive(csp, "script-src")).toBe("script-src 'self'");
  });

  it.each([
    ["not JSON", "{"],
    ["a source that is not a hash", JSON.stringify({ styles: ["'unsafe-inline'"], scripts: [] })],
    ["a hash with something after it", JSON.stringify({ styles: [`${STYLE} 'unsafe-inline'`], scripts: [] })],
    ["a list missing", JSON.stringify({ styles: [STYLE] })],
  ])("refuses to start on a hash file with %s, naming the file", async (_what, content) => {
    const dir = staticDir(content);
    await expect(startServer({ env: { STATIC_DIR: dir } })).rejects.toThrow(join(dir, INLINE_HASHES_FILE));
  });
});
