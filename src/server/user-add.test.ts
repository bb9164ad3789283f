// @vitest-environment node
/**
 * `npm run user:add`, run as a process on a real database: the same checks and words as the admin
 * screens, a practice reused whatever its capitals, nothing created for a refused account.
 */
import { spawnSync } from "node:child_process";
import { DatabaseSync } from "node:sqlite";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, tempDatabase } from "./test-support";

const temp = tempDatabase("hemgenix-cli-");
afterAll(() => temp.remove());

function userAdd(args: string[], password = "a long enough passphrase") {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/server/cli/user-add.ts", ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      DATABASE_FILE: temp.file,
      MODE: "production",
      PUBLIC_ORIGIN: "https://pa.example.org",
      HGX_PASSWORD: password,
    },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

function rows(sql: string): Record<string, unknown>[] {
  const db = new DatabaseSync(temp.file, { readOnly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

describe("npm run user:add", () => {
  it("adds staff with a new practice, then reuses the practice whatever its capitals", () => {
    const first = userAdd([
      "--email",
      "Ann@Clinic.test",
      "--name",
      "Ann",
      "--role",
      "staff",
      "--practice",
      "Oak Clinic",
    ]);
    expect(first.err).toBe("");
    expect(first.status).toBe(0);
    expect(first.out).toContain("Created staff ann@clinic.test (Oak Clinic)");
    const second = userAdd([
      "--email",
      "bo@clinic.test",
      "--name",
      "Bo",
      "--role",
      "staff",
      "--practice",
      "oak CLINIC",
    ]);
    expect(second.status).toBe(0);
    expect(second.out).toContain("(Oak Clinic)");
    expect(rows("SELECT name FROM practices")).toEqual([{ name: "Oak Clinic" }]);
    // No admin made them: the account's history says where they came from.
    expect(
      rows(
        "SELECT a.action, a.detail FROM audit_events a JOIN users u ON u.id = a.account_id WHERE u.email = 'ann@clinic.test'",
      ),
    ).toEqual([{ action: "account added", detail: "Office staff at Oak Clinic, by npm run user:add" }]);
  });

  it("adds an admin without a practice", () => {
    const res = userAdd(["--email", "root@plan.test", "--name", "Ria Root", "--role", "admin"]);
    expect(res.status).toBe(0);
    expect(rows("SELECT role, practice_id FROM users WHERE email = 'root@plan.test'")).toEqual([
      { role: "admin", practice_id: null },
    ]);
  });

  const refusals: [string, string[], string | undefined, string][] = [
    [
      "an email in use",
      ["--email", "ANN@clinic.test", "--name", "A", "--role", "admin"],
      undefined,
      "--email: an account with the email ann@clinic.test already exists",
    ],
    [
      "a short password",
      ["--email", "c@clinic.test", "--name", "C", "--role", "admin"],
      "short",
      "the password (standard input or HGX_PASSWORD): Password must be at least 12 characters",
    ],
    [
      "staff without a practice",
      ["--email", "d@clinic.test", "--name", "D", "--role", "staff"],
      undefined,
      "--practice: Choose the practice this person works for",
    ],
    [
      "a reviewer with a practice",
      ["--email", "e@clinic.test", "--name", "E", "--role", "reviewer", "--practice", "New Clinic"],
      undefined,
      "--practice: Only office staff belong to a practice",
    ],
    [
      "an unknown role",
      ["--email", "f@clinic.test", "--name", "F", "--role", "boss"],
      undefined,
      "--role: Choose a role: staff, reviewer or admin",
    ],
    [
      "a bad email",
      ["--email", "nobody", "--name", "G", "--role", "admin"],
      undefined,
      "--email: Enter an email address in the correct format",
    ],
  ];
  for (const [name, args, password, message] of refusals) {
    it(`refuses ${name} with exit status 2, saying why, and creates nothing`, () => {
      const before = JSON.stringify([rows("SELECT * FROM users"), rows("SELECT * FROM practices")]);
      const res = userAdd(args, password);
      expect(res.status).toBe(2);
      expect(res.err).toContain(message);
      expect(JSON.stringify([rows("SELECT * FROM users"), rows("SELECT * FROM practices")])).toBe(before);
    });
  }
});
