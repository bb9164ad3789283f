// @vitest-environment node
/**
 * Administration against the real app on a real SQLite file: who may call each admin route, what
 * an account change does to sign-in and sessions, the rules that keep roles and practices
 * consistent and an admin from locking themselves out, field-named errors that store nothing
 * (fast-check), and the audit of every change.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FieldError } from "@/criteria";
import {
  MIN_PASSWORD_LENGTH,
  newUserSchema,
  practiceSchema,
  userChangeSchema,
  type AdminPractice,
  type AdminPracticeDetail,
  type AdminUser,
  type AdminUserDetail,
} from "@/contract";
import {
  ADMIN,
  DEMO_PASSWORD,
  REVIEWER,
  STAFF_A,
  STAFF_B,
  call,
  signIn,
  startServer,
  submit,
  type Session,
  type TestServer,
} from "./test-support";

const PASSWORD = "correct horse battery";

let server: TestServer;
let staffA: Session;
let staffB: Session;
let reviewer: Session;
let admin: Session;
let practices: AdminPractice[];
let demoPracticeId: number;
let otherPracticeId: number;

beforeAll(async () => {
  server = await startServer();
  const { app } = server;
  [staffA, staffB, reviewer, admin] = await Promise.all([
    signIn(app, STAFF_A),
    signIn(app, STAFF_B),
    signIn(app, REVIEWER),
    signIn(app, ADMIN),
  ]);
  practices = (await call<{ practices: AdminPractice[] }>(app, admin, "GET", "/api/admin/practices")).body.practices;
  demoPracticeId = staffA.user.practiceId ?? 0;
  otherPracticeId = staffB.user.practiceId ?? 0;
});
afterAll(async () => {
  await server.close();
});

let counter = 0;
const uniqueEmail = (prefix = "new") => `${prefix}-${(counter += 1)}@clinic.test`;

/** A valid new staff account of the demo practice, confirmed with the demo admin's own password, with `change` applied. */
const newAccount = (change: Record<string, unknown> = {}) => ({
  name: "Nora New",
  email: uniqueEmail(),
  role: "staff",
  practiceId: demoPracticeId,
  password: PASSWORD,
  currentPassword: DEMO_PASSWORD,
  ...change,
});

/** Adds an account as the demo admin. */
async function addUser(body: Record<string, unknown> = {}): Promise<AdminUser> {
  const res = await call<AdminUser>(server.app, admin, "POST", "/api/admin/users", newAccount(body));
  if (res.status !== 201) throw new Error(`adding a user gave ${res.status}: ${res.text}`);
  return res.body;
}

/** The demo admin's own password, which adding an account, a role change and a password need. */
const OWN = { currentPassword: DEMO_PASSWORD };

const change = (id: number, body: unknown, who: Session = admin) =>
  call<AdminUser & { errors?: FieldError[] }>(server.app, who, "PATCH", `/api/admin/users/${id}`, body);

/** Whether a session cookie still signs its holder in. */
async function stillSignedIn(session: Session): Promise<boolean> {
  const res = await call(server.app, session, "GET", "/api/session");
  return res.status === 200;
}

