import type {
  Condition,
  Coverage,
  DiagnosticReport,
  Medication,
  MedicationRequest,
  MedicationStatement,
  Observation,
  Patient,
  Procedure,
  Resource,
} from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import type { LocalCodes, RecordImport } from "./types";
import { mapRecord } from "./map";
import { standardReadingOf } from "./map-observations";

const LOINC = "http://loinc.org";
const UCUM = "http://unitsofmeasure.org";
const SNOMED = "http://snomed.info/sct";
const RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
const CPT = "http://www.ama-assn.org/go/cpt";
const REQUEST_DATE = "2026-11-27";

const patient: Patient = {
  resourceType: "Patient",
  id: "p1",
  name: [
    { use: "old", family: "Maiden", given: ["Ada"] },
    { use: "official", family: "Example", given: ["Ada", "May"] },
  ],
  birthDate: "1985-04-12",
};
const subject = { reference: "Patient/p1" };

function obs(id: string, code: string, date: string, value: Partial<Observation>, system = LOINC): Observation {
  return {
    resourceType: "Observation",
    id,
    status: "final",
    code: { coding: [{ system, code }] },
    subject,
    effectiveDateTime: date,
    ...value,
  };
}
const q = (value: number, code: string): Partial<Observation> => ({
  valueQuantity: { value, unit: code, system: UCUM, code },
});
const withHigh = (value: number, code: string, high: number, highCode = code): Partial<Observation> => ({
  ...q(value, code),
  referenceRange: [
    { low: { value: 0, unit: highCode }, high: { value: high, unit: highCode, system: UCUM, code: highCode } },
  ],
});

const map = (resources: Resource[], localCodes?: LocalCodes): RecordImport =>
  mapRecord([patient, ...resources], {
    requestDate: REQUEST_DATE,
    ...(localCodes === undefined ? {} : { localCodes }),
  });
const answer = (result: RecordImport, path: string) => result.answers.find((a) => a.path === path);
const valueAt = (result: RecordImport, path: string) => answer(result, path)?.value;
const codes = (result: RecordImport) => result.problems.map((p) => p.code);

describe("Patient → member", () => {
  it("takes the official name, the birth date and the patient summary", () => {
    const result = map([]);
    expect(result.patient).toEqual({ reference: "Patient/p1", name: "Ada May Example", birthDate: "1985-04-12" });
    expect(valueAt(result, "member.firstName")).toBe("Ada May");
    expect(valueAt(result, "member.lastName")).toBe("Example");
    expect(answer(result, "member.dateOfBirth")).toMatchObject({
      value: "1985-04-12",
      label: "Date of birth",
      display: "12 Apr 1985",
      source: { reference: "Patient/p1" },
    });
    expect(result.problems).toEqual([]);
  });

  it("takes names as plain text: direction overrides, isolates and control characters go", () => {
    const result = mapRecord(
      [
        {
          ...patient,
          name: [{ use: "official", given: ["Ada\u202e", " May\u0000"], family: "Nguy\u1ec5n\u202eevil\u2066 " }],
        },
      ],
      { requestDate: REQUEST_DATE },
    );
    expect(valueAt(result, "member.firstName")).toBe("Ada May");
    expect(valueAt(result, "member.lastName")).toBe("Nguy\u1ec5n evil");
    expect(result.patient?.name).toBe("Ada May Nguy\u1ec5n evil");
  });

  it("does not use a birth date without a full day", () => {
    const result = mapRecord([{ ...patient, birthDate: "1985-04" }], { requestDate: REQUEST_DATE });
    expect(valueAt(result, "member.dateOfBirth")).toBeUndefined();
    expect(result.problems).toEqual([expect.objectContaining({ code: "invalid", reference: "Patient/p1" })]);
  });

  it("takes the member ID from an active Coverage's member number, listing the others", () => {
    const coverage = (id: string, status: Coverage["status"], value: string): Coverage => ({
      resourceType: "Coverage",
      id,
      status,
      beneficiary: subject,
      payor: [{ display: "Plan" }],
      identifier: [
        { type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0203", code: "MB" }] }, value },
      ],
    });
    const result = map([
      coverage("old", "cancelled", "OLD1"),
      coverage("c2", "draft", "X2"),
      coverage("c1", "active", "U1234567"),
    ]);
    expect(answer(result, "member.memberId")).toMatchObject({
      value: "U1234567",
      source: { reference: "Coverage/c1" },
      others: [{ reference: "Coverage/c2" }],
    });
  });

  it("takes a member number on the Patient, but never a medical record number", () => {
    const mrn = {
      type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0203", code: "MR" }] },
      value: "MRN1",
    };
    const mb = {
      type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0203", code: "MB" }] },
      value: "M77",
    };
    expect(
      valueAt(mapRecord([{ ...patient, identifier: [mrn] }], { requestDate: REQUEST_DATE }), "member.memberId"),
    ).toBeUndefined();
    expect(
      valueAt(mapRecord([{ ...patient, identifier: [mrn, mb] }], { requestDate: REQUEST_DATE }), "member.memberId"),
    ).toBe("M77");
  });
});

describe("whose record", () => {
  it("needs a Patient", () => {
    const result = mapRecord([obs("w", "29463-7", "2026-10-20", q(80, "kg"))], { requestDate: REQUEST_DATE });
    expect(result).toEqual({ patient: null, answers: [], problems: [expect.objectContaining({ code: "no-patient" })] });
  });

  it("refuses two patients, and proposes nothing", () => {
    const result = mapRecord([patient, { ...patient, id: "p2" }, obs("w", "29463-7", "2026-10-20", q(80, "kg"))], {
      requestDate: REQUEST_DATE,
    });
    expect(result).toEqual({
      patient: null,
      answers: [],
      problems: [expect.objectContaining({ code: "several-patients" })],
    });
  });

  it("refuses a result about another patient than the one in the record", () => {
    const stranger = { ...obs("w", "29463-7", "2026-10-20", q(80, "kg")), subject: { reference: "Patient/p2" } };
    const result = map([stranger]);
    expect(result.answers).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({ code: "several-patients", reference: "Observation/w" }),
    ]);
  });

  it("accepts absolute and versioned references to the same patient, and the same Patient twice", () => {
    const absolute = {
      ...obs("w", "29463-7", "2026-10-20", q(80, "kg")),
      subject: { reference: "https://ehr.example.org/fhir/Patient/p1/_history/3" },
    };
    const result = mapRecord([patient, patient, absolute], { requestDate: REQUEST_DATE });
    expect(valueAt(result, "member.weight")).toEqual({ value: 80, unit: "kg" });
  });

  it("refuses a request date that is not a date", () => {
    expect(mapRecord([patient], { requestDate: "2026-02-30" }).problems[0]?.code).toBe("invalid");
  });
});

