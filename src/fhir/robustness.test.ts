/**
 * Whatever a file holds, the import answers with answers and problems, never an exception: a
 * synthetic record with one field of one resource replaced by arbitrary JSON.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mapRecord, readRecordBundle, testPatients, TEST_LOCAL_CODES, TEST_PATIENT_REQUEST_DATE } from "@/fhir";
import type { RecordProblemCode } from "./types";

const CODES: readonly RecordProblemCode[] = [
  "not-json",
  "not-bundle",
  "not-r4",
  "bundle-type",
  "no-patient",
  "several-patients",
  "unknown-code",
  "unit",
  "future",
  "invalid",
];

describe("a damaged record", () => {
  it("is answered, never thrown", () => {
    const bundle = testPatients().inhibitorRetest.bundle;
    const entries = bundle.entry ?? [];
    fc.assert(
      fc.property(fc.nat(entries.length - 1), fc.string(), fc.jsonValue(), (index, pick, value) => {
        const copy = JSON.parse(JSON.stringify(bundle)) as { entry: { resource: Record<string, unknown> }[] };
        const resource = copy.entry[index]?.resource ?? {};
        const keys = Object.keys(resource).filter((k) => k !== "resourceType");
        const key = keys[pick.length % keys.length] ?? "id";
        resource[key] = value;
        const read = readRecordBundle(JSON.stringify(copy));
        const problems = read.ok
          ? mapRecord(read.resources, { requestDate: TEST_PATIENT_REQUEST_DATE, localCodes: TEST_LOCAL_CODES }).problems
          : [read.problem];
        for (const problem of problems) {
          expect(CODES).toContain(problem.code);
          expect(problem.message).not.toBe("");
        }
      }),
      { numRuns: 1000 },
    );
  });
});
