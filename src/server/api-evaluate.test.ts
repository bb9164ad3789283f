// @vitest-environment node
/**
 * POST /api/evaluate answers byte for byte what the criteria library's `checkRequest` gives (the
 * same JSON as the command-line evaluator): for every fixture, valid or not, and for fuzzed
 * variants of them. No sign-in needed, and nothing is stored.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRequest } from "@/criteria";
import { fixtureNames, rawFixture } from "@fixtures";
import { STAFF_A, call, signIn, startServer, type TestServer } from "./test-support";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

const evaluateOverHttp = (body: unknown) =>
  call(server.app, undefined, "POST", "/api/evaluate", undefined, { raw: JSON.stringify(body) });

describe("POST /api/evaluate", () => {
  it("has fixtures to compare (valid and invalid)", () => {
    const names = fixtureNames();
    expect(names.length).toBeGreaterThan(30);
    expect(names.some((n) => n.startsWith("invalid-"))).toBe(true);
  });

  for (const name of fixtureNames()) {
    it(`answers ${name} exactly as checkRequest does`, async () => {
      const doc = rawFixture(name);
      const expected = checkRequest(doc);
      const res = await evaluateOverHttp(doc);
      expect(res.status).toBe("errors" in expected ? 400 : 200);
      expect(res.text).toBe(JSON.stringify(expected));
      expect(String(res.headers["content-type"])).toMatch(/^application\/json/);
    });
  }

  it("answers values that are not a document (null, a list, text, a number) with the library's 400", async () => {
    for (const body of [null, [], [1, 2], "a request", 42, true, {}]) {
      const res = await evaluateOverHttp(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.text).toBe(JSON.stringify(checkRequest(body)));
    }
  });

  it("matches checkRequest on fuzzed variants of the fixtures (a field changed, removed or added)", async () => {
    const names = fixtureNames();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.nat(),
        fc.oneof(fc.constant<"delete">("delete"), fc.jsonValue({ maxDepth: 2 })),
        async (name, pick, change) => {
          const doc = rawFixture(name) as Record<string, unknown>;
          const keys = Object.keys(doc);
          const target = doc[keys[pick % keys.length] ?? "x"];
          // Change one field one or two levels down.
          if (
            typeof target === "object" &&
            target !== null &&
            !Array.isArray(target) &&
            Object.keys(target).length > 0
          ) {
            const inner = target as Record<string, unknown>;
            const key = Object.keys(inner)[pick % Object.keys(inner).length] ?? "x";
            if (change === "delete") delete inner[key];
            else inner[key] = change;
          } else {
            const key = keys[pick % keys.length] ?? "x";
            if (change === "delete") delete doc[key];
            else doc[key] = change;
          }
          const sent = JSON.parse(JSON.stringify(doc)) as unknown;
          // A "__proto__" key is refused as prototype poisoning before any validation (api-fuzz.test.ts).
          fc.pre(!JSON.stringify(sent).includes('"__proto__"'));
          const res = await evaluateOverHttp(sent);
          const expected = checkRequest(sent);
          expect(res.status).toBe("errors" in expected ? 400 : 200);
          expect(res.text).toBe(JSON.stringify(expected));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("needs no sign-in, ignores the session if there is one, and stores nothing", async () => {
    const before = server.fingerprint();
    const doc = rawFixture("eligible");
    const anonymous = await evaluateOverHttp(doc);
    expect(anonymous.status).toBe(200);
    const staff = await signIn(server.app, STAFF_A);
    const afterSignIn = server.fingerprint();
    expect(afterSignIn).not.toBe(before); // the sign-in itself added a session
    const signedIn = await call(server.app, staff, "POST", "/api/evaluate", doc);
    expect(signedIn.text).toBe(anonymous.text);
    expect(server.fingerprint()).toBe(afterSignIn);
  });
});