describe("Condition → diagnosis", () => {
  const condition = (
    id: string,
    coding: { system: string; code: string }[],
    extra: Partial<Condition> = {},
  ): Condition => ({
    resourceType: "Condition",
    id,
    code: { coding },
    subject,
    ...extra,
  });

  it("ICD-10-CM D67 gives the condition and the ICD-10 code", () => {
    const result = map([condition("c1", [{ system: "http://hl7.org/fhir/sid/icd-10-cm", code: "D67" }])]);
    expect(answer(result, "diagnosis.condition")).toMatchObject({
      value: "congenital_hemophilia_b",
      display: "Congenital hemophilia B (factor IX deficiency)",
      source: { reference: "Condition/c1" },
    });
    expect(valueAt(result, "diagnosis.icd10")).toBe("D67");
  });

  it("SNOMED CT 41788008 alone gives the condition but no ICD-10 code", () => {
    const result = map([condition("c1", [{ system: SNOMED, code: "41788008" }])]);
    expect(valueAt(result, "diagnosis.condition")).toBe("congenital_hemophilia_b");
    expect(answer(result, "diagnosis.icd10")).toBeUndefined();
  });

  it("a refuted or mistaken diagnosis is not read", () => {
    const refuted = condition("c1", [{ system: "http://hl7.org/fhir/sid/icd-10-cm", code: "D67" }], {
      verificationStatus: { coding: [{ code: "refuted" }] },
    });
    expect(answer(map([refuted]), "diagnosis.condition")).toBeUndefined();
  });

  it("another factor IX code is reported, not read as hemophilia B; an unrelated condition is ignored", () => {
    const result = map([
      condition("c1", [{ system: SNOMED, code: "767712006" }], {
        code: { coding: [{ system: SNOMED, code: "767712006", display: "Factor IX deficiency" }] },
      }),
      condition("c2", [{ system: SNOMED, code: "38341003" }], {
        code: { coding: [{ system: SNOMED, code: "38341003", display: "Hypertension" }] },
      }),
    ]);
    expect(answer(result, "diagnosis.condition")).toBeUndefined();
    expect(result.problems).toEqual([expect.objectContaining({ code: "unknown-code", reference: "Condition/c1" })]);
  });
});

