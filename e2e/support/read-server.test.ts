/**
 * The record import's server reading (src/web/features/record-import/read-server.ts) against the
 * real test FHIR server: a whole record read through paged searches, and each way a server can
 * fail becoming the message that says what happened and what to do.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Bundle, Condition } from "@medplum/fhirtypes";
import { freePort } from "@/server/free-port";
import { readPatientRecord } from "@/web/features/record-import/read-server";
import { signInToTestServer, startFhirServer, type RunningFhirServer, type Tenant } from "./fhir-server";

const observations = (patient: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    resource: {
      resourceType: "Observation" as const,
      id: `${patient}-alt-${i}`,
      status: "final" as const,
      code: { coding: [{ system: "http://loinc.org", code: "1742-6" }] },
      subject: { reference: `Patient/${patient}` },
      effectiveDateTime: `2026-10-${String(10 + i).padStart(2, "0")}`,
      valueQuantity: { value: 30 + i, unit: "U/L", system: "http://unitsofmeasure.org", code: "U/L" },
    },
  }));
const condition = (id: string): Condition => ({
  resourceType: "Condition",
  id: `${id}-dx`,
  subject: { reference: `Patient/${id}` },
  code: { coding: [{ system: "http://hl7.org/fhir/sid/icd-10-cm", code: "D67" }] },
});
const record = (id: string, count: number): Bundle => ({
  resourceType: "Bundle",
  type: "collection",
  entry: [
    { resource: { resourceType: "Patient", id, name: [{ family: id }], birthDate: "1990-01-10" } },
    { resource: condition(id) },
    ...observations(id, count),
  ],
});

let server: RunningFhirServer;
beforeAll(async () => {
  server = await startFhirServer({
    port: await freePort(),
    allowedOrigins: [],
    records: [record("alpha", 9), record("beta", 2)],
    maxPageSize: 4,
  });
});
afterAll(() => server.close());

async function read(tenant: Tenant, timeoutMs?: number) {
  const token = await signInToTestServer(server, "alpha", tenant);
  return readPatientRecord(
    { serverUrl: server.base(tenant), patientId: "alpha", authorization: `Bearer ${token}` },
    new AbortController().signal,
    timeoutMs,
  );
}

describe("reading a patient's record from a FHIR server", () => {
  it("reads the patient and every page of every search, that patient's resources only", async () => {
    const result = await read("fhir");
    if (!result.ok) throw new Error(result.failure.title);
    const bundle = result.bundle as Bundle;
    const ids = (bundle.entry ?? []).map((e) => `${e.resource?.resourceType}/${e.resource?.id}`).sort();
    expect(ids).toEqual(
      [
        "Patient/alpha",
        "Condition/alpha-dx",
        ...observations("alpha", 9).map((o) => `Observation/${o.resource.id}`),
      ].sort(),
    );
  });

  it("never follows a next page out of the server's base, however its link is written (../ included)", async () => {
    const result = await read("wandering");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.code).toBe("foreign-link");
  });

  it("says the server refused the sign-in (401): sign in again", async () => {
    const result = await read("expired");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure.title).toMatch(/refused the request.*\(401\)/);
    expect(result.failure.advice).toMatch(/^Sign in again/);
  });

  it("says the server refused access to the record (403): ask for access, with the server's words", async () => {
    const result = await read("refusing");
    if (result.ok) throw new Error("read");
    expect(result.failure.title).toMatch(/refused to share this patient's record \(403\)/);
    expect(result.failure.advice).toMatch(/Ask the EHR's administrator for access/);
    expect(result.failure.serverSays).toBe("This user may not read this patient");
  });

  it("gives up on a server that does not answer, and says so", async () => {
    const started = Date.now();
    const result = await read("slow", 400);
    if (result.ok) throw new Error("read");
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.failure.code).toBe("timeout");
    expect(result.failure.title).toBe("The FHIR server did not answer within 1 seconds");
  });

  it("quotes an OperationOutcome's text", async () => {
    const result = await read("failing");
    if (result.ok) throw new Error("read");
    expect(result.failure.title).toBe("The FHIR server answered with an error (500)");
    expect(result.failure.serverSays).toBe("The record system is down for maintenance until 14:00");
  });

  it("says a server that cannot be reached could not be reached, naming only its origin", async () => {
    const port = await freePort();
    const result = await readPatientRecord(
      { serverUrl: `http://127.0.0.1:${port}/fhir`, patientId: "alpha", authorization: "Bearer x" },
      new AbortController().signal,
    );
    if (result.ok) throw new Error("read");
    expect(result.failure.title).toBe(`The FHIR server at http://127.0.0.1:${port} could not be reached`);
  });
});