describe("who may administer", () => {
  type Who = "signed out" | "staff A" | "staff B" | "reviewer" | "admin";
  const as = (who: Who): Session | undefined =>
    ({ "signed out": undefined, "staff A": staffA, "staff B": staffB, reviewer, admin })[who];
  const expected = (who: Who, ok: number) => (who === "signed out" ? 401 : who === "admin" ? ok : 403);
  const routes: {
    method: "GET" | "POST" | "PATCH";
    path: string;
    url: () => string;
    body?: () => unknown;
    ok: number;
  }[] = [
    { method: "GET", path: "/api/admin/users", url: () => "/api/admin/users", ok: 200 },
    { method: "GET", path: "/api/admin/users/:id", url: () => `/api/admin/users/${staffA.user.id}`, ok: 200 },
    {
      method: "POST",
      path: "/api/admin/users",
      url: () => "/api/admin/users",
      body: () => ({
        name: "Role Matrix",
        email: uniqueEmail("matrix"),
        role: "reviewer",
        password: PASSWORD,
        currentPassword: DEMO_PASSWORD,
      }),
      ok: 201,
    },
    {
      method: "PATCH",
      path: "/api/admin/users/:id",
      url: () => `/api/admin/users/${staffA.user.id}`,
      body: () => ({ name: "Sam Staff" }),
      ok: 200,
    },
    { method: "GET", path: "/api/admin/practices", url: () => "/api/admin/practices", ok: 200 },
    {
      method: "GET",
      path: "/api/admin/practices/:id",
      url: () => `/api/admin/practices/${demoPracticeId}`,
      ok: 200,
    },
    {
      method: "POST",
      path: "/api/admin/practices",
      url: () => "/api/admin/practices",
      body: () => ({ name: `Matrix Clinic ${(counter += 1)}` }),
      ok: 201,
    },
    {
      method: "PATCH",
      path: "/api/admin/practices/:id",
      url: () => `/api/admin/practices/${otherPracticeId}`,
      body: () => ({ name: "Riverside Hemophilia Center" }),
      ok: 200,
    },
  ];
  for (const route of routes) {
    for (const who of ["signed out", "staff A", "staff B", "reviewer", "admin"] as const) {
      it(`${route.method} ${route.path} as ${who} → ${expected(who, route.ok)}`, async () => {
        const before = who === "admin" ? undefined : server.fingerprint();
        const res = await call(server.app, as(who), route.method, route.url(), route.body?.());
        expect(res.status, res.text).toBe(expected(who, route.ok));
        if (before !== undefined) expect(server.fingerprint()).toBe(before);
      });
    }
    if (route.method !== "GET") {
      it(`${route.method} ${route.path} without the CSRF header → 403, nothing changed`, async () => {
        const before = server.fingerprint();
        const res = await call(server.app, admin, route.method, route.url(), route.body?.(), { csrf: null });
        expect(res.status).toBe(403);
        expect(server.fingerprint()).toBe(before);
      });
    }
  }

  it("answers an id that is not a number, or names nobody, with 404", async () => {
    for (const url of [
      "/api/admin/users/abc",
      "/api/admin/users/0",
      "/api/admin/users/99999",
      "/api/admin/users/1e3",
    ]) {
      expect((await call(server.app, admin, "GET", url)).status, url).toBe(404);
      expect((await call(server.app, admin, "PATCH", url, { name: "X" })).status, url).toBe(404);
    }
    expect((await call(server.app, admin, "GET", "/api/admin/practices/99999")).status).toBe(404);
    expect((await call(server.app, admin, "PATCH", "/api/admin/practices/-1", { name: "X" })).status).toBe(404);
  });
});

