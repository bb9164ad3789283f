// @vitest-environment node
/**
 * What a security review of the running server found, each proved closed against the real app on
 * a real SQLite file: caching of patient data, lock-outs by strangers, search text in addresses,
 * values echoed in errors, drafts and keys that followed a moved account, and the headers and
 * cookies of a production server. (The admin-password findings are in api-admin.test.ts.)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AdminUser, RequestPage } from "@/contract";
import { PERMISSIONS_POLICY } from "./security-headers";
import {
  ADMIN,
  Clock,
  DEMO_PASSWORD,
  REVIEWER,
  STAFF_A,
  STAFF_B,
  call,
  newKey,
  sessionCookieOf,
  signIn,
  startServer,
  submission,
  submit,
  type Session,
  type TestServer,
} from "./test-support";

/** The clock every server of this file reads: tests move it instead of spying on Date. */
const clock = new Clock();
let server: TestServer;
let staff: Session;
let reviewer: Session;
let admin: Session;
const staticDir = mkdtempSync(join(tmpdir(), "hemgenix-static-"));

beforeAll(async () => {
  // A built app in miniature: the page, a content-hashed script, and an unhashed public file.
  mkdirSync(join(staticDir, "assets"));
  writeFileSync(join(staticDir, "index.html"), "<!doctype html><title>t</title>");
  writeFileSync(join(staticDir, "assets", "index-AbCd1234.js"), "console.log(1)");
  writeFileSync(join(staticDir, "robots.txt"), "User-agent: *");
  server = await startServer({ env: { STATIC_DIR: staticDir }, now: clock.now });
  [staff, reviewer, admin] = await Promise.all([
    signIn(server.app, STAFF_A),
    signIn(server.app, REVIEWER),
    signIn(server.app, ADMIN),
  ]);
});
afterAll(async () => {
  await server.close();
  rmSync(staticDir, { recursive: true, force: true });
});
// Tests that move the servers' clock put it back on the wall clock before anything else runs.
afterEach(() => {
  clock.real();
});

describe("caching: patient data never stays in a browser or proxy cache", () => {
  it("every API answer says no-store (and Pragma: no-cache), signed in or not, success or error", async () => {
    const reference = await submit(server.app, staff);
    const answers = [
      await call(server.app, staff, "GET", "/api/requests"),
      await call(server.app, staff, "GET", `/api/requests/${reference}`),
      await call(server.app, reviewer, "POST", "/api/requests/search", { q: reference }),
      await call(server.app, staff, "GET", "/api/draft"),
      await call(server.app, staff, "GET", "/api/session"),
      await call(server.app, admin, "GET", "/api/admin/users"),
      await call(server.app, admin, "GET", "/api/admin/practices"),
      await call(server.app, undefined, "GET", "/api/requests"),
      await call(server.app, undefined, "POST", "/api/evaluate", submission().document),
      await call(server.app, undefined, "GET", "/api/nothing-here"),
      await call(server.app, undefined, "GET", "/api/health"),
    ];
    for (const answer of answers) {
      expect(answer.headers["cache-control"]).toBe("no-store");
      expect(answer.headers.pragma).toBe("no-cache");
    }
  });

  it("an API address spelled with percent-escapes (/%61pi/…) is still an API answer: no-store", async () => {
    const reference = await submit(server.app, staff);
    for (const url of ["/%61pi/requests", `/%61pi/requests/${reference}`, "/api/%72equests"]) {
      const res = await call(server.app, staff, "GET", url);
      expect(res.status, url).toBe(200);
      expect(res.headers["cache-control"], url).toBe("no-store");
      expect(res.headers.pragma, url).toBe("no-cache");
    }
  });

  it("a malformed address is refused in our words, quoting nothing, with every header", async () => {
    const res = await call(server.app, staff, "GET", "/api/requests/Q7777777%zz");
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: "The address is not valid: it has a malformed %-escape" });
    expect(res.text).not.toContain("Q7777777");
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["permissions-policy"]).toBe(PERMISSIONS_POLICY);
  });

  it("the app's content-hashed files are cached for a year; the page and other files are revalidated", async () => {
    const get = (url: string) => server.app.inject({ method: "GET", url });
    const asset = await get("/assets/index-AbCd1234.js");
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    for (const url of ["/", "/index.html", "/review/HGX-AAAA-BBBB", "/robots.txt"]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["cache-control"], url).toBe("no-cache");
      expect(res.headers.pragma, url).toBeUndefined();
    }
    const missing = await get("/assets/missing-AbCd1234.js");
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["cache-control"]).toBe("no-cache");
  });
});

