// @vitest-environment node
/**
 * Invalid input never gets further than a 400: arbitrary JSON and broken variants of valid bodies
 * (fast-check) on every route that takes a body, fuzzed queries and references, deeply nested
 * JSON, bodies over 256 kB, malformed JSON and other content types. Never a 500, and nothing is
 * stored: a second, read-only connection compares every table before and after.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateRequestDocument } from "@/criteria";
import {
  amendSchema,
  decisionSchema,
  queueQuerySchema,
  queueSearchSchema,
  signInSchema,
  startReviewSchema,
  submitSchema,
} from "@/contract";
import { encodeCursor, readCursor } from "./routes/queue-cursor";
import { eligible } from "@fixtures";
import {
  REVIEWER,
  STAFF_A,
  call,
  signIn,
  startServer,
  submission,
  submit,
  type Answer,
  type Session,
  type TestServer,
} from "./test-support";

const RUNS = 100;

let server: TestServer;
let staff: Session;
let reviewer: Session;
let submittedRef: string;
let moreInfoRef: string;

beforeAll(async () => {
  server = await startServer();
  [staff, reviewer] = await Promise.all([signIn(server.app, STAFF_A), signIn(server.app, REVIEWER)]);
  submittedRef = await submit(server.app, staff);
  moreInfoRef = await submit(server.app, staff);
  const asked = await call(server.app, reviewer, "POST", `/api/requests/${moreInfoRef}/decision`, {
    kind: "request_info",
    message: "More.",
    expectedRowVersion: 1,
  });
  expect(asked.status).toBe(200);
});
afterAll(async () => {
  await server.close();
});

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const documentOk = (body: unknown): boolean => isRecord(body) && validateRequestDocument(body.document).ok;

interface Target {
  name: string;
  method: "POST" | "PUT";
  url: () => string;
  who: () => Session | undefined;
  /** A body the route accepts. */
  valid: () => unknown;
  /** Whether the route's own checks would let this body through (so it is not an invalid body). */
  accepts: (body: unknown) => boolean;
}

const TARGETS: Target[] = [
  {
    name: "POST /api/session",
    method: "POST",
    url: () => "/api/session",
    who: () => undefined,
    valid: () => ({ email: "staff@demo.test", password: "not-tried" }),
    accepts: (b) => signInSchema.safeParse(b ?? {}).success,
  },
  {
    name: "POST /api/requests",
    method: "POST",
    url: () => "/api/requests",
    who: () => staff,
    valid: () => submission(),
    accepts: (b) => submitSchema.safeParse(b ?? {}).success && documentOk(b),
  },
  {
    name: "PUT /api/draft",
    method: "PUT",
    url: () => "/api/draft",
    who: () => staff,
    valid: () => ({ draft: { member: { firstName: "Ada" } } }),
    accepts: (b) => isRecord(b) && isRecord(b.draft),
  },
  {
    name: "POST /api/requests/:reference/versions",
    method: "POST",
    url: () => `/api/requests/${moreInfoRef}/versions`,
    who: () => staff,
    valid: () => ({ document: eligible(), expectedRowVersion: 2 }),
    accepts: (b) => amendSchema.safeParse(b ?? {}).success && documentOk(b),
  },
  {
    name: "POST /api/requests/:reference/start-review",
    method: "POST",
    url: () => `/api/requests/${submittedRef}/start-review`,
    who: () => reviewer,
    valid: () => ({ expectedRowVersion: 1 }),
    accepts: (b) => startReviewSchema.safeParse(b ?? {}).success,
  },
  {
    name: "POST /api/requests/:reference/decision",
    method: "POST",
    url: () => `/api/requests/${submittedRef}/decision`,
    who: () => reviewer,
    valid: () => ({ kind: "request_info", message: "Please attach the lab reports.", expectedRowVersion: 1 }),
    accepts: (b) => decisionSchema.safeParse(b ?? {}).success,
  },
];

/** A 400 (or other 4xx) that explains itself: `errors` as {path, message}[] or an `error` sentence. */
function expectExplainedRefusal(res: Answer, context: string, status: number | number[] = 400): void {
  expect([status].flat(), `${context}: ${res.status} ${res.text.slice(0, 300)}`).toContain(res.status);
  const body = res.body as { errors?: unknown; error?: unknown } | undefined;
  if (Array.isArray(body?.errors)) {
    expect(body.errors.length, context).toBeGreaterThan(0);
    for (const e of body.errors as unknown[]) {
      expect(
        isRecord(e) &&
          Object.keys(e).sort().join() === "message,path" &&
          typeof e.path === "string" &&
          typeof e.message === "string",
        `${context}: ${JSON.stringify(e)}`,
      ).toBe(true);
    }
  } else {
    expect(typeof body?.error, `${context}: an error message`).toBe("string");
  }
}