describe("adding an account", () => {
  it("stores it without its password and lets the person sign in", async () => {
    const email = uniqueEmail();
    const res = await call<AdminUser>(server.app, admin, "POST", "/api/admin/users", {
      name: "  Nadia Nurse ",
      email: `  ${email.toUpperCase()} `,
      role: "staff",
      practiceId: otherPracticeId,
      password: PASSWORD,
      currentPassword: DEMO_PASSWORD,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: "Nadia Nurse",
      email,
      role: "staff",
      practiceId: otherPracticeId,
      practiceName: "Riverside Hemophilia Center",
      active: true,
    });
    expect(res.text).not.toMatch(/password|scrypt/i);
    const session = await signIn(server.app, email, PASSWORD);
    expect(session.user).toMatchObject({ role: "staff", practiceId: otherPracticeId });
    const listed = await call<{ users: AdminUser[] }>(server.app, admin, "GET", "/api/admin/users");
    expect(listed.body.users.find((u) => u.email === email)).toEqual(res.body);
    expect(listed.text).not.toMatch(/scrypt/);
  });

  it("adds reviewers and admins without a practice (null or left out)", async () => {
    const reviewerAccount = await addUser({ role: "reviewer", practiceId: null });
    const adminAccount = await addUser({ role: "admin", practiceId: undefined });
    expect(reviewerAccount).toMatchObject({ role: "reviewer", practiceId: null, practiceName: null });
    expect(adminAccount).toMatchObject({ role: "admin", practiceId: null });
  });

  const refusals: [string, Record<string, unknown>, FieldError[]][] = [
    [
      "staff without a practice",
      { practiceId: null },
      [{ path: "practiceId", message: "Choose the practice this person works for" }],
    ],
    [
      "a reviewer with a practice",
      { role: "reviewer" },
      [{ path: "practiceId", message: "Only office staff belong to a practice" }],
    ],
    [
      "a practice that does not exist",
      { practiceId: 99999 },
      [{ path: "practiceId", message: "Practice must be chosen from the list of practices" }],
    ],
    [
      "a practice id that is text",
      { practiceId: "1" },
      [{ path: "practiceId", message: "Practice must be chosen from the list of practices" }],
    ],
    [
      "a password one character short",
      { password: "x".repeat(MIN_PASSWORD_LENGTH - 1) },
      [
        {
          path: "password",
          message: `Password must be at least ${MIN_PASSWORD_LENGTH} characters (a few unrelated words make a good one)`,
        },
      ],
    ],
    [
      "an email without a domain",
      { email: "nora@clinic" },
      [{ path: "email", message: "Enter an email address in the correct format, like name@example.org" }],
    ],
    ["a blank name", { name: "   " }, [{ path: "name", message: "Enter the person's full name" }]],
    [
      "a name with a control character",
      { name: "Nora\u0007" },
      [{ path: "name", message: "Full name must not contain control characters" }],
    ],
    [
      "a role that does not exist",
      { role: "superuser" },
      [{ path: "role", message: "Choose a role: staff, reviewer or admin" }],
    ],
    [
      "an email already in use, in other capitals",
      { email: " STAFF@demo.test " },
      [
        {
          path: "email",
          message: "An account with this email address already exists: change that account instead",
        },
      ],
    ],
  ];
  for (const [name, body, errors] of refusals) {
    it(`refuses ${name} with 400 naming the field, and stores nothing`, async () => {
      const before = server.fingerprint();
      const res = await call<{ errors: FieldError[] }>(server.app, admin, "POST", "/api/admin/users", newAccount(body));
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(errors);
      expect(server.fingerprint()).toBe(before);
    });
  }

  it("accepts a password of exactly the minimum length", async () => {
    const account = await addUser({ password: "x".repeat(MIN_PASSWORD_LENGTH) });
    await expect(signIn(server.app, account.email, "x".repeat(MIN_PASSWORD_LENGTH))).resolves.toBeDefined();
  });

  it("names every field that is wrong at once", async () => {
    const res = await call<{ errors: FieldError[] }>(server.app, admin, "POST", "/api/admin/users", {
      email: 7,
      role: "boss",
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e) => e.path)).toEqual(["name", "email", "role", "password", "currentPassword"]);
    expect(res.body.errors.every((e) => e.message.length > 10)).toBe(true);
  });
});

