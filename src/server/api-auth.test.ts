// @vitest-environment node
/**
 * Who may do what, against the real app on a real SQLite file: every route × every role (signed
 * out, staff of practice A, staff of practice B, reviewer, admin) × another practice's data; the
 * CSRF header on every state-changing route; sign-in, sign-out, idle expiry, the sign-in rate
 * limit and the security headers.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eligible } from "@fixtures";
import {
  ADMIN,
  Clock,
  REVIEWER,
  STAFF_A,
  STAFF_B,
  call,
  rowVersionOf,
  sessionCookieOf,
  signIn,
  startServer,
  submission,
  submit,
  type Session,
  type TestServer,
} from "./test-support";

type Who = "signed out" | "staff A" | "staff B" | "reviewer" | "admin";
const EVERYONE: readonly Who[] = ["signed out", "staff A", "staff B", "reviewer", "admin"];

/** The clock every server of this file reads: tests move it instead of spying on Date. */
const clock = new Clock();
let server: TestServer;
let sessions: Record<Exclude<Who, "signed out">, Session>;
const as = (who: Who): Session | undefined => (who === "signed out" ? undefined : sessions[who]);

beforeAll(async () => {
  server = await startServer({ now: clock.now });
  const { app } = server;
  sessions = {
    "staff A": await signIn(app, STAFF_A),
    "staff B": await signIn(app, STAFF_B),
    reviewer: await signIn(app, REVIEWER),
    admin: await signIn(app, ADMIN),
  };
});
afterAll(async () => {
  await server.close();
});
// Tests that move the servers' clock put it back on the wall clock before anything else runs.
afterEach(() => {
  clock.real();
});

/** A fresh request of practice A (or B) in the given status. */
async function requestIn(status: "submitted" | "more_info_requested", practice: "A" | "B" = "A"): Promise<string> {
  const { app } = server;
  const reference = await submit(app, practice === "A" ? sessions["staff A"] : sessions["staff B"]);
  if (status === "more_info_requested") {
    const res = await call(app, sessions.reviewer, "POST", `/api/requests/${reference}/decision`, {
      kind: "request_info",
      message: "Please attach the latest liver ultrasound report.",
      expectedRowVersion: 1,
    });
    expect(res.status).toBe(200);
  }
  return reference;
}

interface RouteCase {
  name: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Builds a fresh target for each caller (so one caller's success does not change the next one's answer). */
  target: () => Promise<{ url: string; body?: unknown }>;
  expected: Record<Who, number | readonly number[]>;
}