describe("headers and cookies", () => {
  it("every route family denies the browser features the app does not use; no HSTS outside production", async () => {
    for (const url of ["/api/health", "/api/requests", "/", "/assets/index-AbCd1234.js", "/api/admin/users"]) {
      const res = await server.app.inject({ method: "GET", url });
      expect(res.headers["permissions-policy"], url).toBe(PERMISSIONS_POLICY);
      expect(PERMISSIONS_POLICY).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\).*payment=\(\)/);
      expect(res.headers["strict-transport-security"], url).toBeUndefined();
    }
  });

  describe("in production", () => {
    let production: TestServer;
    beforeAll(async () => {
      production = await startServer({
        env: { MODE: "production", PUBLIC_ORIGIN: "https://pa.example.org", STATIC_DIR: staticDir },
      });
    });
    afterAll(async () => {
      await production.close();
    });

    it("pins HTTPS (Strict-Transport-Security) on every route family", async () => {
      for (const url of ["/api/health", "/api/requests", "/", "/assets/index-AbCd1234.js", "/nope.txt"]) {
        const res = await production.app.inject({ method: "GET", url });
        expect(res.headers["strict-transport-security"], url).toBe("max-age=63072000; includeSubDomains");
      }
    });

    it("names the session cookie with the __Host- prefix: Secure, Path=/, no Domain", async () => {
      const res = await production.app.inject({
        method: "POST",
        url: "/api/session",
        payload: { email: STAFF_A, password: DEMO_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      const cookie = String(res.headers["set-cookie"]);
      expect(cookie).toMatch(/^__Host-hgx_session=[A-Za-z0-9_-]{43}; /);
      expect(cookie).toContain("; Secure");
      expect(cookie).toContain("; Path=/");
      expect(cookie).not.toMatch(/domain=/i);
      // The unprefixed name is not read in production: a cookie planted under it signs nobody in.
      const token = (sessionCookieOf(res.headers["set-cookie"]) ?? "").split("=")[1] ?? "";
      const planted = await production.app.inject({
        method: "GET",
        url: "/api/session",
        headers: { cookie: `hgx_session=${token}` },
      });
      expect(planted.statusCode).toBe(204);
      const real = await production.app.inject({
        method: "GET",
        url: "/api/session",
        headers: { cookie: `__Host-hgx_session=${token}` },
      });
      expect(real.statusCode).toBe(200);
    });
  });

  it("a session ends SESSION_MAX_HOURS (default 12) after sign-in, however active", async () => {
    clock.set(new Date());
    const session = await signIn(server.app, STAFF_B);
    // Active every 20 minutes for 11 h 40 min: still signed in, and the cookie never outlives the session.
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      clock.advance(20 * 60_000);
      const res = await call(server.app, session, "GET", "/api/session");
      expect(res.status, `${minutes} minutes after sign-in`).toBe(200);
      const maxAge = /Max-Age=(\d+)/.exec(String(res.headers["set-cookie"] ?? ""))?.[1];
      if (maxAge !== undefined) expect(Number(maxAge) * 1000).toBeLessThanOrEqual(12 * 3_600_000 - minutes * 60_000);
    }
    clock.advance(21 * 60_000);
    expect((await call(server.app, session, "GET", "/api/session")).status).toBe(204);
    expect((await call(server.app, session, "GET", "/api/requests")).status).toBe(401);
  });

  it("SESSION_MAX_HOURS is validated at start-up", async () => {
    await expect(startServer({ env: { SESSION_MAX_HOURS: "0" } })).rejects.toThrow(/SESSION_MAX_HOURS/);
  });

  it("the session cookie is added beside other cookies of the same answer, never replacing them", async () => {
    const { setCookie } = await import("./auth/sessions");
    const app = (await import("fastify")).default();
    app.get("/two", async (_request, reply) => {
      reply.header("set-cookie", "other=1; Path=/");
      setCookie(reply, "hgx_session=a; Path=/");
      setCookie(reply, "third=3; Path=/");
      // A second session cookie in one answer replaces the first, so the browser is never told two things.
      setCookie(reply, "hgx_session=b; Path=/");
      return "ok";
    });
    const res = await app.inject({ method: "GET", url: "/two" });
    expect(res.headers["set-cookie"]).toEqual(["other=1; Path=/", "third=3; Path=/", "hgx_session=b; Path=/"]);
    await app.close();
  });
});