describe("Observations by LOINC", () => {
  it("factor IX activity 3187-2 in % of normal", () => {
    const result = map([obs("f", "3187-2", "2026-03-10", q(1, "%"))]);
    expect(answer(result, "diagnosis.factorIxActivityPercent")).toMatchObject({
      value: 1,
      label: "Baseline factor IX activity",
      display: "1 % of normal",
      source: { reference: "Observation/f", date: "2026-03-10", display: "Factor IX activity 1 %, 10 Mar 2026" },
    });
  });

  it("factor IX activity 3186-4 in IU/dL (≡ %) and IU/mL (× 100)", () => {
    expect(
      valueAt(map([obs("f", "3186-4", "2026-03-10", q(1.5, "[IU]/dL"))]), "diagnosis.factorIxActivityPercent"),
    ).toBe(1.5);
    expect(
      valueAt(map([obs("f", "3186-4", "2026-03-10", q(0.02, "[IU]/mL"))]), "diagnosis.factorIxActivityPercent"),
    ).toBe(2);
  });

  it("each quantitative inhibitor titer (3185-6) is an assay with its date, oldest first", () => {
    const result = map([
      obs("i2", "3185-6", "2026-09-15", { valueQuantity: { value: 0.3, unit: "BU", system: UCUM, code: "[beth'U]" } }),
      obs("i1", "3185-6", "2026-09-01", { valueQuantity: { value: 1.2, unit: "BU", system: UCUM, code: "[beth'U]" } }),
    ]);
    expect(answer(result, "inhibitor.assays")).toMatchObject({
      value: [
        { date: "2026-09-01", bethesdaUnits: 1.2 },
        { date: "2026-09-15", bethesdaUnits: 0.3 },
      ],
      display: "1.2 BU on 1 Sep 2026; 0.3 BU on 15 Sep 2026",
      source: { reference: "Observation/i1" },
      sources: [{ reference: "Observation/i1" }, { reference: "Observation/i2" }],
    });
  });

  it("a qualitative inhibitor result (30086-3) is never read as a titer", () => {
    const detected = obs("screen", "30086-3", "2026-09-01", {
      valueCodeableConcept: { coding: [{ system: SNOMED, code: "260373001", display: "Detected" }] },
    });
    const alone = map([detected]);
    expect(answer(alone, "inhibitor.assays")).toBeUndefined();
    expect(alone.problems).toEqual([
      expect.objectContaining({
        code: "invalid",
        reference: "Observation/screen",
        message: expect.stringContaining("no Bethesda titer") as string,
      }),
    ]);
    // Beside a quantitative assay it is listed, not used.
    const beside = map([detected, obs("i1", "3185-6", "2026-09-15", q(0.3, "[beth'U]"))]);
    expect(answer(beside, "inhibitor.assays")).toMatchObject({
      value: [{ date: "2026-09-15", bethesdaUnits: 0.3 }],
      others: [
        { reference: "Observation/screen", display: expect.stringContaining("qualitative: no titer") as string },
      ],
    });
  });

  it("a titer reported as '<0.5' is read as its limit 0.5 (an upper bound), '>' is refused", () => {
    const below = obs("i1", "3185-6", "2026-09-15", {
      valueQuantity: { value: 0.5, comparator: "<", unit: "BU", code: "[beth'U]", system: UCUM },
    });
    const result = map([below]);
    expect(answer(result, "inhibitor.assays")).toMatchObject({
      value: [{ date: "2026-09-15", bethesdaUnits: 0.5 }],
      source: { display: expect.stringContaining("<0.5 BU") as string },
    });
    const above = obs("i2", "3185-6", "2026-09-15", {
      valueQuantity: { value: 5, comparator: ">", code: "[beth'U]", system: UCUM },
    });
    expect(map([above]).problems).toEqual([expect.objectContaining({ code: "invalid", reference: "Observation/i2" })]);
  });

  it.each([
    ["alt", "1742-6", 70, "U/L", 56],
    ["ast", "1920-8", 25, "U/L", 40],
    ["alp", "6768-6", 80, "[IU]/L", 129],
  ])("%s (%s) with its upper limit from referenceRange.high", (key, code, value, unit, high) => {
    const result = map([obs(key, code, "2026-10-20", withHigh(value, unit, high))]);
    expect(valueAt(result, `liver.enzymes.${key}.value`)).toBe(value);
    expect(answer(result, `liver.enzymes.${key}.upperLimit`)).toMatchObject({
      value: high,
      source: { reference: `Observation/${key}` },
    });
    expect(valueAt(result, "liver.enzymes.date")).toBe("2026-10-20");
  });

  it("total bilirubin (1975-2) in µmol/L is converted to mg/dL, its upper limit too", () => {
    const result = map([obs("b", "1975-2", "2026-10-20", withHigh(13.7, "umol/L", 20.5))]);
    expect(answer(result, "liver.enzymes.totalBilirubin.value")).toMatchObject({
      value: 0.8,
      display: "0.8 mg/dL",
      source: { display: "Total bilirubin 0.8 mg/dL (13.7 umol/L), upper limit 1.2 mg/dL, 20 Oct 2026" },
    });
    expect(valueAt(result, "liver.enzymes.totalBilirubin.upperLimit")).toBe(1.2);
  });

  it("a value without a reference range gives no upper limit", () => {
    const result = map([obs("alt", "1742-6", "2026-10-20", q(30, "U/L"))]);
    expect(valueAt(result, "liver.enzymes.alt.value")).toBe(30);
    expect(answer(result, "liver.enzymes.alt.upperLimit")).toBeUndefined();
  });

  it("the panel date is the oldest of the liver tests used", () => {
    const result = map([
      obs("alt", "1742-6", "2026-10-20", q(30, "U/L")),
      obs("ast", "1920-8", "2026-09-01", q(25, "U/L")),
    ]);
    expect(answer(result, "liver.enzymes.date")).toMatchObject({
      value: "2026-09-01",
      sources: [{ reference: "Observation/alt" }, { reference: "Observation/ast" }],
    });
  });

  it("body weight (29463-7) in pounds becomes kg", () => {
    const result = map([
      obs("w", "29463-7", "2026-10-20", { valueQuantity: { value: 176, unit: "lb", system: UCUM, code: "[lb_av]" } }),
    ]);
    expect(answer(result, "member.weight")).toMatchObject({
      value: { value: 79.8, unit: "kg" },
      display: "79.8 kg",
      source: { display: "Body weight 79.8 kg (176 lb), 20 Oct 2026" },
    });
  });

  it("an inconvertible unit is reported and the result skipped", () => {
    const result = map([
      obs("alt", "1742-6", "2026-10-20", q(0.5, "ukat/L")),
      obs("w", "29463-7", "2026-10-20", q(12, "[stone_av]")),
    ]);
    expect(result.answers.filter((a) => a.path.startsWith("liver") || a.path === "member.weight")).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: "unit",
        reference: "Observation/alt",
        message: expect.stringContaining('"ukat/L"') as string,
      }),
      expect.objectContaining({ code: "unit", reference: "Observation/w" }),
    ]);
  });

  it("a reference range in an inconvertible unit drops the limit, keeping the value", () => {
    const result = map([obs("b", "1975-2", "2026-10-20", withHigh(0.8, "mg/dL", 12, "mg/L"))]);
    expect(valueAt(result, "liver.enzymes.totalBilirubin.value")).toBe(0.8);
    expect(answer(result, "liver.enzymes.totalBilirubin.upperLimit")).toBeUndefined();
    expect(codes(result)).toEqual(["unit"]);
  });

  it("a result without a full date, or without a number, is reported and skipped", () => {
    const undated = { ...obs("w1", "29463-7", "2026-10-20", q(80, "kg")), effectiveDateTime: "2026-10" };
    const empty = obs("w2", "29463-7", "2026-10-20", { valueString: "eighty" });
    const result = map([undated, empty]);
    expect(answer(result, "member.weight")).toBeUndefined();
    expect(result.problems.map((p) => [p.code, p.reference])).toEqual([
      ["invalid", "Observation/w1"],
      ["invalid", "Observation/w2"],
    ]);
  });

  it("reads the day as written, whatever the time zone", () => {
    const late = { ...obs("w", "29463-7", "2026-10-20", q(80, "kg")), effectiveDateTime: "2026-10-20T23:30:00-05:00" };
    expect(answer(map([late]), "member.weight")?.source.date).toBe("2026-10-20");
  });

  it("cancelled and mistaken results are not results", () => {
    const wrong = { ...obs("w", "29463-7", "2026-10-20", q(80, "kg")), status: "entered-in-error" as const };
    const result = map([wrong]);
    expect(answer(result, "member.weight")).toBeUndefined();
    expect(result.problems).toEqual([]);
  });
});