describe("changing an account", () => {
  it("renames without ending the person's sessions", async () => {
    const account = await addUser();
    const session = await signIn(server.app, account.email, PASSWORD);
    const res = await change(account.id, { name: "Nora Renamed" });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe("Nora Renamed");
    expect(await stillSignedIn(session)).toBe(true);
  });

  it("moves staff to another practice: they sign in again and see that practice's requests only", async () => {
    const account = await addUser({ practiceId: demoPracticeId });
    const session = await signIn(server.app, account.email, PASSWORD);
    const reference = await submit(server.app, session);
    // Another practice's patients: the acting admin's own password first.
    expect((await change(account.id, { practiceId: otherPracticeId })).status).toBe(400);
    const res = await change(account.id, { practiceId: otherPracticeId, ...OWN });
    expect(res.body).toMatchObject({ practiceId: otherPracticeId, practiceName: "Riverside Hemophilia Center" });
    expect(await stillSignedIn(session)).toBe(false);
    const again = await signIn(server.app, account.email, PASSWORD);
    expect((await call(server.app, again, "GET", `/api/requests/${reference}`)).status).toBe(404);
    // The request stays with the practice it was made for.
    expect((await call(server.app, staffA, "GET", `/api/requests/${reference}`)).status).toBe(200);
  });

  it("takes staff out of their practice when they become reviewers, and needs one to make them staff", async () => {
    const account = await addUser();
    const promoted = await change(account.id, { role: "reviewer", ...OWN });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ role: "reviewer", practiceId: null, practiceName: null });
    const before = server.fingerprint();
    const refused = await change(account.id, { role: "staff", ...OWN });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ path: "practiceId", message: "Choose the practice this person works for" }]);
    expect(server.fingerprint()).toBe(before);
    const back = await change(account.id, { role: "staff", practiceId: demoPracticeId, ...OWN });
    expect(back.body).toMatchObject({ role: "staff", practiceId: demoPracticeId });
    const wrong = await change(account.id, { practiceId: null });
    expect(wrong.status).toBe(400);
  });

  it("deactivates: sessions end, sign-in says whom to ask, requests keep the name; reactivating restores sign-in", async () => {
    const account = await addUser({ name: "Dana Departing" });
    const session = await signIn(server.app, account.email, PASSWORD);
    const reference = await submit(server.app, session);
    const res = await change(account.id, { active: false });
    expect(res.body.active).toBe(false);
    expect(await stillSignedIn(session)).toBe(false);
    const refused = await call<{ error: string }>(server.app, undefined, "POST", "/api/session", {
      email: account.email,
      password: PASSWORD,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe("This account is deactivated. Ask your administrator to reactivate it.");
    // A wrong password learns nothing about the account.
    const guessed = await call(server.app, undefined, "POST", "/api/session", {
      email: account.email,
      password: "wrong password!",
    });
    expect(guessed.status).toBe(401);
    const detail = await call<{ versions: { submittedBy: string }[] }>(
      server.app,
      reviewer,
      "GET",
      `/api/requests/${reference}`,
    );
    expect(detail.body.versions[0]?.submittedBy).toBe("Dana Departing");

    const listed = await call<{ users: AdminUser[] }>(server.app, admin, "GET", "/api/admin/users");
    expect(listed.body.users.find((u) => u.id === account.id)?.active).toBe(false);
    // Bringing the account back needs the acting admin's own password; nothing changes without it.
    const unconfirmed = await change(account.id, { active: true });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.errors).toEqual([{ path: "currentPassword", message: NEEDS_OWN_PASSWORD }]);
    expect((await change(account.id, { active: true, ...OWN })).body.active).toBe(true);
    await expect(signIn(server.app, account.email, PASSWORD)).resolves.toBeDefined();
  });

  it("sets a new password: the old one stops working and every session ends", async () => {
    const account = await addUser();
    const session = await signIn(server.app, account.email, PASSWORD);
    const res = await change(account.id, { password: "a brand new passphrase", ...OWN });
    expect(res.status).toBe(200);
    expect(res.text).not.toMatch(/passphrase|scrypt/);
    expect(await stillSignedIn(session)).toBe(false);
    const old = await call(server.app, undefined, "POST", "/api/session", { email: account.email, password: PASSWORD });
    expect(old.status).toBe(401);
    await expect(signIn(server.app, account.email, "a brand new passphrase")).resolves.toBeDefined();
  });

  it("never lets an admin lock themselves out, but lets them change their own name and password", async () => {
    const own = await addUser({ role: "admin", practiceId: null });
    const session = await signIn(server.app, own.email, PASSWORD);
    const elsewhere = await signIn(server.app, own.email, PASSWORD);
    const before = server.fingerprint();
    const refused = await change(own.id, { active: false, role: "staff", practiceId: demoPracticeId }, session);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { path: "active", message: "You cannot deactivate your own account: ask another administrator" },
      { path: "role", message: "You cannot change your own role: ask another administrator" },
    ]);
    expect(server.fingerprint()).toBe(before);
    const renamed = await change(
      own.id,
      { name: "Ada Again", password: "my own new passphrase", currentPassword: PASSWORD },
      session,
    );
    expect(renamed.status).toBe(200);
    // The admin's own session stays; their other sessions end with the password.
    expect(await stillSignedIn(session)).toBe(true);
    expect(await stillSignedIn(elsewhere)).toBe(false);
    // Another admin may deactivate them.
    expect((await change(own.id, { active: false })).body.active).toBe(false);
    expect(await stillSignedIn(session)).toBe(false);
  });

  it("refuses an empty change and a change to an unknown field only", async () => {
    for (const body of [{}, { email: "new@clinic.test" }, null, []]) {
      const res = await change(staffA.user.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors?.[0]?.message).toMatch(/Say what to change|JSON object/);
    }
  });
});