describe("sign-in limits: guessing stays hopeless, but a stranger cannot lock a colleague out", () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startServer({ now: clock.now });
  });
  afterAll(async () => {
    await limited.close();
  });
  const attempt = (email: string, password: string, address: string) =>
    limited.app.inject({
      method: "POST",
      url: "/api/session",
      remoteAddress: address,
      payload: { email, password },
    });

  it("ten wrong passwords from one address hold that address back, not the owner at another address", async () => {
    for (let i = 1; i <= 10; i++) expect((await attempt(STAFF_A, `guess-${i}`, "203.0.113.9")).statusCode).toBe(401);
    // The guesser is held back, even with the right password.
    const held = await attempt(STAFF_A, DEMO_PASSWORD, "203.0.113.9");
    expect(held.statusCode).toBe(429);
    expect(Number(held.headers["retry-after"])).toBeGreaterThan(14 * 60);
    // The owner, at their own desk (an address with no recent failures), signs in.
    expect((await attempt(STAFF_A, DEMO_PASSWORD, "198.51.100.20")).statusCode).toBe(200);
  });

  it("guessing spread over addresses meets a delay that doubles with each failure; fresh addresses pass", async () => {
    clock.set(new Date());
    const email = STAFF_B;
    for (let i = 0; i < 10; i++) expect((await attempt(email, "wrong", `192.0.2.${i + 1}`)).statusCode).toBe(401);
    // The 11th failure comes from an address that already failed: it must now wait 1 s, then 2 s …
    expect((await attempt(email, "wrong", "192.0.2.1")).statusCode).toBe(429);
    clock.advance(1000);
    expect((await attempt(email, "wrong", "192.0.2.1")).statusCode).toBe(401);
    const doubled = await attempt(email, "wrong", "192.0.2.2");
    expect(doubled.statusCode).toBe(429);
    expect(Number(doubled.headers["retry-after"])).toBe(2);
    // A colleague at an address with no failures for this email is let through with the right password.
    expect((await attempt(email, DEMO_PASSWORD, "198.51.100.77")).statusCode).toBe(200);
  });

  it("a storm from a hundred addresses slows every address for that email, within 15 minutes", async () => {
    clock.set(new Date());
    const email = REVIEWER;
    // Each from a new address: below the storm threshold none of them is held back, so all count.
    for (let i = 0; i < 100; i++)
      expect((await attempt(email, "wrong", `10.9.${Math.floor(i / 250)}.${i % 250}`)).statusCode).toBe(401);
    const fresh = await attempt(email, DEMO_PASSWORD, "198.51.100.200");
    expect(fresh.statusCode).toBe(429);
    expect(Number(fresh.headers["retry-after"])).toBeLessThanOrEqual(15 * 60);
    clock.advance(16 * 60_000);
    expect((await attempt(email, DEMO_PASSWORD, "198.51.100.200")).statusCode).toBe(200);
  }, 60_000);

  it("fifty failures from one address across emails hold that address back for any email", async () => {
    for (let i = 0; i < 50; i++) await attempt(`nobody-${i}@demo.test`, "wrong", "203.0.113.50");
    expect((await attempt(ADMIN, DEMO_PASSWORD, "203.0.113.50")).statusCode).toBe(429);
    expect((await attempt(ADMIN, DEMO_PASSWORD, "203.0.113.51")).statusCode).toBe(200);
  }, 60_000);
});

describe("search text never travels in an address", () => {
  it("GET /api/requests refuses q (nothing audited); POST /api/requests/search finds by member ID and reference", async () => {
    const memberId = "SRCH-88231";
    const reference = await submit(server.app, staff, (d) => d.member && (d.member.memberId = memberId));
    const audits = server.count("audit_events");
    const inAddress = await call<{ errors: { path: string; message: string }[] }>(
      server.app,
      reviewer,
      "GET",
      `/api/requests?q=${memberId}`,
    );
    expect(inAddress.status).toBe(400);
    expect(inAddress.body.errors).toEqual([
      {
        path: "q",
        message: "Search text is not accepted in the address: send it as q in the body of POST /api/requests/search",
      },
    ]);
    expect(inAddress.text).not.toContain(memberId);
    expect(server.count("audit_events")).toBe(audits);
    for (const q of [memberId, ` ${reference.toLowerCase()} `]) {
      const found = await call<RequestPage>(server.app, reviewer, "POST", "/api/requests/search", { q });
      expect(found.status).toBe(200);
      expect(found.body.items.map((i) => i.reference)).toEqual([reference]);
    }
    const blank = await call(server.app, reviewer, "POST", "/api/requests/search", { q: "  " });
    expect(blank.status).toBe(400);
  });
});

