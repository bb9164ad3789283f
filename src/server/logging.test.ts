// @vitest-environment node
/**
 * No patient data in the logs: the real server process at LOG_LEVEL=info, its stdout and stderr
 * captured, while a document with a distinctive member name, ID and date of birth is submitted
 * (invalid, then valid), searched for, read, amended into a draft, evaluated, sent as broken JSON,
 * sent too large, and put in URLs. None of those strings may appear in the output.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestDocument } from "@/criteria";
import { eligible } from "@fixtures";
import { STAFF_A, REVIEWER, signInHttp, startServerProcess, tempDatabase, type ServerProcess } from "./test-support";

const FIRST = "Zephyrina";
const LAST = "Quillfeather";
const MEMBER_ID = "MBRZQ90210X";
const DOB = "1979-03-17";
const SECRETS = [FIRST, LAST, MEMBER_ID, DOB];

const temp = tempDatabase("hemgenix-log-");
let server: ServerProcess | undefined;

afterAll(async () => {
  await server?.kill();
  temp.remove();
});

const patient = (change?: (d: RequestDocument) => void): RequestDocument =>
  eligible((d) => {
    d.member = { ...d.member, firstName: FIRST, lastName: LAST, memberId: MEMBER_ID, dateOfBirth: DOB };
    change?.(d);
  });

describe("the server's logs", () => {
  let output = "";
  const statuses: number[] = [];

  beforeAll(async () => {
    server = await startServerProcess({ databaseFile: temp.file, env: { LOG_LEVEL: "info" } });
    const { url } = server;
    const staff = await signInHttp(url, STAFF_A);
    const reviewer = await signInHttp(url, REVIEWER);
    const send = async (
      path: string,
      init: { method?: string; body?: string; who?: { cookie: string; csrf: string }; type?: string } = {},
    ) => {
      const res = await fetch(`${url}${path}`, {
        method: init.method ?? "GET",
        headers: {
          ...(init.body !== undefined && { "content-type": init.type ?? "application/json" }),
          ...(init.who !== undefined && { cookie: init.who.cookie, "x-csrf-token": init.who.csrf }),
        },
        ...(init.body !== undefined && { body: init.body }),
      });
      const text = await res.text();
      statuses.push(res.status);
      return { status: res.status, text };
    };

    // Invalid: an impossible bleed date and a negative weight, next to the member's details.
    const invalid = patient((d) => {
      d.bleeds = [{ date: "2025-02-30", site: "joint", spontaneous: true }];
      if (d.member) d.member.weight = { value: -80, unit: "kg" };
    });
    const refused = await send("/api/requests", {
      method: "POST",
      who: staff,
      body: JSON.stringify({ document: invalid, expedited: false, idempotencyKey: "log-test-invalid-1" }),
    });
    expect(refused.status).toBe(400);
    const submitted = await send("/api/requests", {
      method: "POST",
      who: staff,
      body: JSON.stringify({ document: patient(), expedited: true, idempotencyKey: "log-test-valid-1" }),
    });
    expect(submitted.status).toBe(201);
    const { reference } = JSON.parse(submitted.text) as { reference: string };
    expect(
      (await send("/api/requests/search", { method: "POST", who: reviewer, body: JSON.stringify({ q: MEMBER_ID }) }))
        .status,
    ).toBe(200);
    // Search text in an address is refused (and the address is not logged either).
    expect((await send(`/api/requests?q=${MEMBER_ID}`, { who: reviewer })).status).toBe(400);
    expect((await send(`/api/requests/${reference}`, { who: reviewer })).status).toBe(200);
    expect((await send(`/api/requests/${MEMBER_ID}`, { who: reviewer })).status).toBe(404);
    expect((await send(`/api/${LAST}/${DOB}`)).status).toBe(404);
    expect((await send(`/api/requests?q=${FIRST}&status=${LAST}`, { who: reviewer })).status).toBe(400);
    expect((await send("/api/evaluate", { method: "POST", body: JSON.stringify(invalid) })).status).toBe(400);
    expect((await send("/api/evaluate", { method: "POST", body: JSON.stringify(patient()) })).status).toBe(200);
    expect(
      (await send("/api/evaluate", { method: "POST", body: `{"member":{"firstName":"${FIRST}","lastName":"${LAST}"` }))
        .status,
    ).toBe(400);
    expect(
      (await send("/api/evaluate", { method: "POST", body: JSON.stringify(patient()), type: "text/csv" })).status,
    ).toBe(415);
    expect(
      (await send("/api/draft", { method: "PUT", who: staff, body: JSON.stringify({ draft: patient() }) })).status,
    ).toBe(204);
    expect(
      (await send("/api/draft", { method: "PUT", who: staff, body: JSON.stringify({ draft: [FIRST, LAST] }) })).status,
    ).toBe(400);
    expect(
      (
        await send("/api/requests", {
          method: "POST",
          who: staff,
          body: JSON.stringify({ document: patient(), padding: `${LAST} `.repeat(30_000) }),
        })
      ).status,
    ).toBe(413);
    expect(
      (
        await send("/api/session", {
          method: "POST",
          body: JSON.stringify({ email: `${FIRST}.${LAST}@demo.test`, password: DOB }),
        })
      ).status,
    ).toBe(401);

    // Let the last lines reach the pipe, then stop the server so everything is flushed.
    const deadline = Date.now() + 5000;
    while ((server.output().match(/request completed/g) ?? []).length < statuses.length + 2 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await server.stop();
    output = server.output();
  });

  it("were captured: one JSON line per request, with method, route pattern and status", () => {
    const lines = output.split("\n").filter((l) => l.startsWith("{"));
    const completed = lines
      .map((l) => JSON.parse(l) as { msg?: string; res?: { statusCode?: number } })
      .filter((l) => l.msg === "request completed");
    // Every request above (and the two sign-ins) was logged at info level.
    expect(completed.length).toBeGreaterThanOrEqual(statuses.length + 2);
    expect(completed.map((l) => l.res?.statusCode)).toEqual(
      expect.arrayContaining([400, 201, 200, 404, 415, 413, 401, 204]),
    );
    expect(output).toContain('"route":"/api/requests/:reference"');
  });

  it("say which account made each signed-in request, and from which address", () => {
    const completed = output
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as { msg?: string; userId?: number | null; ip?: string; res?: { statusCode?: number } })
      .filter((l) => l.msg === "request completed");
    expect(completed.every((l) => l.ip === "127.0.0.1")).toBe(true);
    // The reviewer's and the staff member's calls carry their account ids; anonymous ones carry none.
    const ids = new Set(completed.map((l) => l.userId).filter((id) => typeof id === "number"));
    expect(ids.size).toBeGreaterThanOrEqual(2);
    expect(completed.some((l) => l.userId === null)).toBe(true);
  });

  for (const secret of SECRETS) {
    it(`never contain ${JSON.stringify(secret)}`, () => {
      expect(output.toLowerCase()).not.toContain(secret.toLowerCase());
    });
  }

  it("never contain the session cookie, the CSRF token or the password", () => {
    expect(output).not.toMatch(/hgx_session=|x-csrf-token|hemgenix-demo"/);
  });
});