describe("practices", () => {
  it("lists every practice with its active accounts and requests", async () => {
    const res = await call<{ practices: AdminPractice[] }>(server.app, admin, "GET", "/api/admin/practices");
    const demo = res.body.practices.find((p) => p.id === demoPracticeId);
    expect(demo?.name).toBe("Demo Hematology Clinic");
    expect(demo?.users).toBe(server.count("users", "practice_id = ? AND active = 1", demoPracticeId));
    expect(demo?.requests).toBe(server.count("requests", "practice_id = ?", demoPracticeId));
    expect(practices.map((p) => p.name)).toEqual(
      expect.arrayContaining(["Demo Hematology Clinic", "Riverside Hemophilia Center"]),
    );
  });

  it("adds one, refusing a name already used in any capitals", async () => {
    const res = await call<AdminPractice>(server.app, admin, "POST", "/api/admin/practices", {
      name: "  Lakeside Blood Disorders Clinic ",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: "Lakeside Blood Disorders Clinic", users: 0, requests: 0 });
    const before = server.fingerprint();
    const twice = await call<{ errors: FieldError[] }>(server.app, admin, "POST", "/api/admin/practices", {
      name: "LAKESIDE blood disorders clinic",
    });
    expect(twice.status).toBe(400);
    expect(twice.body.errors).toEqual([{ path: "name", message: "A practice with this name already exists" }]);
    expect(server.fingerprint()).toBe(before);
    // Staff can be added to it straight away.
    await expect(addUser({ practiceId: res.body.id })).resolves.toMatchObject({
      practiceName: "Lakeside Blood Disorders Clinic",
    });
  });

  it("renames one (its own name in other capitals is fine, another's is not)", async () => {
    const made = await call<AdminPractice>(server.app, admin, "POST", "/api/admin/practices", {
      name: "Hilltop Clinic",
    });
    const recased = await call<AdminPractice>(server.app, admin, "PATCH", `/api/admin/practices/${made.body.id}`, {
      name: "HillTop Clinic",
    });
    expect(recased.status).toBe(200);
    expect(recased.body.name).toBe("HillTop Clinic");
    const taken = await call<{ errors: FieldError[] }>(
      server.app,
      admin,
      "PATCH",
      `/api/admin/practices/${made.body.id}`,
      { name: "demo hematology clinic" },
    );
    expect(taken.status).toBe(400);
    expect(taken.body.errors[0]?.path).toBe("name");
    const blank = await call<{ errors: FieldError[] }>(
      server.app,
      admin,
      "PATCH",
      `/api/admin/practices/${made.body.id}`,
      { name: "" },
    );
    expect(blank.body.errors).toEqual([{ path: "name", message: "Enter the practice's name" }]);
  });
});