/** What the server sees of a value after JSON (undefined in objects dropped, -0 → 0, …). */
const overTheWire = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

type Path = (string | number)[];
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push([...prefix, i], ...pathsOf(v, [...prefix, i])));
  else if (isRecord(value))
    for (const [k, v] of Object.entries(value)) out.push([...prefix, k], ...pathsOf(v, [...prefix, k]));
  return out;
}

interface Mutation {
  pick: number;
  op: "delete" | "replace" | "wrap" | "text" | "negate";
  value: unknown;
}
const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom("delete", "replace", "wrap", "text", "negate"),
  value: fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(null, "", " ", -1, 0, 1e308, true, [], {}, "2026-02-30", "x".repeat(300)),
  ),
});

/** One broken spot in a copy of `valid`: a field deleted, replaced, wrapped in a list, turned to text or negated. */
function breakAt(valid: unknown, m: Mutation): unknown {
  const copy = structuredClone(valid);
  const paths = pathsOf(copy);
  const path = paths[m.pick % paths.length];
  if (path === undefined) return m.value;
  const parent = path
    .slice(0, -1)
    .reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], copy) as Record<
    string | number,
    unknown
  >;
  const key = path[path.length - 1] as string | number;
  const old = parent[key];
  switch (m.op) {
    case "delete":
      if (Array.isArray(parent) && typeof key === "number") parent.splice(key, 1);
      else delete parent[key];
      break;
    case "replace":
      parent[key] = m.value;
      break;
    case "wrap":
      parent[key] = [old];
      break;
    case "text":
      parent[key] = JSON.stringify(old);
      break;
    case "negate":
      parent[key] = typeof old === "number" ? -old - 1 : typeof old === "boolean" ? String(old) : null;
      break;
  }
  return copy;
}

describe("arbitrary JSON bodies get a 400 that explains itself and change nothing", () => {
  for (const target of TARGETS) {
    it(target.name, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.jsonValue().filter((v) => !target.accepts(overTheWire(v))),
          async (body) => {
            const before = server.fingerprint();
            const res = await call(server.app, target.who(), target.method, target.url(), undefined, {
              raw: JSON.stringify(body),
            });
            expectExplainedRefusal(res, `${target.name} ${JSON.stringify(body).slice(0, 200)}`);
            expect(server.fingerprint()).toBe(before);
          },
        ),
        { numRuns: RUNS },
      );
    });
  }
});

describe("broken variants of valid bodies get a 400 and change nothing", () => {
  for (const target of TARGETS) {
    it(target.name, async () => {
      await fc.assert(
        fc.asyncProperty(mutationArb, async (mutation) => {
          const body = overTheWire(breakAt(target.valid(), mutation));
          fc.pre(!target.accepts(body));
          const before = server.fingerprint();
          const res = await call(server.app, target.who(), target.method, target.url(), undefined, {
            raw: JSON.stringify(body) ?? "null",
          });
          expectExplainedRefusal(res, `${target.name} ${JSON.stringify(body).slice(0, 300)}`);
          expect(server.fingerprint()).toBe(before);
          // A wrapper that is fine around a broken document: exactly the library's errors, under "document.".
          if (target.name === "POST /api/requests" && submitSchema.safeParse(body).success) {
            const result = validateRequestDocument((body as { document: unknown }).document);
            expect(result.ok).toBe(false);
            if (!result.ok) {
              expect(res.body).toEqual({
                errors: result.errors.map((e) => ({
                  path: e.path === "" ? "document" : `document.${e.path}`,
                  message: e.message,
                })),
              });
            }
          }
        }),
        { numRuns: RUNS },
      );
    });
  }

  it("the valid bodies themselves are accepted (so the refusals above are about the breakage)", () => {
    for (const target of TARGETS) expect(target.accepts(overTheWire(target.valid())), target.name).toBe(true);
  });
});

