// @vitest-environment node
/**
 * The build prerenders the start page (index.html), each wizard step (request/<step>.html) and the
 * app's shell (shell.html; scripts/prerender.ts). The server sends each path its page, revalidated
 * like index.html always was; a build without them (or a step that has none) falls back.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer, type TestServer } from "./test-support";

let server: TestServer;
const staticDir = mkdtempSync(join(tmpdir(), "hemgenix-prerendered-"));

beforeAll(async () => {
  mkdirSync(join(staticDir, "request"));
  writeFileSync(join(staticDir, "index.html"), "<!doctype html><title>start</title>");
  writeFileSync(join(staticDir, "shell.html"), "<!doctype html><title>shell</title>");
  writeFileSync(join(staticDir, "request", "member.html"), "<!doctype html><title>member</title>");
  server = await startServer({ env: { STATIC_DIR: staticDir } });
});
afterAll(async () => {
  await server.close();
  rmSync(staticDir, { recursive: true, force: true });
});

it("sends the start page, a step's own page, and the shell for every other app path, all revalidated", async () => {
  const expected: [string, string][] = [
    ["/", "start"],
    ["/request/member", "member"],
    ["/request/member?return=check", "member"],
    ["/request/dose", "shell"],
    ["/review/HGX-AAAA-BBBB", "shell"],
    ["/sign-in", "shell"],
  ];
  for (const [url, title] of expected) {
    const res = await server.app.inject({ method: "GET", url });
    expect(res.statusCode, url).toBe(200);
    expect(res.headers["content-type"], url).toMatch(/^text\/html/);
    expect(res.body, url).toContain(`<title>${title}</title>`);
    expect(res.headers["cache-control"], url).toBe("no-cache");
  }
  const missing = await server.app.inject({ method: "GET", url: "/request/member.js" });
  expect(missing.statusCode).toBe(404);
});