const ROUTES: RouteCase[] = [
  { name: "GET /api/health", method: "GET", target: async () => ({ url: "/api/health" }), expected: all(200) },
  { name: "GET /api/demo", method: "GET", target: async () => ({ url: "/api/demo" }), expected: all(200) },
  {
    name: "POST /api/evaluate",
    method: "POST",
    target: async () => ({ url: "/api/evaluate", body: eligible() }),
    expected: all(200),
  },
  {
    name: "GET /api/session",
    method: "GET",
    target: async () => ({ url: "/api/session" }),
    // Signed out is "nobody": 204 (or 401 in earlier versions of the route).
    expected: { "signed out": [204, 401], "staff A": 200, "staff B": 200, reviewer: 200, admin: 200 },
  },
  {
    name: "GET /api/draft",
    method: "GET",
    target: async () => ({ url: "/api/draft" }),
    expected: { "signed out": 401, "staff A": [200, 204], "staff B": [200, 204], reviewer: 403, admin: 403 },
  },
  {
    name: "PUT /api/draft",
    method: "PUT",
    target: async () => ({
      url: "/api/draft",
      body: { draft: { step: "member", values: { member: { firstName: "Ada" } } } },
    }),
    expected: { "signed out": 401, "staff A": 204, "staff B": 204, reviewer: 403, admin: 403 },
  },
  {
    name: "POST /api/requests",
    method: "POST",
    target: async () => ({ url: "/api/requests", body: submission() }),
    expected: { "signed out": 401, "staff A": 201, "staff B": 201, reviewer: 403, admin: 403 },
  },
  {
    name: "GET /api/requests",
    method: "GET",
    target: async () => ({ url: "/api/requests" }),
    expected: { "signed out": 401, "staff A": 200, "staff B": 200, reviewer: 200, admin: 200 },
  },
  {
    name: "POST /api/requests/search",
    method: "POST",
    target: async () => ({ url: "/api/requests/search", body: { q: "HGX-ZZZZ-ZZZZ" } }),
    expected: { "signed out": 401, "staff A": 200, "staff B": 200, reviewer: 200, admin: 200 },
  },
  {
    name: "GET /api/requests/:reference of practice A",
    method: "GET",
    target: async () => ({ url: `/api/requests/${await requestIn("submitted")}` }),
    expected: { "signed out": 401, "staff A": 200, "staff B": 404, reviewer: 200, admin: 200 },
  },
  {
    name: "GET /api/requests/:reference of practice B",
    method: "GET",
    target: async () => ({ url: `/api/requests/${await requestIn("submitted", "B")}` }),
    expected: { "signed out": 401, "staff A": 404, "staff B": 200, reviewer: 200, admin: 200 },
  },
  {
    name: "GET /api/requests/:reference that does not exist",
    method: "GET",
    target: async () => ({ url: "/api/requests/HGX-ZZZZ-ZZZZ" }),
    expected: { "signed out": 401, "staff A": 404, "staff B": 404, reviewer: 404, admin: 404 },
  },
  {
    name: "POST /api/requests/:reference/versions of practice A",
    method: "POST",
    target: async () => ({
      url: `/api/requests/${await requestIn("more_info_requested")}/versions`,
      body: { document: eligible((d) => (d.exposureDays = 230)), expectedRowVersion: 2 },
    }),
    expected: { "signed out": 401, "staff A": 200, "staff B": 404, reviewer: 403, admin: 403 },
  },
  {
    name: "POST /api/requests/:reference/versions of practice B",
    method: "POST",
    target: async () => ({
      url: `/api/requests/${await requestIn("more_info_requested", "B")}/versions`,
      body: { document: eligible((d) => (d.exposureDays = 230)), expectedRowVersion: 2 },
    }),
    expected: { "signed out": 401, "staff A": 404, "staff B": 200, reviewer: 403, admin: 403 },
  },
  {
    name: "POST /api/requests/:reference/start-review",
    method: "POST",
    target: async () => ({
      url: `/api/requests/${await requestIn("submitted")}/start-review`,
      body: { expectedRowVersion: 1 },
    }),
    expected: { "signed out": 401, "staff A": 403, "staff B": 403, reviewer: 200, admin: 403 },
  },
  {
    name: "POST /api/requests/:reference/decision",
    method: "POST",
    target: async () => ({
      url: `/api/requests/${await requestIn("submitted", "B")}/decision`,
      body: { kind: "approve", expectedRowVersion: 1 },
    }),
    expected: { "signed out": 401, "staff A": 403, "staff B": 403, reviewer: 200, admin: 403 },
  },
  {
    name: "DELETE /api/session while signed out",
    method: "DELETE",
    target: async () => ({ url: "/api/session" }),
    expected: { "signed out": 204, "staff A": 204, "staff B": 204, reviewer: 204, admin: 204 },
  },
];

function all(status: number): Record<Who, number> {
  return { "signed out": status, "staff A": status, "staff B": status, reviewer: status, admin: status };
}