describe("fuzzed queries and references", () => {
  const KEYS = ["status", "outcome", "q", "sort", "page", "pageSize", "cursor", "other"] as const;
  const VALUES = fc.oneof(
    fc.string({ maxLength: 70 }),
    fc.constantFrom(
      "submitted",
      "in_review",
      "approved",
      "meets_criteria",
      "incomplete",
      "received",
      "due",
      "1",
      "2",
      "25",
      "100",
      "101",
      "0",
      "-1",
      "1e3",
      "1.5",
      "0x10",
      " 7 ",
      "",
      encodeCursor({ sort: "received", direction: "next", key: "2026-11-27T12:00:00.000Z", id: 3, page: 2 }, "-/-/-"),
      encodeCursor(
        { sort: "due", direction: "previous", key: "2026-11-27T12:00:00.000Z", id: 9, page: 4 },
        "submitted/-/-",
      ),
      encodeCursor(
        { sort: "received", direction: "next", key: "2026-11-27T12:00:00.000Z", id: 3, page: 2 },
        "-/-/searched",
      ),
      Buffer.from('[1,"due","next","2026-13-45T12:00:00.000Z",1,2]').toString("base64url"),
    ),
    fc.integer({ min: -5, max: 200_000 }).map(String),
  );

  it("GET /api/requests: 200 exactly when the query is valid (and has no search text), otherwise 400 with errors, never a 500; a refused query is not audited", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...KEYS), VALUES), { maxLength: 5 }), async (pairs) => {
        const search = new URLSearchParams(pairs);
        const parsed: Record<string, string | string[]> = {};
        for (const [key, value] of pairs) {
          const had = parsed[key];
          parsed[key] = had === undefined ? value : [had, value].flat();
        }
        // Search text is refused in an address whatever else is there (it goes in POST /api/requests/search).
        const checked = queueQuerySchema.safeParse(parsed);
        const valid = !("q" in parsed) && checked.success && readCursor(checked.data).error === undefined;
        const audits = server.count("audit_events");
        const res = await call(server.app, reviewer, "GET", `/api/requests?${search.toString()}`);
        if (valid) {
          expect(res.status, `?${search.toString()}: ${res.text.slice(0, 200)}`).toBe(200);
          expect(server.count("audit_events")).toBe(audits + 1);
        } else {
          expectExplainedRefusal(res, `?${search.toString()}`);
          expect(server.count("audit_events")).toBe(audits);
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it("POST /api/requests/search: 200 exactly when the body is valid, otherwise 400 with errors, never a 500; a refused search is not audited", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...KEYS), VALUES), { maxLength: 5 }), async (pairs) => {
        const body: Record<string, string | number> = {};
        for (const [key, value] of pairs)
          body[key] = (key === "page" || key === "pageSize") && /^\d+$/.test(value) ? Number(value) : value;
        const checked = queueSearchSchema.safeParse(body);
        const valid = checked.success && readCursor(checked.data).error === undefined;
        const audits = server.count("audit_events");
        const res = await call(server.app, reviewer, "POST", "/api/requests/search", body);
        if (valid) {
          expect(res.status, `${JSON.stringify(body)}: ${res.text.slice(0, 200)}`).toBe(200);
          expect(server.count("audit_events")).toBe(audits + 1);
        } else {
          expectExplainedRefusal(res, JSON.stringify(body));
          expect(server.count("audit_events")).toBe(audits);
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it("a reference that does not exist is a 404 for reading and for every change, never a 500, and changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 80 }), async (reference) => {
        fc.pre(reference.toUpperCase() !== submittedRef && reference.toUpperCase() !== moreInfoRef);
        const path = `/api/requests/${encodeURIComponent(reference)}`;
        const before = server.fingerprint();
        const read = await call(server.app, reviewer, "GET", path);
        expectExplainedRefusal(read, `GET ${path}`, 404);
        const decide = await call(server.app, reviewer, "POST", `${path}/decision`, {
          kind: "approve",
          expectedRowVersion: 1,
        });
        expectExplainedRefusal(decide, `POST ${path}/decision`, 404);
        const amend = await call(server.app, staff, "POST", `${path}/versions`, {
          document: eligible(),
          expectedRowVersion: 1,
        });
        expectExplainedRefusal(amend, `POST ${path}/versions`, 404);
        expect(server.fingerprint()).toBe(before);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("hostile shapes", () => {
  const deep = (depth: number): string => `${"[".repeat(depth)}${"]".repeat(depth)}`;

  for (const target of TARGETS) {
    it(`${target.name}: deeply nested JSON (100,000 levels) is refused, never a 500`, async () => {
      const valid = target.valid() as Record<string, unknown>;
      // The nesting goes where the route has to look at it: inside the document, the draft, or a checked field.
      const firstKey = Object.keys(valid)[0] ?? "x";
      const raw =
        "document" in valid
          ? JSON.stringify({ ...valid, document: { ...(valid.document as object), bleeds: "DEEP" } }).replace(
              '"DEEP"',
              deep(100_000),
            )
          : "draft" in valid
            ? JSON.stringify({ draft: { notes: "DEEP" } }).replace('"DEEP"', deep(100_000))
            : JSON.stringify({ ...valid, [firstKey]: "DEEP" }).replace('"DEEP"', deep(100_000));
      expect(raw.length).toBeLessThan(256 * 1024);
      const before = server.fingerprint();
      const res = await call(server.app, target.who(), target.method, target.url(), undefined, { raw });
      expect(res.status, `${target.name}: ${res.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${target.name}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
      expect(server.fingerprint()).toBe(before);
    });
  }

  it("POST /api/evaluate: deeply nested JSON is a 400, never a 500", async () => {
    const res = await call(server.app, undefined, "POST", "/api/evaluate", undefined, {
      raw: `{"member":${deep(100_000)}}`,
    });
    expectExplainedRefusal(res, "evaluate deep");
  });

  for (const target of [
    ...TARGETS,
    {
      name: "POST /api/evaluate",
      method: "POST",
      url: () => "/api/evaluate",
      who: () => undefined,
      valid: () => eligible(),
    } as const,
  ]) {
    it(`${target.name}: a body over 256 kB is refused with 413 and changes nothing`, async () => {
      const valid = target.valid() as Record<string, unknown>;
      const raw = JSON.stringify({ ...valid, padding: "x".repeat(256 * 1024) });
      const before = server.fingerprint();
      const res = await call(server.app, target.who(), target.method, target.url(), undefined, { raw });
      expectExplainedRefusal(res, `${target.name} oversized`, 413);
      expect(server.fingerprint()).toBe(before);
      // Just under the limit is read (and then judged on its content).
      const justUnder = JSON.stringify({
        ...valid,
        padding: "x".repeat(256 * 1024 - JSON.stringify(valid).length - 20),
      });
      expect(Buffer.byteLength(justUnder)).toBeLessThanOrEqual(256 * 1024);
      const read = await call(server.app, target.who(), target.method, target.url(), undefined, { raw: justUnder });
      expect(read.status, `${target.name} just under the limit: ${read.text.slice(0, 200)}`).not.toBe(413);
      expect(read.status).toBeLessThan(500);
    });
  }

  it("PUT /api/draft: a draft over 200 kB (inside the body limit) is refused with 413 and not stored", async () => {
    const before = server.fingerprint();
    const res = await call(server.app, staff, "PUT", "/api/draft", { draft: { notes: "x".repeat(210 * 1024) } });
    expectExplainedRefusal(res, "big draft", 413);
    expect(server.fingerprint()).toBe(before);
  });

  for (const target of TARGETS) {
    it(`${target.name}: content types other than JSON are refused and change nothing`, async () => {
      const json = JSON.stringify(target.valid());
      for (const [contentType, raw, statuses] of [
        ["application/x-www-form-urlencoded", "email=staff%40demo.test&password=x&expectedRowVersion=1", [415]],
        [
          "multipart/form-data; boundary=xyz",
          `--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n${json}\r\n--xyz--\r\n`,
          [415],
        ],
        ["application/xml", "<request/>", [415]],
        ["text/html", json, [415]],
        // Fastify reads text/plain as a string; a string is not a valid body anywhere.
        ["text/plain", json, [400, 415]],
      ] as const) {
        const before = server.fingerprint();
        const res = await call(server.app, target.who(), target.method, target.url(), undefined, { raw, contentType });
        expectExplainedRefusal(res, `${target.name} as ${contentType}`, [...statuses]);
        expect(server.fingerprint(), `${target.name} as ${contentType}`).toBe(before);
      }
      // No content type at all.
      const before = server.fingerprint();
      const who = target.who();
      const res = await server.app.inject({
        method: target.method,
        url: target.url(),
        payload: json,
        headers: who === undefined ? {} : { cookie: who.cookie, "x-csrf-token": who.csrf },
      });
      expect(res.statusCode, `${target.name} without a content type`).toBe(415);
      expect(server.fingerprint()).toBe(before);
    });
  }

  for (const target of TARGETS) {
    it(`${target.name}: malformed JSON, an empty body and prototype poisoning are 400s that change nothing`, async () => {
      const json = JSON.stringify(target.valid());
      for (const raw of [
        json.slice(0, -1),
        `${json},`,
        "{'single': 1}",
        "",
        "   ",
        json.replace("{", '{"__proto__":{"isAdmin":true},'),
        json.replace("{", '{"constructor":{"prototype":{"x":1}},'),
      ]) {
        const before = server.fingerprint();
        const res = await call(server.app, target.who(), target.method, target.url(), undefined, { raw });
        expectExplainedRefusal(res, `${target.name} ${JSON.stringify(raw.slice(0, 60))}`);
        expect(server.fingerprint()).toBe(before);
      }
    });
  }
});