describe("codes the import does not read", () => {
  it("reports a result coded only in a site's own system, and ignores other standard codes", () => {
    const local = obs("x", "K-123", "2026-10-20", q(1, "U/L"), "https://lab.example.org/codes");
    const hemoglobin = obs("hb", "718-7", "2026-10-20", q(14, "g/dL"));
    const result = map([local, hemoglobin]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: "unknown-code",
        reference: "Observation/x",
        message: expect.stringContaining("ask an administrator to add its code") as string,
      }),
    ]);
  });

  it("reports a standard code that looks like something the request needs", () => {
    const other = obs("y", "99999-9", "2026-10-20", {
      code: { coding: [{ system: LOINC, code: "99999-9", display: "Factor IX inhibitor by new method" }] },
      ...q(0.2, "[beth'U]"),
    });
    expect(map([other]).problems).toEqual([
      expect.objectContaining({ code: "unknown-code", reference: "Observation/y" }),
    ]);
  });
});

describe("latest wins, later results are listed", () => {
  it("the latest result on or before the request date wins; older ones are listed", () => {
    const result = map([
      obs("w-june", "29463-7", "2026-06-01", q(82, "kg")),
      obs("w-nov", "29463-7", "2026-11-02", q(80.5, "kg")),
      obs("w-jan", "29463-7", "2026-01-15", q(84, "kg")),
    ]);
    expect(answer(result, "member.weight")).toMatchObject({
      value: { value: 80.5, unit: "kg" },
      source: { reference: "Observation/w-nov" },
      others: [{ reference: "Observation/w-june" }, { reference: "Observation/w-jan" }],
    });
  });

  it("a result on the request date itself counts", () => {
    expect(valueAt(map([obs("w", "29463-7", REQUEST_DATE, q(80, "kg"))]), "member.weight")).toEqual({
      value: 80,
      unit: "kg",
    });
  });

  it("a result after the request date is listed as such and reported, never chosen", () => {
    const result = map([
      obs("alt-old", "1742-6", "2026-10-20", q(30, "U/L")),
      obs("alt-new", "1742-6", "2026-12-05", q(90, "U/L")),
    ]);
    expect(answer(result, "liver.enzymes.alt.value")).toMatchObject({
      value: 30,
      others: [
        { reference: "Observation/alt-new", display: expect.stringContaining("after the request date") as string },
      ],
    });
    expect(result.problems).toEqual([expect.objectContaining({ code: "future", reference: "Observation/alt-new" })]);
  });

  it("only future results: nothing is proposed", () => {
    const result = map([obs("w", "29463-7", "2026-12-01", q(80, "kg"))]);
    expect(answer(result, "member.weight")).toBeUndefined();
    expect(codes(result)).toEqual(["future"]);
  });

  it("a future inhibitor assay is left out of the list and reported", () => {
    const result = map([
      obs("i1", "3185-6", "2026-10-02", q(0.2, "[beth'U]")),
      obs("i2", "3185-6", "2026-12-02", q(0.9, "[beth'U]")),
    ]);
    expect(valueAt(result, "inhibitor.assays")).toEqual([{ date: "2026-10-02", bethesdaUnits: 0.2 }]);
    expect(codes(result)).toEqual(["future"]);
  });
});