describe("every route × every role", () => {
  for (const route of ROUTES) {
    it(route.name, async () => {
      const { app } = server;
      // Callers whose success changes nothing for the others (reads) go in any order; refusals first anyway.
      const order = [...EVERYONE].sort((a, b) => Number(ok(route.expected[a])) - Number(ok(route.expected[b])));
      for (const who of order) {
        // Sign-out only ever runs signed out here (the shared sessions must survive); see "sign-out" below.
        if (route.method === "DELETE" && who !== "signed out") continue;
        const { url, body } = await route.target();
        const before = server.fingerprint();
        const res = await call(app, as(who), route.method, url, body);
        const expected = route.expected[who];
        expect([expected].flat(), `${route.name} as ${who}: ${res.text}`).toContain(res.status);
        if (res.status >= 400) {
          expect(typeof (res.body as { error?: unknown }).error, `${route.name} as ${who}: an error message`).toBe(
            "string",
          );
          expect(server.fingerprint(), `${route.name} as ${who} must change nothing`).toBe(before);
        }
      }
    });
  }

  it("answers another practice's request exactly like one that does not exist (its existence is not revealed)", async () => {
    const { app } = server;
    const reference = await requestIn("submitted");
    const other = await call(app, sessions["staff B"], "GET", `/api/requests/${reference}`);
    const missing = await call(app, sessions["staff B"], "GET", "/api/requests/HGX-ZZZZ-ZZZZ");
    expect(other.status).toBe(404);
    expect(other.text).toBe(missing.text);
    const amend = await call(app, sessions["staff B"], "POST", `/api/requests/${reference}/versions`, {
      document: eligible(),
      expectedRowVersion: 1,
    });
    expect(amend.status).toBe(404);
  });

  it("lists and searches only the staff member's own practice", async () => {
    const { app } = server;
    const memberId = "SCOPE-A-771";
    const reference = await submit(app, sessions["staff A"], (d) => d.member && (d.member.memberId = memberId));
    for (const q of [reference, memberId]) {
      const b = await call<{ items: { reference: string }[]; total: number }>(
        app,
        sessions["staff B"],
        "POST",
        "/api/requests/search",
        { q },
      );
      expect(b.status).toBe(200);
      expect(b.body.total).toBe(0);
      expect(b.body.items).toEqual([]);
      const a = await call<{ items: { reference: string }[]; total: number }>(
        app,
        sessions["staff A"],
        "POST",
        "/api/requests/search",
        { q },
      );
      expect(a.body.items.map((i) => i.reference)).toEqual([reference]);
    }
    const listB = await call<{ items: { practiceName: string }[]; total: number }>(
      app,
      sessions["staff B"],
      "GET",
      "/api/requests?pageSize=100",
    );
    expect(listB.body.items.length).toBeGreaterThan(0);
    expect(new Set(listB.body.items.map((i) => i.practiceName))).toEqual(
      new Set([sessions["staff B"].user.practiceName]),
    );
    const listA = await call<{ total: number }>(app, sessions["staff A"], "GET", "/api/requests");
    const all = await call<{ total: number }>(app, sessions.reviewer, "GET", "/api/requests");
    expect(all.body.total).toBe(listA.body.total + listB.body.total);
  });
});

/** GET /api/session names the user of this session (signed out answers 204, or 401 in earlier versions). */
async function signedIn(app: TestServer["app"], session: Session): Promise<boolean> {
  const res = await call<{ user?: { id: number } } | undefined>(app, session, "GET", "/api/session");
  if (res.status === 200) {
    expect(res.body?.user?.id).toBe(session.user.id);
    return true;
  }
  expect([204, 401]).toContain(res.status);
  return false;
}

const ok = (status: number | readonly number[]): boolean => [status].flat().some((s) => s < 400);

