// @vitest-environment node
/**
 * Decisions follow the policy: continued therapy and other diagnoses cannot be approved under
 * CP.PHAR.580, approving a request that misses a criterion needs the reason written down, and a
 * denial cites only criteria that are not met. Also: sign-in attempts sent in parallel are all
 * counted against the limit.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REVIEWER, STAFF_A, call, signIn, startServer, submit, type Session, type TestServer } from "./test-support";

let server: TestServer;
let staff: Session;
let reviewer: Session;

beforeAll(async () => {
  server = await startServer();
  [staff, reviewer] = await Promise.all([signIn(server.app, STAFF_A), signIn(server.app, REVIEWER)]);
});
afterAll(async () => {
  await server.close();
});

const decide = (reference: string, body: Record<string, unknown>) =>
  call<{ error?: string; status?: string; errors?: { path: string; message: string }[] }>(
    server.app,
    reviewer,
    "POST",
    `/api/requests/${reference}/decision`,
    {
      expectedRowVersion: 1,
      ...body,
    },
  );

describe("approval", () => {
  it("refuses a continuation (II.A) and changes nothing", async () => {
    const reference = await submit(server.app, staff, (d) => (d.requestType = "continuation"));
    const before = server.fingerprint();
    const res = await decide(reference, { kind: "approve", message: "Override" });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatch(/not authorized \(II\.A\)/);
    expect(server.fingerprint()).toBe(before);
  });

  it("refuses another diagnosis and names the policy it belongs under", async () => {
    const reference = await submit(server.app, staff, (d) => {
      d.lineOfBusiness = "marketplace";
      d.diagnosis = { condition: "other", otherDescription: "Acquired hemophilia B" };
    });
    const res = await decide(reference, { kind: "approve" });
    expect(res.status).toBe(422);
    expect(res.body.error).toContain("HIM.PA.154");
  });

  it("approves a request that misses a criterion only with the reason written down", async () => {
    const reference = await submit(server.app, staff, (d) => (d.exposureDays = 149));
    const without = await decide(reference, { kind: "approve" });
    expect(without.status).toBe(400);
    // The same rule and words as the reviewer's form, on the field it concerns.
    expect(without.body.errors).toEqual([
      { path: "message", message: "Write why the request is approved although not every criterion is met" },
    ]);
    const withReason = await decide(reference, { kind: "approve", message: "140 documented + 9 in the infusion log." });
    expect(withReason.status).toBe(200);
    expect(withReason.body.status).toBe("approved");
  });

  it("approves a request that meets the criteria without further words", async () => {
    const reference = await submit(server.app, staff);
    expect((await decide(reference, { kind: "approve" })).status).toBe(200);
  });
});

describe("denial", () => {
  it("refuses to cite a criterion that is met, naming it", async () => {
    const reference = await submit(server.app, staff, (d) => (d.exposureDays = 149));
    const res = await decide(reference, {
      kind: "deny",
      criteria: ["I.A.6", "I.A.1"],
      message: "Too few exposure days.",
    });
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.path)).toEqual(["criteria"]);
    expect(res.body.errors?.[0]?.message).toContain("I.A.1");
    expect(res.body.errors?.[0]?.message).not.toContain("I.A.6");
  });

  it("accepts criteria that are not met or not documented", async () => {
    const reference = await submit(server.app, staff, (d) => {
      d.exposureDays = 149;
      delete d.aav5;
    });
    const res = await decide(reference, {
      kind: "deny",
      criteria: ["I.A.6", "I.A.10"],
      message: "Too few exposure days; no AAV5 titer.",
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("denied");
  });
});

describe("sign-in attempts in parallel", () => {
  it("are all counted: no more than the limit are checked, the rest wait", async () => {
    const attempts = await Promise.all(
      Array.from({ length: 25 }, () =>
        server.app.inject({
          method: "POST",
          url: "/api/session",
          headers: { "content-type": "application/json" },
          payload: { email: "reviewer@demo.test", password: "wrong password" },
        }),
      ),
    );
    const statuses = attempts.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);
  });
});