describe("the audit of administration", () => {
  it("records who changed which account and what, never a password or name, and shows it as the account's history", async () => {
    const account = await addUser({ name: "Audit Subject" });
    await signIn(server.app, account.email, PASSWORD);
    await change(account.id, { role: "reviewer", password: "another good passphrase", active: false, ...OWN });
    await change(account.id, { name: "Audit Renamed" });
    const rows = server.db
      .prepare("SELECT user_id, action, detail FROM audit_events WHERE account_id = ? ORDER BY id")
      .all(account.id);
    expect(rows).toEqual([
      { user_id: admin.user.id, action: "account added", detail: "Office staff at Demo Hematology Clinic" },
      { user_id: account.id, action: "signed in", detail: "" },
      {
        user_id: admin.user.id,
        action: "account changed",
        detail:
          "role Office staff → Medical-director reviewer, practice Demo Hematology Clinic → none, password set, deactivated",
      },
      { user_id: admin.user.id, action: "account changed", detail: "name" },
    ]);
    const all = JSON.stringify(server.db.prepare("SELECT detail FROM audit_events").all());
    expect(all).not.toMatch(/passphrase|Audit Subject|Audit Renamed|@clinic\.test/);

    // The account's page: its changes, newest first, and its last sign-in apart (daily sign-ins
    // would otherwise push the changes out of the latest 50).
    const detail = await call<AdminUserDetail>(server.app, admin, "GET", `/api/admin/users/${account.id}`);
    expect(detail.body.history.map((e) => [e.user, e.action])).toEqual([
      ["Ada Admin", "account changed"],
      ["Ada Admin", "account changed"],
      ["Ada Admin", "account added"],
    ]);
    expect(detail.body.history.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
    expect(Date.parse(detail.body.lastSignedInAt ?? "")).toBeGreaterThan(Date.parse(detail.body.createdAt) - 1);
    expect(detail.text).not.toMatch(/passwordHash|scrypt/);
  });

  it("records practices added and renamed, and shows them on the practice (admins only)", async () => {
    const made = await call<AdminPractice>(server.app, admin, "POST", "/api/admin/practices", { name: "Audit Clinic" });
    await call(server.app, admin, "PATCH", `/api/admin/practices/${made.body.id}`, { name: "Audit Clinic II" });
    expect(
      server.db
        .prepare("SELECT user_id, action, detail FROM audit_events WHERE practice_id = ? ORDER BY id")
        .all(made.body.id),
    ).toEqual([
      { user_id: admin.user.id, action: "practice added", detail: "Audit Clinic" },
      { user_id: admin.user.id, action: "practice renamed", detail: "Audit Clinic → Audit Clinic II" },
    ]);

    const detail = await call<AdminPracticeDetail>(server.app, admin, "GET", `/api/admin/practices/${made.body.id}`);
    expect(detail.body).toMatchObject({ id: made.body.id, name: "Audit Clinic II" });
    expect(detail.body.history.map((e) => [e.user, e.action, e.detail])).toEqual([
      ["Ada Admin", "practice renamed", "Audit Clinic → Audit Clinic II"],
      ["Ada Admin", "practice added", "Audit Clinic"],
    ]);
    expect(detail.body.history.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
    // Another practice's history is its own; staff and reviewers read none.
    const other = await call<AdminPracticeDetail>(server.app, admin, "GET", `/api/admin/practices/${otherPracticeId}`);
    expect(other.body.history.map((e) => e.detail)).not.toContain("Audit Clinic");
    for (const who of [staffA, reviewer]) {
      expect((await call(server.app, who, "GET", `/api/admin/practices/${made.body.id}`)).status).toBe(403);
    }
  });
});

describe("invalid bodies (fast-check) never get past a 400 and store nothing", () => {
  const targets = [
    { path: "/api/admin/users", url: () => "/api/admin/users", method: "POST" as const, schema: newUserSchema },
    {
      path: "/api/admin/users/:id",
      url: () => `/api/admin/users/${staffB.user.id}`,
      method: "PATCH" as const,
      schema: userChangeSchema,
    },
    {
      path: "/api/admin/practices",
      url: () => "/api/admin/practices",
      method: "POST" as const,
      schema: practiceSchema,
    },
    {
      path: "/api/admin/practices/:id",
      url: () => `/api/admin/practices/${otherPracticeId}`,
      method: "PATCH" as const,
      schema: practiceSchema,
    },
  ];
  const body = fc.oneof(
    fc.jsonValue(),
    fc.record(
      {
        name: fc.oneof(fc.string(), fc.jsonValue()),
        email: fc.oneof(fc.emailAddress(), fc.string(), fc.jsonValue()),
        role: fc.oneof(fc.constantFrom("staff", "reviewer", "admin", "root"), fc.jsonValue()),
        practiceId: fc.oneof(fc.integer(), fc.constant(null), fc.jsonValue()),
        password: fc.oneof(fc.string({ maxLength: 20 }), fc.jsonValue()),
        active: fc.oneof(fc.boolean(), fc.jsonValue()),
      },
      { requiredKeys: [] },
    ),
  );
  for (const target of targets) {
    it(`${target.method} ${target.path}`, async () => {
      await fc.assert(
        fc.asyncProperty(body, async (input) => {
          if (target.schema.safeParse(input).success) return; // valid bodies are tested above
          const before = server.fingerprint();
          const res = await call<{ errors?: FieldError[]; error?: string }>(
            server.app,
            admin,
            target.method,
            target.url(),
            input,
          );
          expect(res.status, res.text).toBe(400);
          // Field errors from the schema; or, for JSON the parser refuses (a "__proto__" key), its one message.
          const messages = res.body.errors?.map((e) => e.message) ?? [res.body.error ?? ""];
          expect(messages.length).toBeGreaterThan(0);
          for (const message of messages) expect(message).toMatch(/^(?!Invalid input)\S/);
          expect(server.fingerprint()).toBe(before);
        }),
        { numRuns: 60 },
      );
    });
  }
});

it("never answers with a password hash, on any admin route", async () => {
  const account = await addUser();
  const answers = await Promise.all([
    call(server.app, admin, "GET", "/api/admin/users"),
    call(server.app, admin, "GET", `/api/admin/users/${account.id}`),
    change(account.id, { password: "yet another passphrase", ...OWN }),
    call(server.app, admin, "POST", "/api/admin/users", newAccount()),
  ]);
  for (const answer of answers) {
    expect(answer.status, answer.text).toBeLessThan(300);
    expect(answer.text).not.toMatch(/passwordHash|password_hash|scrypt|passphrase/);
  }
});

const NEEDS_OWN_PASSWORD =
  "Enter your own current password: adding an account, changing a role or practice, setting a password or reactivating an account needs it";

describe("setting a password", () => {
  it("needs the acting admin's own password, for an administrator and for office staff (a stolen session cannot take accounts over)", async () => {
    const other = await addUser({ role: "admin", practiceId: null, name: "Other Admin" });
    const before = server.fingerprint();
    const missing = await change(other.id, { password: "taken over passphrase" });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ path: "currentPassword", message: NEEDS_OWN_PASSWORD }]);
    const wrong = await change(other.id, { password: "taken over passphrase", currentPassword: "not my password" });
    expect(wrong.body.errors).toEqual([{ path: "currentPassword", message: "Your current password is not right" }]);
    expect(server.fingerprint()).toBe(before);
    const right = await change(other.id, { password: "agreed new passphrase", currentPassword: DEMO_PASSWORD });
    expect(right.status).toBe(200);
    await expect(signIn(server.app, other.email, "agreed new passphrase")).resolves.toBeDefined();
    // Office staff's too: with their account a stolen session would read the practice's requests.
    const staff = await addUser();
    const staffBefore = server.fingerprint();
    const unconfirmed = await change(staff.id, { password: "staff new passphrase" });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.errors).toEqual([{ path: "currentPassword", message: NEEDS_OWN_PASSWORD }]);
    expect(server.fingerprint()).toBe(staffBefore);
    expect((await change(staff.id, { password: "staff new passphrase", ...OWN })).status).toBe(200);
  });
});