describe("factor IX prophylaxis by RxNorm", () => {
  const statement = (
    id: string,
    coding: { system: string; code: string; display?: string },
    start: string,
    extra: Partial<MedicationStatement> = {},
  ): MedicationStatement => ({
    resourceType: "MedicationStatement",
    id,
    status: "active",
    medicationCodeableConcept: { coding: [coding] },
    subject,
    effectivePeriod: { start },
    ...extra,
  });

  it("Alprolix by its RxNorm CUI, from its start", () => {
    const result = map([statement("m1", { system: RXNORM, code: "1666323" }, "2023-06-01")]);
    expect(answer(result, "prophylaxis.product")).toMatchObject({
      value: "Alprolix",
      source: { reference: "MedicationStatement/m1" },
    });
    expect(valueAt(result, "prophylaxis.startDate")).toBe("2023-06-01");
  });

  it.each([
    ["BeneFIX", "coagulation factor IX recombinant human 1000 UNT Injection [BeneFIX]", "BeneFIX"],
    ["Rixubis", "Rixubis", "Rixubis"],
    ["Mononine", "coagulation factor IX, human 1 UNT Injection [Mononine]", "other"],
  ])("%s by the brand RxNorm names", (_, display, product) => {
    const result = map([statement("m1", { system: RXNORM, code: "000000", display }, "2023-06-01")]);
    expect(valueAt(result, "prophylaxis.product")).toBe(product);
  });

  it("a generic factor IX gives the start date, not a product", () => {
    const result = map([statement("m1", { system: RXNORM, code: "1666320" }, "2023-06-01")]);
    expect(answer(result, "prophylaxis.product")).toBeUndefined();
    expect(valueAt(result, "prophylaxis.startDate")).toBe("2023-06-01");
    expect(result.problems).toEqual([
      expect.objectContaining({ code: "unknown-code", reference: "MedicationStatement/m1" }),
    ]);
  });

  it("the latest product, and prophylaxis from the earliest factor IX on record", () => {
    const result = map([
      statement("old", { system: RXNORM, code: "1", display: "x [BeneFIX]" }, "2021-01-10", { status: "completed" }),
      statement("new", { system: RXNORM, code: "1666323" }, "2024-03-01"),
    ]);
    expect(answer(result, "prophylaxis.product")).toMatchObject({
      value: "Alprolix",
      others: [{ reference: "MedicationStatement/old" }],
    });
    expect(answer(result, "prophylaxis.startDate")).toMatchObject({
      value: "2021-01-10",
      sources: [{ reference: "MedicationStatement/old" }, { reference: "MedicationStatement/new" }],
    });
  });

  it("as-needed use is not prophylaxis", () => {
    const onDemand = statement("m1", { system: RXNORM, code: "1666323" }, "2020-01-01", {
      dosage: [{ asNeededBoolean: true }],
    });
    const result = map([onDemand]);
    expect(answer(result, "prophylaxis.product")).toBeUndefined();
  });

  it("a MedicationRequest pointing at a Medication resource, from its authoring date", () => {
    const medication: Medication = {
      resourceType: "Medication",
      id: "med1",
      code: { coding: [{ system: RXNORM, code: "1", display: "Idelvion" }] },
    };
    const request: MedicationRequest = {
      resourceType: "MedicationRequest",
      id: "r1",
      status: "active",
      intent: "order",
      medicationReference: { reference: "Medication/med1" },
      subject,
      authoredOn: "2022-05-04T09:00:00Z",
    };
    const result = map([medication, request]);
    expect(valueAt(result, "prophylaxis.product")).toBe("Idelvion");
    expect(valueAt(result, "prophylaxis.startDate")).toBe("2022-05-04");
  });

  it("a factor IX named only in text is reported, not read", () => {
    const textOnly = statement(
      "m1",
      { system: "https://ehr.example.org/drugs", code: "77", display: "BeneFIX 2000 IU" },
      "2023-06-01",
    );
    const result = map([textOnly]);
    expect(answer(result, "prophylaxis.product")).toBeUndefined();
    expect(codes(result)).toEqual(["unknown-code"]);
  });
});

