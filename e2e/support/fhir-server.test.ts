/**
 * The test FHIR server speaks SMART and FHIR as an EHR does: discovery, a code for a chosen
 * patient, a token for the code (PKCE checked), searches paged with next links, reads refused
 * without the token or outside the patient, and the misbehaving bases behave as they claim.
 */
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Bundle } from "@medplum/fhirtypes";
import { freePort } from "@/server/free-port";
import { startFhirServer, type RunningFhirServer, type Tenant } from "./fhir-server";

const APP = "http://127.0.0.1:9";
const record = (id: string, observations: number): Bundle => ({
  resourceType: "Bundle",
  type: "collection",
  entry: [
    { resource: { resourceType: "Patient", id, name: [{ given: ["Test"], family: id }] } },
    ...Array.from({ length: observations }, (_, i) => ({
      resource: {
        resourceType: "Observation" as const,
        id: `${id}-obs-${i}`,
        status: "final" as const,
        code: { coding: [{ system: "http://loinc.org", code: "1742-6" }] },
        subject: { reference: `Patient/${id}` },
        effectiveDateTime: `2026-10-${String(10 + i).padStart(2, "0")}`,
        valueQuantity: { value: 30 + i, unit: "U/L", system: "http://unitsofmeasure.org", code: "U/L" },
      },
    })),
  ],
});

let server: RunningFhirServer;
beforeAll(async () => {
  server = await startFhirServer({
    port: await freePort(),
    allowedOrigins: [APP],
    records: [record("alpha", 6), record("beta", 1)],
    maxPageSize: 4,
  });
});
afterAll(() => server.close());

/** A standalone launch as fhirclient runs it: discovery, authorize (the patient picked), token. */
async function signIn(patient: string, tenant: Tenant = "fhir"): Promise<string> {
  const config = (await (await fetch(`${server.base(tenant)}/.well-known/smart-configuration`)).json()) as {
    authorization_endpoint: string;
    token_endpoint: string;
  };
  const verifier = randomBytes(32).toString("base64url");
  const authorize = new URL(config.authorization_endpoint);
  for (const [key, value] of Object.entries({
    response_type: "code",
    client_id: "hemgenix",
    redirect_uri: `${APP}/record/done`,
    state: "s1",
    aud: server.base(tenant),
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  }))
    authorize.searchParams.set(key, value);
  const picker = await fetch(authorize);
  expect(await picker.text()).toContain(`value="${patient}"`);
  authorize.searchParams.set("patient_choice", patient);
  const redirect = await fetch(authorize, { redirect: "manual" });
  expect(redirect.status).toBe(302);
  const back = new URL(redirect.headers.get("location") ?? "");
  expect(back.searchParams.get("state")).toBe("s1");
  const body = new URLSearchParams({
    grant_type: "authorization_code",
    code: back.searchParams.get("code") ?? "",
    redirect_uri: `${APP}/record/done`,
    code_verifier: verifier,
  });
  const token = await fetch(config.token_endpoint, { method: "POST", body });
  expect(token.status).toBe(200);
  const granted = (await token.json()) as { access_token: string; patient: string };
  expect(granted.patient).toBe(patient);
  return granted.access_token;
}

const read = (path: string, token?: string, tenant: Tenant = "fhir") =>
  fetch(`${server.base(tenant)}${path}`, {
    headers: { origin: APP, ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
  });

describe("the test FHIR server", () => {
  it("gives a token for the chosen patient and pages through a search by next links", async () => {
    const token = await signIn("alpha");
    const ids: string[] = [];
    let next: string | undefined = `/Observation?patient=Patient/alpha&_count=50`;
    let pages = 0;
    while (next !== undefined) {
      const res = await read(next, token);
      expect(res.status).toBe(200);
      expect(res.headers.get("access-control-allow-origin")).toBe(APP);
      const bundle = (await res.json()) as Bundle;
      expect(bundle.type).toBe("searchset");
      ids.push(...(bundle.entry ?? []).map((e) => e.resource?.id ?? ""));
      const link = bundle.link?.find((l) => l.relation === "next")?.url;
      next = link?.slice(server.base().length);
      pages++;
    }
    expect(pages).toBe(2);
    expect(ids.sort()).toEqual(Array.from({ length: 6 }, (_, i) => `alpha-obs-${i}`));
  });

  it("refuses reads without a token, and another patient's record with one", async () => {
    expect((await read("/Patient/alpha")).status).toBe(401);
    const token = await signIn("alpha");
    expect((await read("/Patient/alpha", token)).status).toBe(200);
    expect((await read("/Patient/beta", token)).status).toBe(403);
    expect((await read("/Observation?patient=Patient/beta", token)).status).toBe(403);
  });

  it("refuses a code twice and a wrong PKCE verifier", async () => {
    const authorize = new URL(`${server.origin}/auth/fhir/authorize`);
    authorize.search = new URLSearchParams({
      response_type: "code",
      redirect_uri: `${APP}/x`,
      state: "s",
      code_challenge: "abc",
      patient_choice: "alpha",
    }).toString();
    const code = new URL(
      (await fetch(authorize, { redirect: "manual" })).headers.get("location") ?? "",
    ).searchParams.get("code");
    const body = new URLSearchParams({
      grant_type: "authorization_code",
      code: code ?? "",
      redirect_uri: `${APP}/x`,
      code_verifier: "wrong",
    });
    expect((await fetch(`${server.origin}/auth/fhir/token`, { method: "POST", body })).status).toBe(400);
  });

  it("answers preflights for the app's origin only", async () => {
    const ok = await fetch(`${server.base()}/Patient`, { method: "OPTIONS", headers: { origin: APP } });
    expect(ok.headers.get("access-control-allow-headers")).toContain("authorization");
    const other = await fetch(`${server.base()}/Patient`, { method: "OPTIONS", headers: { origin: "http://evil" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("misbehaves as each base says", async () => {
    expect((await read("/Patient/alpha", await signIn("alpha", "refusing"), "refusing")).status).toBe(403);
    expect((await read("/Patient/alpha", await signIn("alpha", "expired"), "expired")).status).toBe(401);
    const failing = await read("/Patient/alpha", await signIn("alpha", "failing"), "failing");
    expect(failing.status).toBe(500);
    expect(JSON.stringify(await failing.json())).toContain("down for maintenance");
    const slow = await Promise.race([
      read("/Patient/alpha", await signIn("alpha", "slow"), "slow").then(() => "answered"),
      new Promise((resolve) => setTimeout(() => resolve("silent"), 500)),
    ]);
    expect(slow).toBe("silent");
  });
});