describe("adding an account or changing a role needs the acting admin's own password, on every path", () => {
  /** A body without the acting admin's confirmation. */
  const unconfirmed = ({ currentPassword: _own, ...body }: Record<string, unknown>) => body;
  const newAdmin = (extra: Record<string, unknown> = {}) =>
    newAccount({ role: "admin", practiceId: null, name: "Ada Admin", ...extra });

  it("adding an administrator: refused without it or with a wrong one (nothing stored), accepted with it", async () => {
    const before = server.fingerprint();
    const missing = await call<{ errors: FieldError[] }>(
      server.app,
      admin,
      "POST",
      "/api/admin/users",
      unconfirmed(newAdmin()),
    );
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ path: "currentPassword", message: NEEDS_OWN_PASSWORD }]);
    const wrong = await call<{ errors: FieldError[] }>(
      server.app,
      admin,
      "POST",
      "/api/admin/users",
      newAdmin({ currentPassword: "not my password" }),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ path: "currentPassword", message: "Your current password is not right" }]);
    expect(server.fingerprint()).toBe(before);
    const right = await call(
      server.app,
      admin,
      "POST",
      "/api/admin/users",
      newAdmin({ currentPassword: DEMO_PASSWORD }),
    );
    expect(right.status).toBe(201);
  });

  it("adding office staff or a reviewer needs it too: refused without it (nothing stored), accepted with it", async () => {
    for (const body of [newAccount(), newAccount({ role: "reviewer", practiceId: null })]) {
      const before = server.fingerprint();
      const missing = await call<{ errors: FieldError[] }>(
        server.app,
        admin,
        "POST",
        "/api/admin/users",
        unconfirmed(body),
      );
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toEqual([{ path: "currentPassword", message: NEEDS_OWN_PASSWORD }]);
      expect(server.fingerprint()).toBe(before);
      expect((await call(server.app, admin, "POST", "/api/admin/users", body)).status).toBe(201);
    }
  });

  it("changing any role (staff to reviewer, admin to reviewer) needs it; renaming and deactivating do not", async () => {
    const staff = await addUser();
    const before = server.fingerprint();
    const promote = await change(staff.id, { role: "reviewer" });
    expect(promote.status).toBe(400);
    expect(promote.body.errors).toEqual([{ path: "currentPassword", message: NEEDS_OWN_PASSWORD }]);
    expect(server.fingerprint()).toBe(before);
    const otherAdmin = await addUser({ role: "admin", practiceId: null, name: "Demotable Admin" });
    const afterAdd = server.fingerprint();
    expect((await change(otherAdmin.id, { role: "reviewer" })).status).toBe(400);
    expect(server.fingerprint()).toBe(afterAdd);
    expect((await change(staff.id, { name: "Renamed Freely" })).status).toBe(200);
    expect((await change(staff.id, { active: false })).status).toBe(200);
    expect((await change(staff.id, { role: "reviewer", ...OWN })).status).toBe(200);
  });

  it("promoting an account to administrator: refused without it, nothing changed; accepted with it", async () => {
    const reviewerAccount = await addUser({ role: "reviewer", practiceId: null });
    const before = server.fingerprint();
    const missing = await change(reviewerAccount.id, { role: "admin" });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ path: "currentPassword", message: NEEDS_OWN_PASSWORD }]);
    expect(server.fingerprint()).toBe(before);
    const right = await change(reviewerAccount.id, { role: "admin", currentPassword: DEMO_PASSWORD });
    expect(right.status).toBe(200);
    expect(right.body.role).toBe("admin");
  });

  it("a takeover in steps (demote, set a password, promote) is refused at every step", async () => {
    const target = await addUser({ role: "admin", practiceId: null, name: "Target Admin" });
    const before = server.fingerprint();
    for (const step of [
      { role: "reviewer" },
      { password: "attacker chosen passphrase" },
      { role: "admin", password: "attacker chosen passphrase" },
    ]) {
      const res = await change(target.id, step);
      expect(res.status, JSON.stringify(step)).toBe(400);
      expect(res.body.errors).toEqual([{ path: "currentPassword", message: NEEDS_OWN_PASSWORD }]);
    }
    expect(server.fingerprint()).toBe(before);
    await expect(signIn(server.app, target.email, "attacker chosen passphrase")).rejects.toThrow(/401/);
  });

  it("wrong current passwords count against the sign-in limit of the acting admin", async () => {
    // A server of its own: the limit it reaches would hold the shared admin back in later tests.
    const own = await startServer();
    try {
      const ownAdmin = await signIn(own.app, ADMIN);
      const add = (currentPassword: string) =>
        call(own.app, ownAdmin, "POST", "/api/admin/users", newAdmin({ currentPassword }));
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await add(`not it ${i}`)).status);
      expect(statuses).toEqual(Array<number>(10).fill(400));
      expect((await add(DEMO_PASSWORD)).status).toBe(429);
    } finally {
      await own.close();
    }
  });
});

