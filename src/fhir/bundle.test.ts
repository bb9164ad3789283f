import type { Bundle, Observation } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { readRecordBundle } from "./bundle";

const patient = { resourceType: "Patient", id: "p1" };
const bundle = (type: string, extra: Record<string, unknown> = {}) => ({
  resourceType: "Bundle",
  type,
  entry: [{ fullUrl: "https://ehr.example.org/fhir/Patient/p1", resource: patient }],
  ...extra,
});

const problemOf = (input: unknown) => {
  const read = readRecordBundle(input);
  if (read.ok) throw new Error("expected a problem");
  return read.problem;
};

describe("readRecordBundle", () => {
  it("refuses text that is not JSON", () => {
    expect(problemOf("{ not json")).toMatchObject({
      code: "not-json",
      message: expect.stringContaining("not JSON") as string,
    });
  });

  it.each([["[]"], ['"text"'], ['{"hello":"world"}'], ["null"]])(
    "refuses JSON that is not a FHIR resource: %s",
    (text) => {
      expect(problemOf(text).code).toBe("not-bundle");
    },
  );

  it("refuses a single resource and names it", () => {
    expect(problemOf(JSON.stringify(patient))).toMatchObject({
      code: "not-bundle",
      message: expect.stringContaining("one Patient resource, not a Bundle") as string,
    });
  });

  it.each(["collection", "searchset", "document", "transaction"])("accepts a %s Bundle, as text or parsed", (type) => {
    const read = readRecordBundle(JSON.stringify(bundle(type)));
    expect(read).toEqual({ ok: true, resources: [patient] });
    expect(readRecordBundle(bundle(type))).toEqual({ ok: true, resources: [patient] });
  });

  it.each(["batch", "history", "message", "transaction-response", "batch-response", "subscription-notification"])(
    "refuses a %s Bundle",
    (type) => {
      expect(problemOf(bundle(type))).toMatchObject({
        code: "bundle-type",
        message: expect.stringContaining(`"${type}"`) as string,
      });
    },
  );

  it("refuses a Bundle without a type", () => {
    expect(problemOf({ resourceType: "Bundle", entry: [] }).code).toBe("bundle-type");
  });

  it.each([
    ["a declared fhirVersion", bundle("collection", { fhirVersion: "5.0.0" })],
    [
      "an R5 profile",
      bundle("collection", { meta: { profile: ["http://hl7.org/fhir/R5/StructureDefinition/Bundle"] } }),
    ],
    [
      "a STU3 profile",
      bundle("collection", { meta: { profile: ["http://hl7.org/fhir/STU3/StructureDefinition/Bundle"] } }),
    ],
    ["R5's Bundle.issues", bundle("collection", { issues: { resourceType: "OperationOutcome", issue: [] } })],
    [
      "a DSTU2-only resource (MedicationOrder)",
      {
        resourceType: "Bundle",
        type: "collection",
        entry: [{ resource: { resourceType: "MedicationOrder", id: "m" } }],
      },
    ],
    [
      "an R5-only resource (DeviceUsage)",
      { resourceType: "Bundle", type: "collection", entry: [{ resource: { resourceType: "DeviceUsage", id: "d" } }] },
    ],
    [
      "R5's medication CodeableReference",
      {
        resourceType: "Bundle",
        type: "collection",
        entry: [
          { resource: { resourceType: "MedicationRequest", id: "m", medication: { concept: { text: "BeneFIX" } } } },
        ],
      },
    ],
    [
      "STU3's string clinicalStatus",
      {
        resourceType: "Bundle",
        type: "collection",
        entry: [{ resource: { resourceType: "Condition", id: "c", clinicalStatus: "active" } }],
      },
    ],
  ])("refuses another FHIR version detected by %s", (_, input) => {
    expect(problemOf(input)).toMatchObject({ code: "not-r4", message: expect.stringContaining("R4") as string });
  });

  it("accepts R4 and R4B declared versions", () => {
    expect(readRecordBundle(bundle("collection", { fhirVersion: "4.0.1" })).ok).toBe(true);
    expect(readRecordBundle(bundle("collection", { fhirVersion: "4.3.0" })).ok).toBe(true);
  });

  it("refuses an entry that holds no resource type", () => {
    expect(problemOf({ resourceType: "Bundle", type: "collection", entry: [{ resource: { id: "x" } }] })).toMatchObject(
      {
        code: "invalid",
        message: expect.stringContaining("Entry 1") as string,
      },
    );
  });

  it("leaves out a search's OperationOutcome and entries without a resource", () => {
    const read = readRecordBundle({
      resourceType: "Bundle",
      type: "searchset",
      entry: [
        { resource: patient, search: { mode: "match" } },
        { resource: { resourceType: "OperationOutcome", issue: [] }, search: { mode: "outcome" } },
        { request: { method: "DELETE", url: "Observation/x" } },
      ],
    });
    expect(read).toEqual({ ok: true, resources: [patient] });
  });

  it("gives a transaction's new resources their urn:uuid as id and rewrites references to them", () => {
    const observation: Observation = {
      resourceType: "Observation",
      status: "final",
      code: { text: "x" },
      subject: { reference: "urn:uuid:7f3c4f55-0000-4000-8000-000000000001" },
    };
    const input: Bundle = {
      resourceType: "Bundle",
      type: "transaction",
      entry: [
        {
          fullUrl: "urn:uuid:7f3c4f55-0000-4000-8000-000000000001",
          resource: { resourceType: "Patient" },
          request: { method: "POST", url: "Patient" },
        },
        {
          fullUrl: "urn:uuid:7f3c4f55-0000-4000-8000-000000000002",
          resource: observation,
          request: { method: "POST", url: "Observation" },
        },
      ],
    };
    const before = JSON.stringify(input);
    const read = readRecordBundle(input);
    if (!read.ok) throw new Error(read.problem.message);
    expect(read.resources[0]?.id).toBe("7f3c4f55-0000-4000-8000-000000000001");
    expect((read.resources[1] as Observation).subject?.reference).toBe("Patient/7f3c4f55-0000-4000-8000-000000000001");
    expect(JSON.stringify(input)).toBe(before); // the caller's JSON is left as it was
  });

  it("keeps no value from the file in its messages", () => {
    const problem = problemOf({ resourceType: "Patient", name: [{ family: "Secretname" }] });
    expect(problem.message).not.toContain("Secretname");
  });
});
