/**
 * The synthetic patients, read end to end as a file would be (text → Bundle → answers), and their
 * answers fed to the criteria library: the record plus what a person types gives the outcome the
 * library defines for that patient.
 */
import { describe, expect, it } from "vitest";
import { eligible as eligibleDocument } from "@fixtures";
import { evaluate, validateRequestDocument, type RequestDocument } from "@/criteria";
import {
  applyAnswers,
  asTransaction,
  mapRecord,
  readRecordBundle,
  testPatients,
  TEST_LOCAL_CODES,
  TEST_PATIENT_REQUEST_DATE,
} from "@/fhir";
import type { TestPatient } from "./test-patients";

function imported(patient: TestPatient) {
  const read = readRecordBundle(JSON.stringify(patient.bundle));
  if (!read.ok) throw new Error(read.problem.message);
  return mapRecord(read.resources, { requestDate: TEST_PATIENT_REQUEST_DATE, localCodes: TEST_LOCAL_CODES });
}

function filled(patient: TestPatient): RequestDocument {
  const document = applyAnswers(patient.typed, imported(patient).answers);
  const valid = validateRequestDocument(document);
  if (!valid.ok) throw new Error(JSON.stringify(valid.errors));
  return valid.document;
}

const statusOf = (document: RequestDocument, id: string) =>
  evaluate(document).criteria.find((c) => c.id === id)?.status;

describe("synthetic patients", () => {
  it.each(Object.values(testPatients()).map((p) => [p.title, p] as const))(
    "%s: the expected answers, no problems",
    (_, patient) => {
      const result = imported(patient);
      expect(result.problems).toEqual([]);
      expect(result.patient?.reference).toBe(`Patient/${patient.patientId}`);
      const byPath = Object.fromEntries(result.answers.map((a) => [a.path, a.value]));
      expect(byPath).toMatchObject(patient.expected);
    },
  );

  it("ids are distinct across patients, so all can be loaded into one server", () => {
    const ids = Object.values(testPatients()).flatMap((p) =>
      (p.bundle.entry ?? []).map((e) => `${e.resource?.resourceType}/${e.resource?.id}`),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("as a transaction of PUTs, each bundle reads the same", () => {
    const patient = testPatients().eligible;
    const read = readRecordBundle(asTransaction(patient.bundle));
    if (!read.ok) throw new Error(read.problem.message);
    expect(
      mapRecord(read.resources, { requestDate: TEST_PATIENT_REQUEST_DATE, localCodes: TEST_LOCAL_CODES }).answers,
    ).toEqual(imported(patient).answers);
  });
});

describe("the record's answers in the criteria library", () => {
  it("eligible: record + typed answers is the spec's eligible example, and it meets the criteria", () => {
    const document = filled(testPatients().eligible);
    expect(document).toEqual(eligibleDocument());
    expect(evaluate(document).outcome).toBe("meets_criteria");
  });

  it("eligible, record alone: what is missing is only what no record holds", () => {
    const patient = testPatients().eligible;
    const bare: RequestDocument = {
      schemaVersion: 1,
      requestType: "initial",
      requestDate: TEST_PATIENT_REQUEST_DATE,
      lineOfBusiness: "commercial",
    };
    const evaluation = evaluate(applyAnswers(bare, imported(patient).answers));
    expect(evaluation.outcome).toBe("incomplete");
    const missing = evaluation.criteria.filter((c) => c.status === "missing").map((c) => c.id);
    expect(missing).toEqual(["I.A.2", "I.A.5.a", "I.A.5.b", "I.A.6", "I.A.7.a", "I.A.9", "I.A.11"]);
  });

  it("elevated ALT without attestation does not meet I.A.8.c; with it, meets the criteria", () => {
    const without = filled(testPatients().elevatedAlt);
    expect(statusOf(without, "I.A.8.c")).toBe("not_met");
    expect(evaluate(without).outcome).toBe("does_not_meet");
    const attested = filled(testPatients().elevatedAltAttested);
    expect(statusOf(attested, "I.A.8.c")).toBe("met");
    expect(evaluate(attested).outcome).toBe("meets_criteria");
  });

  it("a positive inhibitor retested negative on day 14 meets I.A.7.b and I.A.7.c", () => {
    const document = filled(testPatients().inhibitorRetest);
    expect(statusOf(document, "I.A.7.b")).toBe("met");
    expect(statusOf(document, "I.A.7.c")).toBe("met");
    expect(evaluate(document).outcome).toBe("meets_criteria");
  });

  it("weight in pounds: the dose is computed on 79.8 kg", () => {
    const document = filled(testPatients().weightInPounds);
    expect(evaluate(document).dose).toMatchObject({ weightKg: 79.8, vials: 16 });
  });

  it("two weights: the dose is computed on the later one", () => {
    expect(evaluate(filled(testPatients().twoWeights)).dose?.weightKg).toBe(80.5);
  });
});