describe("CSRF: a missing or wrong x-csrf-token on a state-changing route is refused with 403 and changes nothing", () => {
  interface Change {
    name: string;
    who: () => Session;
    method: "POST" | "PUT" | "DELETE";
    target: () => Promise<{ url: string; body?: unknown }>;
    success: number;
  }
  const CHANGES: Change[] = [
    {
      name: "PUT /api/draft",
      who: () => sessions["staff A"],
      method: "PUT",
      target: async () => ({ url: "/api/draft", body: { draft: { csrf: "probe" } } }),
      success: 204,
    },
    {
      name: "POST /api/requests",
      who: () => sessions["staff A"],
      method: "POST",
      target: async () => ({ url: "/api/requests", body: submission() }),
      success: 201,
    },
    {
      name: "POST /api/requests/:reference/versions",
      who: () => sessions["staff A"],
      method: "POST",
      target: async () => ({
        url: `/api/requests/${await requestIn("more_info_requested")}/versions`,
        body: { document: eligible(), expectedRowVersion: 2 },
      }),
      success: 200,
    },
    {
      name: "POST /api/requests/:reference/start-review",
      who: () => sessions.reviewer,
      method: "POST",
      target: async () => ({
        url: `/api/requests/${await requestIn("submitted")}/start-review`,
        body: { expectedRowVersion: 1 },
      }),
      success: 200,
    },
    {
      name: "POST /api/requests/:reference/decision",
      who: () => sessions.reviewer,
      method: "POST",
      target: async () => ({
        url: `/api/requests/${await requestIn("submitted")}/decision`,
        body: { kind: "request_info", message: "Please attach the lab reports.", expectedRowVersion: 1 },
      }),
      success: 200,
    },
  ];

  for (const change of CHANGES) {
    it(change.name, async () => {
      const { app } = server;
      const { url, body } = await change.target();
      const who = change.who();
      const someoneElses = (who === sessions.reviewer ? sessions.admin : sessions["staff B"]).csrf;
      const wrong = [
        null,
        "",
        "not-the-token",
        who.csrf.slice(0, -1),
        `${who.csrf}x`,
        someoneElses,
        who.csrf.toUpperCase() === who.csrf ? who.csrf.toLowerCase() : who.csrf.toUpperCase(),
      ];
      for (const csrf of wrong) {
        const before = server.fingerprint();
        const res = await call(app, who, change.method, url, body, { csrf });
        expect(res.status, `${change.name} with x-csrf-token ${JSON.stringify(csrf)}: ${res.text}`).toBe(403);
        expect(server.fingerprint()).toBe(before);
      }
      // The same call with the right token goes through: the refusals above were the token's doing.
      const res = await call(app, who, change.method, url, body);
      expect(res.status, res.text).toBe(change.success);
    });
  }

  it("DELETE /api/session (sign-out) without the token does not end the session", async () => {
    const { app } = server;
    const extra = await signIn(app, STAFF_A);
    const before = server.count("sessions");
    const res = await call(app, extra, "DELETE", "/api/session", undefined, { csrf: null });
    expect(res.status, `sign-out without x-csrf-token answered ${res.status}`).toBe(403);
    expect(server.count("sessions")).toBe(before);
    expect(await signedIn(app, extra)).toBe(true);
  });
});