describe("liver imaging", () => {
  const report = (id: string, code: string, date: string, finding?: string): DiagnosticReport => ({
    resourceType: "DiagnosticReport",
    id,
    status: "final",
    code: { coding: [{ system: CPT, code }] },
    subject,
    effectiveDateTime: date,
    ...(finding === undefined ? {} : { conclusionCode: [{ coding: [{ system: SNOMED, code: finding }] }] }),
  });

  it("an ultrasound report (CPT 76705) with a coded normal result", () => {
    const result = map([report("us", "76705", "2026-10-21", "17621005")]);
    expect(answer(result, "liver.ultrasound.date")).toMatchObject({
      value: "2026-10-21",
      source: { reference: "DiagnosticReport/us" },
    });
    expect(answer(result, "liver.ultrasound.result")).toMatchObject({ value: "normal", display: "Normal" });
  });

  it("an elastography report with a coded abnormal result", () => {
    const result = map([report("el", "76981", "2026-10-21", "263654008")]);
    expect(valueAt(result, "liver.elastography.result")).toBe("abnormal");
  });

  it("a procedure gives the date only, an uncoded report too", () => {
    const procedure: Procedure = {
      resourceType: "Procedure",
      id: "fibroscan",
      status: "completed",
      code: { coding: [{ system: CPT, code: "91200" }] },
      subject,
      performedDateTime: "2026-10-22",
    };
    const result = map([procedure, report("us", "76700", "2026-10-21")]);
    expect(valueAt(result, "liver.elastography.date")).toBe("2026-10-22");
    expect(answer(result, "liver.elastography.result")).toBeUndefined();
    expect(valueAt(result, "liver.ultrasound.date")).toBe("2026-10-21");
    expect(answer(result, "liver.ultrasound.result")).toBeUndefined();
  });

  it("a liver stiffness measurement (LOINC 77615-3) dates the elastography", () => {
    const stiffness = obs("lsm", "77615-3", "2026-10-23", {
      ...q(5.1, "kPa"),
      interpretation: [
        { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", code: "N" }] },
      ],
    });
    const result = map([stiffness]);
    expect(valueAt(result, "liver.elastography.date")).toBe("2026-10-23");
    expect(valueAt(result, "liver.elastography.result")).toBe("normal");
  });
});

describe("AAV5 antibodies by a configured local code", () => {
  const localCodes: LocalCodes = { aav5Antibody: [{ system: "https://lab.example.org/codes", code: "AAV5" }] };
  const aav5 = (value: Partial<Observation>) =>
    obs("aav5", "AAV5", "2026-10-15", value, "https://lab.example.org/codes");

  it("a titer 1:300 with a positive interpretation", () => {
    const result = map(
      [
        aav5({
          valueRatio: { numerator: { value: 1 }, denominator: { value: 300 } },
          interpretation: [
            { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", code: "POS" }] },
          ],
        }),
      ],
      localCodes,
    );
    expect(valueAt(result, "aav5.result")).toBe("detected");
    expect(answer(result, "aav5.titer")).toMatchObject({ value: 300, display: "1:300" });
  });

  it("a coded 'not detected' without a titer", () => {
    const result = map(
      [aav5({ valueCodeableConcept: { coding: [{ system: SNOMED, code: "260415000" }] } })],
      localCodes,
    );
    expect(valueAt(result, "aav5.result")).toBe("not_detected");
    expect(answer(result, "aav5.titer")).toBeUndefined();
  });

  it("a titer written '1:50' in text", () => {
    expect(valueAt(map([aav5({ valueString: "1:50" })], localCodes), "aav5.titer")).toBe(50);
  });

  it("an unreadable result is reported", () => {
    expect(codes(map([aav5({ valueString: "see report" })], localCodes))).toEqual(["invalid"]);
  });

  it("without the configured code the result is an unknown code", () => {
    const result = map([aav5({ valueString: "1:50" })]);
    expect(answer(result, "aav5.titer")).toBeUndefined();
    expect(codes(result)).toEqual(["unknown-code"]);
  });

  it("matches the system and the code exactly: another case or another system is another code", () => {
    for (const [code, system] of [
      ["aav5", "https://lab.example.org/codes"],
      ["AAV5", "https://lab.example.org/codes/"],
      ["AAV5", "https://other-lab.example.org/codes"],
    ] as const) {
      const result = map([obs("aav5", code, "2026-10-15", { valueString: "1:50" }, system)], localCodes);
      expect(answer(result, "aav5.titer"), `${system}|${code}`).toBeUndefined();
      expect(codes(result)).toEqual(["unknown-code"]);
    }
  });

  it("a standard code configured as local is still read as what it is (standardReadingOf names it)", () => {
    const alt = { system: LOINC, code: "1742-6" };
    const result = map([obs("alt", "1742-6", "2026-10-15", q(30, "U/L"))], { aav5Antibody: [alt] });
    expect(answer(result, "aav5.result")).toBeUndefined();
    expect(standardReadingOf(alt)).toBe("ALT");
    expect(standardReadingOf({ system: LOINC, code: "77615-3" })).toBe("Liver elastography");
    expect(standardReadingOf({ system: "https://lab.example.org/codes", code: "AAV5" })).toBeUndefined();
  });
});

describe("every answer", () => {
  it("has a label from the criteria library, a display and a source", () => {
    const result = map([
      obs("w", "29463-7", "2026-10-20", q(80, "kg")),
      obs("alt", "1742-6", "2026-10-20", withHigh(30, "U/L", 56)),
    ]);
    for (const a of result.answers) {
      expect(a.label).not.toBe(a.path);
      expect(a.display).not.toBe("");
      expect(a.source.reference).toMatch(/^[A-Z][A-Za-z]+\/.+/);
    }
  });

  it("problems carry no value from the record", () => {
    const result = map([
      obs("alt", "1742-6", "2026-10-20", q(987.6, "ukat/L")),
      obs("w", "29463-7", "2027-01-01", q(123.4, "kg")),
    ]);
    for (const problem of result.problems) {
      expect(problem.message).not.toMatch(/987|123|Ada|Example/);
    }
  });
});

describe("resources not written as R4 defines them", () => {
  it("are reported one by one and skipped; the rest is read", () => {
    const broken = {
      ...obs("alt", "1742-6", "2026-10-20", q(30, "U/L")),
      referenceRange: { high: 56 },
    } as unknown as Observation;
    const brokenDose = {
      resourceType: "MedicationStatement",
      id: "m1",
      status: "active",
      subject,
      medicationCodeableConcept: { coding: [{ system: RXNORM, code: "1666323" }] },
      effectivePeriod: { start: "2023-06-01" },
      dosage: { asNeededBoolean: false },
    } as unknown as MedicationStatement;
    const result = map([broken, brokenDose, obs("w", "29463-7", "2026-10-20", q(80, "kg"))]);
    expect(result.problems.map((p) => [p.code, p.reference])).toEqual([
      ["invalid", "Observation/alt"],
      ["invalid", "MedicationStatement/m1"],
    ]);
    expect(valueAt(result, "member.weight")).toEqual({ value: 80, unit: "kg" });
  });

  it("a Patient with a malformed name still identifies the record", () => {
    const odd = { ...patient, name: { family: "Example" } } as unknown as Patient;
    const result = mapRecord([odd], { requestDate: REQUEST_DATE });
    expect(result.patient).toEqual({ reference: "Patient/p1", birthDate: "1985-04-12" });
  });

  it("two Patients without ids are two patients", () => {
    const anonymous = (family: string): Patient => ({ resourceType: "Patient", name: [{ family }] });
    expect(mapRecord([anonymous("A"), anonymous("B")], { requestDate: REQUEST_DATE }).problems[0]?.code).toBe(
      "several-patients",
    );
  });
});

describe("panels", () => {
  it("a panel Observation and a lab report are not reported: their member results are read", () => {
    const panel: Observation = {
      ...obs("panel", "24325-3", "2026-10-20", {}),
      code: { coding: [{ system: LOINC, code: "24325-3", display: "Hepatic function panel" }] },
      hasMember: [{ reference: "Observation/alt" }],
    };
    const report: DiagnosticReport = {
      resourceType: "DiagnosticReport",
      id: "lab",
      status: "final",
      code: { coding: [{ system: LOINC, code: "24325-3", display: "Hepatic function panel" }] },
      subject,
      effectiveDateTime: "2026-10-20",
      result: [{ reference: "Observation/alt" }],
    };
    const result = map([panel, report, obs("alt", "1742-6", "2026-10-20", withHigh(30, "U/L", 56))]);
    expect(result.problems).toEqual([]);
    expect(valueAt(result, "liver.enzymes.alt.value")).toBe(30);
  });

  it("a report that looks like liver imaging but is not coded as one is reported", () => {
    const report: DiagnosticReport = {
      resourceType: "DiagnosticReport",
      id: "mri",
      status: "final",
      code: { coding: [{ system: LOINC, code: "00000-0", display: "MR Liver" }] },
      subject,
      effectiveDateTime: "2026-10-20",
    };
    expect(map([report]).problems).toEqual([
      expect.objectContaining({ code: "unknown-code", reference: "DiagnosticReport/mri" }),
    ]);
  });
});

describe("prophylaxis dates", () => {
  const statement = (id: string, start: string, extra: Partial<MedicationStatement> = {}): MedicationStatement => ({
    resourceType: "MedicationStatement",
    id,
    status: "active",
    medicationCodeableConcept: { coding: [{ system: RXNORM, code: "1666323" }] },
    subject,
    effectivePeriod: { start },
    ...extra,
  });

  it("a factor IX started after the request date is listed and reported, never the start", () => {
    const result = map([statement("now", "2023-06-01"), statement("later", "2027-01-01")]);
    expect(answer(result, "prophylaxis.startDate")).toMatchObject({
      value: "2023-06-01",
      others: [
        {
          reference: "MedicationStatement/later",
          display: expect.stringContaining("after the request date") as string,
        },
      ],
    });
    expect(codes(result)).toEqual(["future"]);
  });

  it("as-needed use is listed beside the prophylaxis", () => {
    const result = map([
      statement("prn", "2019-01-01", { dosage: [{ asNeededBoolean: true }] }),
      statement("ppx", "2023-06-01"),
    ]);
    expect(answer(result, "prophylaxis.startDate")).toMatchObject({
      value: "2023-06-01",
      others: [{ reference: "MedicationStatement/prn", display: expect.stringContaining("as needed") as string }],
    });
  });

  it("a statement of a drug not taken is no prophylaxis", () => {
    expect(
      answer(map([statement("nt", "2023-06-01", { status: "not-taken" })]), "prophylaxis.startDate"),
    ).toBeUndefined();
  });
});
