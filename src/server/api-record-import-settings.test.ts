// @vitest-environment node
/**
 * The record import's local codes against the real app on a real SQLite file: anyone reads them
 * (no sign-in: the self-check uses them), cacheable but revalidated; only admins change them, with
 * the CSRF token; a bad entry is refused naming its field, storing nothing; every change is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FieldError } from "@/criteria";
import {
  DUPLICATE_LOCAL_CODE,
  MAX_LOCAL_CODES,
  recordImportSettingsSchema,
  TOO_MANY_LOCAL_CODES,
  type ConfiguredLocalCode,
  type RecordImportAdmin,
  type RecordImportSettings,
} from "@/contract";
import { cachePolicyFor } from "./security-headers";
import { ADMIN, REVIEWER, STAFF_A, call, signIn, startServer, type Session, type TestServer } from "./test-support";

const SETTINGS = "/api/settings/record-import";
const CODES = "/api/admin/record-import/aav5-antibody-codes";
const LAB = { system: "https://lab.example.org/codes", code: "AAV5-NAB", display: "AAV5 neutralizing antibody" };

let server: TestServer;
let staff: Session;
let reviewer: Session;
let admin: Session;

beforeAll(async () => {
  server = await startServer();
  [staff, reviewer, admin] = await Promise.all([
    signIn(server.app, STAFF_A),
    signIn(server.app, REVIEWER),
    signIn(server.app, ADMIN),
  ]);
});
afterAll(async () => {
  await server.close();
});

const settings = async () => (await call<RecordImportSettings>(server.app, undefined, "GET", SETTINGS)).body;
const settingEvents = () => server.count("audit_events", "setting = 'record-import'");

async function removeAll(): Promise<void> {
  const { aav5Antibody } = (await call<RecordImportAdmin>(server.app, admin, "GET", "/api/admin/record-import")).body;
  for (const code of aav5Antibody) await call(server.app, admin, "DELETE", `${CODES}/${code.id}`);
}

describe("reading the settings", () => {
  it("needs no sign-in, answers the configured codes, and may be cached only if revalidated (ETag, 304)", async () => {
    const empty = await call<RecordImportSettings>(server.app, undefined, "GET", SETTINGS);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ localCodes: { aav5Antibody: [] } });
    expect(empty.headers["cache-control"]).toBe("no-cache");
    expect(empty.headers["set-cookie"]).toBeUndefined();
    const etag = String(empty.headers.etag);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await call(server.app, undefined, "GET", SETTINGS, undefined, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe("");
    // Weakly compared among others, and "*" (any answer the client holds) matches too (RFC 9110 13.1.2).
    for (const sent of [`"other", W/${etag}`, "*"]) {
      const res = await call(server.app, undefined, "GET", SETTINGS, undefined, { headers: { "if-none-match": sent } });
      expect(res.status, sent).toBe(304);
      expect(res.headers.etag).toBe(etag);
    }
    expect(
      (await call(server.app, undefined, "GET", SETTINGS, undefined, { headers: { "if-none-match": '"other"' } }))
        .status,
    ).toBe(200);

    const added = await call<ConfiguredLocalCode>(server.app, admin, "POST", CODES, LAB);
    expect(added.status).toBe(201);
    // A change is seen at the next read: the old ETag no longer matches.
    const changed = await call<RecordImportSettings>(server.app, undefined, "GET", SETTINGS, undefined, {
      headers: { "if-none-match": etag },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ localCodes: { aav5Antibody: [LAB] } });
    expect(changed.headers.etag).not.toBe(etag);
    // Signed-in people read the same.
    expect((await call(server.app, staff, "GET", SETTINGS)).body).toEqual(changed.body);
    await removeAll();
  });

  it("leaves out a stored code today's checks refuse (stored before them), so the browser still reads the others", async () => {
    expect((await call(server.app, admin, "POST", CODES, LAB)).status).toBe(201);
    // The store takes what the route checked: here, what older checks let through.
    const old = { system: LAB.system, code: "AAV5\u200B-OLD", display: "" };
    expect(
      await server.store.addLocalCode("aav5Antibody", old, { adminId: admin.user.id, now: new Date() }),
    ).toMatchObject(old);
    const answer = await call<RecordImportSettings>(server.app, undefined, "GET", SETTINGS);
    expect(answer.body).toEqual({ localCodes: { aav5Antibody: [LAB] } });
    expect(recordImportSettingsSchema.safeParse(answer.body).success).toBe(true);
    // The admins still see it, to remove it.
    const { aav5Antibody } = (await call<RecordImportAdmin>(server.app, admin, "GET", "/api/admin/record-import")).body;
    expect(aav5Antibody.map((c) => c.code)).toEqual([LAB.code, "AAV5\u200B-OLD"]);
    await removeAll();
  });

  it("only the settings' answers (200, 304) may be kept: their errors, and every other API answer, are no-store", () => {
    expect(cachePolicyFor(SETTINGS, 200)).toBe("revalidate");
    expect(cachePolicyFor(SETTINGS, 304)).toBe("revalidate");
    expect(cachePolicyFor(SETTINGS, 503)).toBe("no-store");
    expect(cachePolicyFor("/api/settings/record-import/x", 200)).toBe("no-store");
    expect(cachePolicyFor("/api/admin/record-import", 200)).toBe("no-store");
  });

  it("the admin's view is for admins only: signed out 401, staff and reviewers 403", async () => {
    expect((await call(server.app, undefined, "GET", "/api/admin/record-import")).status).toBe(401);
    expect((await call(server.app, staff, "GET", "/api/admin/record-import")).status).toBe(403);
    expect((await call(server.app, reviewer, "GET", "/api/admin/record-import")).status).toBe(403);
    const own = await call<RecordImportAdmin>(server.app, admin, "GET", "/api/admin/record-import");
    expect(own.status).toBe(200);
    expect(own.headers["cache-control"]).toBe("no-store");
  });
});

describe("changing the codes", () => {
  it("refuses the signed-out (401), staff and reviewers (403) and a change without the CSRF token (403), storing nothing", async () => {
    const before = server.fingerprint();
    const attempts = [
      [undefined, 401],
      [staff, 403],
      [reviewer, 403],
    ] as const;
    for (const [who, status] of attempts) {
      expect((await call(server.app, who, "POST", CODES, LAB)).status).toBe(status);
      expect((await call(server.app, who, "DELETE", `${CODES}/1`)).status).toBe(status);
    }
    const noToken = await call<{ error: string }>(server.app, admin, "POST", CODES, LAB, { csrf: null });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error).toBe("The form is out of date: reload the page and try again");
    expect(server.fingerprint()).toBe(before);
  });

  it("refuses a removal without the CSRF token (403), on a code that exists, removing nothing", async () => {
    const added = await call<ConfiguredLocalCode>(server.app, admin, "POST", CODES, LAB);
    const before = server.fingerprint();
    const noToken = await call<{ error: string }>(server.app, admin, "DELETE", `${CODES}/${added.body.id}`, undefined, {
      csrf: null,
    });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error).toBe("The form is out of date: reload the page and try again");
    expect(server.fingerprint()).toBe(before);
    expect((await settings()).localCodes.aav5Antibody).toEqual([LAB]);
    await removeAll();
  });

  it.each([
    [
      { ...LAB, system: "lab-codes" },
      "system",
      /^Code system must be an absolute URI starting http:\/\/, https:\/\/ or urn:/,
    ],
    [{ ...LAB, system: "" }, "system", /^Enter the code system/],
    [{ ...LAB, code: "AAV5  NAB" }, "code", /^Code may hold single spaces only/],
    [{ system: LAB.system }, "code", /^Code must be text$/],
    [{ ...LAB, display: "x".repeat(121) }, "display", /^Display text must be 120 characters or fewer$/],
    [
      { system: "http://loinc.org", code: "1742-6" },
      "code",
      /^http:\/\/loinc\.org\|1742-6 is a standard code the record import already reads as ALT: enter the code the lab gives/,
    ],
    [{ system: "http://loinc.org", code: "77615-3" }, "code", /already reads as Liver elastography/],
    [
      { ...LAB, display: "AAV5 \u202Eydobitna" },
      "display",
      /^Display text must not contain control characters or invisible/,
    ],
    [{ ...LAB, code: "AAV5-NAB\u200B" }, "code", /^Code must not contain control characters or invisible/],
  ])("refuses a bad entry with 400 naming its field (%o), storing nothing", async (body, path, message) => {
    const before = server.fingerprint();
    const res = await call<{ errors: FieldError[] }>(server.app, admin, "POST", CODES, body);
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0]?.path).toBe(path);
    expect(res.body.errors[0]?.message).toMatch(message);
    expect(server.fingerprint()).toBe(before);
  });

  it("adds, refuses the same code twice and one too many, removes; each change audited with who and which code", async () => {
    const eventsBefore = settingEvents();
    const added = await call<ConfiguredLocalCode>(server.app, admin, "POST", CODES, {
      ...LAB,
      system: ` ${LAB.system} `,
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject(LAB);
    expect(added.body.id).toBeGreaterThan(0);

    const twice = await call<{ errors: FieldError[] }>(server.app, admin, "POST", CODES, { ...LAB, display: "" });
    expect(twice.status).toBe(400);
    expect(twice.body.errors).toEqual([{ path: "code", message: DUPLICATE_LOCAL_CODE }]);

    for (let i = 1; i < MAX_LOCAL_CODES; i += 1)
      expect((await call(server.app, admin, "POST", CODES, { system: "urn:lab:codes", code: `C${i}` })).status).toBe(
        201,
      );
    const full = await call<{ errors: FieldError[] }>(server.app, admin, "POST", CODES, {
      system: "urn:x:y",
      code: "Z",
    });
    expect(full.status).toBe(400);
    expect(full.body.errors).toEqual([{ path: "code", message: TOO_MANY_LOCAL_CODES }]);
    expect(server.count("record_import_local_codes")).toBe(MAX_LOCAL_CODES);

    const removed = await call<ConfiguredLocalCode>(server.app, admin, "DELETE", `${CODES}/${added.body.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject(LAB);
    expect((await call(server.app, admin, "DELETE", `${CODES}/${added.body.id}`)).status).toBe(404);
    expect((await call(server.app, admin, "DELETE", `${CODES}/abc`)).status).toBe(404);
    expect((await settings()).localCodes.aav5Antibody.map((c) => c.code)).not.toContain("AAV5-NAB");

    // One event per change made (refusals write none), newest first, naming the admin and the code.
    expect(settingEvents()).toBe(eventsBefore + MAX_LOCAL_CODES + 1);
    const { history } = (await call<RecordImportAdmin>(server.app, admin, "GET", "/api/admin/record-import")).body;
    expect(history[0]).toMatchObject({
      user: admin.user.name,
      action: "local code removed",
      detail: "AAV5 antibodies: https://lab.example.org/codes|AAV5-NAB (AAV5 neutralizing antibody)",
    });
    expect(history.at(-1)?.action).toBe("local code added");
    const row = server.db
      .prepare(
        "SELECT user_id, request_id, account_id, practice_id, at FROM audit_events WHERE setting = 'record-import' ORDER BY id DESC LIMIT 1",
      )
      .get();
    expect(row).toMatchObject({ user_id: admin.user.id, request_id: null, account_id: null, practice_id: null });
    await removeAll();
    expect(await settings()).toEqual({ localCodes: { aav5Antibody: [] } });
  });
});