describe("sign-in and sign-out", () => {
  it("signs in with a session cookie that scripts cannot read and a CSRF token, and never returns the password hash", async () => {
    const { app } = server;
    const res = await app.inject({
      method: "POST",
      url: "/api/session",
      payload: { email: "Reviewer@Demo.Test", password: "hemgenix-demo" },
    });
    expect(res.statusCode).toBe(200);
    const setCookie = [res.headers["set-cookie"]].flat().join("\n");
    expect(setCookie).toMatch(/^hgx_session=[A-Za-z0-9_-]{40,};/);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Strict");
    expect(setCookie).toContain("Path=/");
    expect(setCookie).toContain("Max-Age=1800");
    const body = res.json<{ user: Record<string, unknown>; csrfToken: string }>();
    const { id, ...rest } = body.user;
    expect(typeof id).toBe("number");
    expect(rest).toEqual({
      email: REVIEWER,
      name: "Dr. Rita Reviewer",
      role: "reviewer",
      practiceId: null,
      practiceName: null,
    });
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(24);
    expect(res.body).not.toMatch(/scrypt|password/i);
    // The database keeps only a hash of the session token.
    const token = sessionCookieOf(res.headers["set-cookie"])?.split("=")[1] ?? "";
    expect(server.count("sessions", "id_hash = ?", token)).toBe(0);
  });

  it("refuses a wrong password and an unknown email alike, with no cookie", async () => {
    const { app } = server;
    const wrong = await call(app, undefined, "POST", "/api/session", { email: STAFF_A, password: "not-the-password" });
    const unknown = await call(app, undefined, "POST", "/api/session", {
      email: "nobody@demo.test",
      password: "hemgenix-demo",
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.text).toBe(unknown.text);
    expect(wrong.headers["set-cookie"]).toBeUndefined();
    expect(unknown.headers["set-cookie"]).toBeUndefined();
  });

  it("knows who is signed in, and not a forged or garbled cookie", async () => {
    const { app } = server;
    const me = await call<{ user: { email: string }; csrfToken: string }>(
      app,
      sessions["staff B"],
      "GET",
      "/api/session",
    );
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(STAFF_B);
    expect(me.body.csrfToken).toBe(sessions["staff B"].csrf);
    for (const cookie of [
      "hgx_session=",
      "hgx_session=forged",
      `hgx_session=${sessions["staff B"].cookie.split("=")[1] ?? ""}x`,
      "other=1",
    ]) {
      const res = await app.inject({ method: "GET", url: "/api/requests", headers: { cookie } });
      expect(res.statusCode, cookie).toBe(401);
    }
  });

  it("sign-out ends the session: the old cookie gets 401 everywhere", async () => {
    const { app } = server;
    const extra = await signIn(app, STAFF_A);
    const before = server.count("sessions");
    const out = await call(app, extra, "DELETE", "/api/session");
    expect(out.status).toBe(204);
    expect([out.headers["set-cookie"]].flat().join("\n")).toMatch(/hgx_session=;.*Max-Age=0/);
    expect(server.count("sessions")).toBe(before - 1);
    expect(await signedIn(app, extra)).toBe(false);
    expect((await call(app, extra, "GET", "/api/requests")).status).toBe(401);
    const requestsBefore = server.count("requests");
    expect((await call(app, extra, "POST", "/api/requests", submission())).status).toBe(401);
    expect(server.count("requests")).toBe(requestsBefore);
    // Other sessions of the same user are not affected.
    expect(await signedIn(app, sessions["staff A"])).toBe(true);
  });
});

describe("idle sessions expire", () => {
  it("after SESSION_IDLE_MINUTES without a request (default 30): activity keeps the session, 31 idle minutes end it", async () => {
    const { app } = server;
    clock.set(new Date());
    const session = await signIn(app, STAFF_B);
    clock.advance(20 * 60_000);
    const refreshed = await call(app, session, "GET", "/api/requests");
    expect(refreshed.status).toBe(200);
    expect(sessionCookieOf(refreshed.headers["set-cookie"]), "an active session's cookie is renewed").toBe(
      session.cookie,
    );
    clock.advance(25 * 60_000);
    expect(await signedIn(app, session)).toBe(true);
    clock.advance(31 * 60_000);
    const before = server.count("sessions");
    expect((await call(app, session, "GET", "/api/requests")).status).toBe(401);
    expect(server.count("sessions"), "the expired session is deleted").toBe(before - 1);
    expect(await signedIn(app, session)).toBe(false);
  });

  describe("with SESSION_IDLE_MINUTES=1", () => {
    let short: TestServer;
    beforeAll(async () => {
      short = await startServer({ env: { SESSION_IDLE_MINUTES: "1" }, now: clock.now });
    });
    afterAll(async () => {
      await short.close();
    });

    it("a session idle for more than a minute is over", async () => {
      clock.set(new Date());
      const session = await signIn(short.app, STAFF_A);
      clock.advance(59_000);
      expect(await signedIn(short.app, session)).toBe(true);
      clock.advance(61_000);
      expect(await signedIn(short.app, session)).toBe(false);
      expect((await call(short.app, session, "POST", "/api/requests", submission())).status).toBe(401);
      expect(short.count("requests")).toBe(0);
    });

    it("a session used every 40 seconds stays signed in (idle means no request for a minute)", async () => {
      clock.set(new Date());
      const session = await signIn(short.app, STAFF_B);
      for (let i = 1; i <= 4; i++) {
        clock.advance(40_000);
        const res = await call(short.app, session, "GET", "/api/requests");
        expect(res.status, `request ${i}, ${i * 40} s after sign-in and 40 s after the previous one`).toBe(200);
      }
    });
  });
});

describe("sign-in rate limit", () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startServer({ now: clock.now });
    for (let i = 1; i <= 10; i++) {
      const res = await call(limited.app, undefined, "POST", "/api/session", {
        email: STAFF_A,
        password: `guess-${i}`,
      });
      expect(res.status, `attempt ${i}`).toBe(401);
    }
  });
  afterAll(async () => {
    await limited.close();
  });

  it("after 10 failed attempts for one email, answers 429 with Retry-After, even with the right password", async () => {
    const { app } = limited;
    const sessionsBefore = limited.count("sessions");
    for (const attempt of [
      { email: STAFF_A, password: "guess-11" },
      { email: STAFF_A, password: "hemgenix-demo" },
      { email: STAFF_A.toUpperCase(), password: "hemgenix-demo" },
    ]) {
      const res = await call(app, undefined, "POST", "/api/session", attempt);
      expect(res.status, JSON.stringify(attempt)).toBe(429);
      const retryAfter = Number(res.headers["retry-after"]);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      expect(res.headers["set-cookie"]).toBeUndefined();
    }
    expect(limited.count("sessions")).toBe(sessionsBefore);
    // Another account is not locked out by this one's attempts.
    expect(
      (await call(app, undefined, "POST", "/api/session", { email: REVIEWER, password: "hemgenix-demo" })).status,
    ).toBe(200);
  });

  it("counts the same email written with surrounding spaces as the same email", async () => {
    // The server signs " staff@demo.test " in as staff@demo.test (it trims before the lookup), so it is the same account.
    const padded = await call(limited.app, undefined, "POST", "/api/session", {
      email: ` ${STAFF_A} `,
      password: "guess-12",
    });
    expect(padded.status, "a padded email must not bypass the per-email limit").toBe(429);
  });

  it("lets the right password in again once the 15-minute window has passed", async () => {
    clock.set(new Date(Date.now() + 15 * 60_000 + 1000));
    expect(
      (await call(limited.app, undefined, "POST", "/api/session", { email: STAFF_A, password: "hemgenix-demo" }))
        .status,
    ).toBe(200);
  });
});