describe("two changes at once", () => {
  it("two admins deactivating each other: one wins, the other is refused, an admin remains", async () => {
    const b = await addUser({ role: "admin", practiceId: null, name: "Admin B" });
    const c = await addUser({ role: "admin", practiceId: null, name: "Admin C" });
    const asB = await signIn(server.app, b.email, PASSWORD);
    const asC = await signIn(server.app, c.email, PASSWORD);
    // B's change waits for a password hash, so C's lands first while B's session was valid.
    const [byB, byC] = await Promise.all([
      change(c.id, { active: false, password: "b sets c's passphrase", currentPassword: PASSWORD }, asB),
      change(b.id, { active: false }, asC),
    ]);
    expect([byB.status, byC.status].sort()).toEqual([200, 403]);
    const refused = byB.status === 403 ? byB : byC;
    expect(refused.text).toContain("no longer an active administrator");
    const active = server.count("users", "id IN (?, ?) AND active = 1", b.id, c.id);
    expect(active).toBe(1);
    // The refused change left nothing behind: no change event by the refused admin.
    const loser = byB.status === 403 ? b.id : c.id;
    expect(server.count("audit_events", "user_id = ? AND action = 'account changed'", loser)).toBe(0);
  });

  it("a new role and a new practice at once: one is refused (409), the account stays consistent", async () => {
    const account = await addUser({ practiceId: demoPracticeId });
    const [movePractice, makeReviewer] = await Promise.all([
      change(account.id, { practiceId: otherPracticeId, password: "moving practice now", ...OWN }),
      change(account.id, { role: "reviewer", ...OWN }),
    ]);
    expect([movePractice.status, makeReviewer.status].sort()).toEqual([200, 409]);
    const refused = movePractice.status === 409 ? movePractice : makeReviewer;
    expect(refused.text).toContain("Someone else changed this account meanwhile");
    const row = server.db.prepare("SELECT role, practice_id FROM users WHERE id = ?").get(account.id);
    expect({ ...row }).toEqual(
      movePractice.status === 200
        ? { role: "staff", practice_id: otherPracticeId }
        : { role: "reviewer", practice_id: null },
    );
    expect(server.count("audit_events", "account_id = ? AND action = 'account changed'", account.id)).toBe(1);
  });

  it("a change based on an old reading of the account is refused, nothing changed", async () => {
    const account = await addUser();
    const first = await change(account.id, { name: "First Change", expectedRowVersion: account.rowVersion });
    expect(first.status).toBe(200);
    expect(first.body.rowVersion).toBe(account.rowVersion + 1);
    const before = server.fingerprint();
    const late = await change(account.id, { name: "Late Change", expectedRowVersion: account.rowVersion });
    expect(late.status).toBe(409);
    expect(server.fingerprint()).toBe(before);
  });
});