describe("error messages never echo what was sent", () => {
  it("POST /api/evaluate names the field and what is accepted, not the value", async () => {
    const document = submission().document as unknown as Record<string, Record<string, unknown>>;
    if (document.member) document.member.dateOfBirth = "Jane Patient 1980-02-30";
    const res = await call(server.app, undefined, "POST", "/api/evaluate", document);
    expect(res.status).toBe(400);
    expect(res.text).toContain("Date of birth must be a date written YYYY-MM-DD");
    expect(res.text).not.toMatch(/Jane|1980-02-30/);
  });

  it("sign-in with a text/plain body is refused as not JSON (415), quoting nothing", async () => {
    const body = JSON.stringify({ email: STAFF_A, password: "hunter2-secret" });
    const res = await call(server.app, undefined, "POST", "/api/session", undefined, {
      raw: body,
      contentType: "text/plain",
    });
    expect(res.status).toBe(415);
    expect(res.body).toEqual({ error: "Send the body as JSON, with Content-Type: application/json" });
    expect(res.text).not.toMatch(/hunter2|staff@/);
  });

  it("each endpoint says what its own body must be", async () => {
    const signInAnswer = await call(server.app, undefined, "POST", "/api/session", ["hunter2-secret"]);
    expect(signInAnswer.body).toEqual({
      errors: [{ path: "", message: "Sign in with a JSON object holding email and password" }],
    });
    const submitAnswer = await call(server.app, staff, "POST", "/api/requests", "Jane Patient");
    expect(submitAnswer.body).toEqual({
      errors: [{ path: "", message: "Submit a JSON object holding document, expedited and idempotencyKey" }],
    });
    const broken = await call(server.app, undefined, "POST", "/api/evaluate", undefined, {
      raw: '{"member":{"firstName":"Jane Patient"',
    });
    expect(broken.status).toBe(400);
    expect(broken.body).toEqual({ error: "The body is not valid JSON: send a JSON object" });
  });
});

describe("moving a staff member to another practice, or deactivating them", () => {
  it("ends their server draft and retires their submission keys, with their sessions", async () => {
    const account = (
      await call<AdminUser>(server.app, admin, "POST", "/api/admin/users", {
        name: "Moving Mo",
        email: `moving-${newKey()}@clinic.test`,
        role: "staff",
        practiceId: staff.user.practiceId,
        password: "a long enough passphrase",
        currentPassword: DEMO_PASSWORD,
      })
    ).body;
    const mover = await signIn(server.app, account.email, "a long enough passphrase");
    expect(
      (await call(server.app, mover, "PUT", "/api/draft", { draft: { values: { member: { memberId: "OLD-1" } } } }))
        .status,
    ).toBe(204);
    const key = newKey("move");
    const oldReference = await submit(server.app, mover, undefined, { key });
    const move = await call<AdminUser>(server.app, admin, "PATCH", `/api/admin/users/${account.id}`, {
      practiceId: (await signIn(server.app, STAFF_B)).user.practiceId,
      expectedRowVersion: account.rowVersion,
      currentPassword: DEMO_PASSWORD,
    });
    expect(move.status).toBe(200);
    const moved = await signIn(server.app, account.email, "a long enough passphrase");
    // The old practice's patient is not offered as a draft…
    expect((await call(server.app, moved, "GET", "/api/draft")).status).toBe(204);
    // …and the old key files a new request in the new practice instead of returning the old one.
    const retry = await call<{ reference: string }>(
      server.app,
      moved,
      "POST",
      "/api/requests",
      submission(undefined, { key }),
    );
    expect(retry.status).toBe(201);
    expect(retry.body.reference).not.toBe(oldReference);
    // Deactivation ends the draft too.
    expect((await call(server.app, moved, "PUT", "/api/draft", { draft: { values: {} } })).status).toBe(204);
    expect(server.count("drafts", "user_id = ?", account.id)).toBe(1);
    const deactivate = await call(server.app, admin, "PATCH", `/api/admin/users/${account.id}`, { active: false });
    expect(deactivate.status).toBe(200);
    expect(server.count("drafts", "user_id = ?", account.id)).toBe(0);
  });
});