describe("security headers", () => {
  it("are on every kind of answer: JSON, 401, 404, 400 and 413", async () => {
    const { app } = server;
    const answers = [
      await app.inject({ method: "GET", url: "/api/health" }),
      await app.inject({ method: "GET", url: "/api/requests" }),
      await app.inject({ method: "GET", url: "/api/nothing-here" }),
      await app.inject({ method: "GET", url: "/some/page" }),
      await app.inject({
        method: "POST",
        url: "/api/evaluate",
        headers: { "content-type": "application/json" },
        payload: "{",
      }),
      await app.inject({
        method: "POST",
        url: "/api/evaluate",
        headers: { "content-type": "application/json" },
        payload: `"${"x".repeat(300 * 1024)}"`,
      }),
      await app.inject({
        method: "GET",
        url: `/api/requests/${await requestIn("submitted")}`,
        headers: { cookie: sessions.reviewer.cookie },
      }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 401, 404, 404, 400, 413, 200]);
    for (const res of answers) {
      const csp = String(res.headers["content-security-policy"]);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain("unsafe-inline");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["x-frame-options"]).toBe("DENY");
      expect(res.headers["referrer-policy"]).toBe("no-referrer");
    }
  });
});

describe("staff see decisions on their requests but not the audit trail", () => {
  it("reviewer and admin get the audit trail, staff do not", async () => {
    const { app } = server;
    const reference = await requestIn("submitted");
    await rowVersionOf(app, sessions.reviewer, reference);
    const forStaff = await call<Record<string, unknown>>(app, sessions["staff A"], "GET", `/api/requests/${reference}`);
    expect(forStaff.status).toBe(200);
    expect(forStaff.body).not.toHaveProperty("audit");
    expect(forStaff.text).not.toContain("audit");
    for (const who of ["reviewer", "admin"] as const) {
      const res = await call<{ audit?: unknown[] }>(app, sessions[who], "GET", `/api/requests/${reference}`);
      expect(Array.isArray(res.body.audit), who).toBe(true);
    }
  });
});
