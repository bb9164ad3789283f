// @vitest-environment node
/**
 * fixtures/fhir/ holds the synthetic patients and the bad inputs as files (to upload in browser
 * tests, or load into a FHIR server by hand). They are written from test-patients.ts and must not
 * drift from it: regenerate them from `fhirFixtureFiles()` when the patients change.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  badRecordFiles,
  fhirFixtureFiles,
  mapRecord,
  readRecordBundle,
  TEST_LOCAL_CODES,
  TEST_PATIENT_REQUEST_DATE,
} from "@/fhir";

const DIR = join(import.meta.dirname, "../../fixtures/fhir");

describe("fixtures/fhir", () => {
  it("holds exactly the files test-patients.ts writes, unchanged", () => {
    const expected = fhirFixtureFiles();
    const onDisk = [
      ...readdirSync(DIR).filter((f) => f.endsWith(".json")),
      ...readdirSync(join(DIR, "bad")).map((f) => `bad/${f}`),
    ].sort();
    expect(onDisk).toEqual(expected.map((f) => f.name).sort());
    // Compared as JSON: the files are kept in Prettier's layout, the generator writes plain JSON.
    for (const file of expected) {
      const text = readFileSync(join(DIR, file.name), "utf8");
      if (file.name.endsWith(".json")) expect(JSON.parse(text), file.name).toEqual(JSON.parse(file.text));
      else expect(text, file.name).toBe(file.text);
    }
  });

  it.each(badRecordFiles().map((f) => [f.name, f] as const))("%s gives its problems", (_, file) => {
    const read = readRecordBundle(readFileSync(join(DIR, "bad", file.name), "utf8"));
    const result = read.ok
      ? mapRecord(read.resources, { requestDate: TEST_PATIENT_REQUEST_DATE, localCodes: TEST_LOCAL_CODES })
      : { patient: null, answers: [], problems: [read.problem] };
    expect(result.problems.map((p) => p.code)).toEqual(file.problems);
    expect(result.answers.length === 0).toBe(file.fatal);
  });
});
