/**
 * Synthetic patients for tests (unit, FHIR server, browser): each one a FHIR R4 collection Bundle
 * with stable, distinct ids (so all can be loaded into one server), the answers a person types that
 * no record holds, and what the import should propose. Nobody here is real.
 *
 * The eligible patient is the spec's example request (fixtures/requests/eligible.json): its record
 * plus `typed` gives back that document exactly. Results are dated on or before 2026-11-27
 * (TEST_PATIENT_REQUEST_DATE) and the labs and imaging within 3 months of it.
 */
import type {
  Binary,
  Bundle,
  CodeableConcept,
  Condition,
  Coverage,
  DiagnosticReport,
  DocumentReference,
  MedicationStatement,
  Observation,
  ObservationReferenceRange,
  Patient,
  Quantity,
  Resource,
} from "@medplum/fhirtypes";
import type { RequestDocument } from "@/criteria";
import { SYSTEMS } from "./codes";
import type { LocalCodes, RecordProblemCode } from "./types";

export const TEST_PATIENT_REQUEST_DATE = "2026-11-27";

/** The test lab's own code for its AAV5 antibody test, configured as a local code. */
export const TEST_AAV5_CODE = { system: "https://lab.example.org/codes", code: "AAV5-NAB" } as const;
export const TEST_LOCAL_CODES: LocalCodes = { aav5Antibody: [TEST_AAV5_CODE] };

export type TestPatientKey =
  "eligible" | "elevatedAlt" | "elevatedAltAttested" | "inhibitorRetest" | "weightInPounds" | "twoWeights";

export interface TestPatient {
  key: TestPatientKey;
  /** In words, for test names. */
  title: string;
  bundle: Bundle;
  /** The Patient's id on a FHIR server loaded with `bundle` (as a transaction of PUTs, see `asTransaction`). */
  patientId: string;
  /** The answers no record holds, as a person types them (a valid request document by itself). */
  typed: RequestDocument;
  /** Answers the import must propose (path → value), for the checks that matter for this patient. */
  expected: Readonly<Record<string, unknown>>;
  /** Resources only the FHIR server holds, not the record's Bundle (a document's Binary). */
  serverOnly: Resource[];
}

// ---------------------------------------------------------------- builders

const UCUM = SYSTEMS.ucum;

const concept = (system: string, code: string, display: string): CodeableConcept => ({
  coding: [{ system, code, display }],
  text: display,
});

const quantity = (value: number, unit: string): Quantity => ({ value, unit, system: UCUM, code: unit });

const labCategory: CodeableConcept[] = [
  {
    coding: [
      {
        system: "http://terminology.hl7.org/CodeSystem/observation-category",
        code: "laboratory",
        display: "Laboratory",
      },
    ],
  },
];
const vitalsCategory: CodeableConcept[] = [
  {
    coding: [
      {
        system: "http://terminology.hl7.org/CodeSystem/observation-category",
        code: "vital-signs",
        display: "Vital Signs",
      },
    ],
  },
];

interface Record_ {
  key: string;
  resources: Resource[];
}

function start(key: string, given: string, family: string, birthDate: string, memberId: string): Record_ {
  const patient: Patient = {
    resourceType: "Patient",
    id: `${key}-patient`,
    identifier: [
      {
        type: concept("http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "Medical record number"),
        system: "https://hospital.example.org/mrn",
        value: `MRN-${key}`,
      },
    ],
    name: [{ use: "official", family, given: [given] }],
    gender: "male",
    birthDate,
  };
  const coverage: Coverage = {
    resourceType: "Coverage",
    id: `${key}-coverage`,
    status: "active",
    identifier: [
      {
        type: concept("http://terminology.hl7.org/CodeSystem/v2-0203", "MB", "Member Number"),
        system: "https://plan.example.org/members",
        value: memberId,
      },
    ],
    subscriberId: memberId,
    relationship: concept("http://terminology.hl7.org/CodeSystem/subscriber-relationship", "self", "Self"),
    beneficiary: { reference: `Patient/${key}-patient` },
    payor: [{ display: "Example Health Plan" }],
  };
  return { key, resources: [patient, coverage] };
}

const subject = (r: Record_) => ({ reference: `Patient/${r.key}-patient` });

function observation(
  r: Record_,
  id: string,
  code: CodeableConcept,
  date: string,
  value: Pick<Observation, "valueQuantity" | "valueCodeableConcept" | "valueRatio" | "interpretation">,
  referenceRange?: ObservationReferenceRange[],
  category: CodeableConcept[] = labCategory,
): Observation {
  const obs: Observation = {
    resourceType: "Observation",
    id: `${r.key}-${id}`,
    status: "final",
    category,
    code,
    subject: subject(r),
    effectiveDateTime: date,
    ...value,
    ...(referenceRange === undefined ? {} : { referenceRange }),
  };
  r.resources.push(obs);
  return obs;
}

const upTo = (high: number, unit: string): ObservationReferenceRange[] => [{ high: quantity(high, unit) }];

const LOINC = {
  factorIx: concept(
    SYSTEMS.loinc,
    "3187-2",
    "Coagulation factor IX activity actual/normal in Platelet poor plasma by Coagulation assay",
  ),
  inhibitor: concept(
    SYSTEMS.loinc,
    "3185-6",
    "Coagulation factor IX inhibitor [Units/volume] in Platelet poor plasma by Coagulation assay",
  ),
  inhibitorPresence: concept(
    SYSTEMS.loinc,
    "30086-3",
    "Coagulation factor IX inhibitor [Presence] in Platelet poor plasma by Coagulation assay",
  ),
  alt: concept(SYSTEMS.loinc, "1742-6", "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma"),
  ast: concept(SYSTEMS.loinc, "1920-8", "Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma"),
  alp: concept(SYSTEMS.loinc, "6768-6", "Alkaline phosphatase [Enzymatic activity/volume] in Serum or Plasma"),
  bilirubin: concept(SYSTEMS.loinc, "1975-2", "Bilirubin.total [Mass/volume] in Serum or Plasma"),
  weight: concept(SYSTEMS.loinc, "29463-7", "Body weight"),
};

const weight = (r: Record_, id: string, date: string, value: number, unit: "kg" | "[lb_av]") =>
  observation(
    r,
    id,
    LOINC.weight,
    date,
    { valueQuantity: { ...quantity(value, unit), unit: unit === "kg" ? "kg" : "lb" } },
    undefined,
    vitalsCategory,
  );

const assay = (r: Record_, id: string, date: string, bu: number) =>
  observation(r, id, LOINC.inhibitor, date, {
    valueQuantity: { value: bu, unit: "BU", system: UCUM, code: "[beth'U]" },
  });

function liverPanel(r: Record_, date: string, alt: number): void {
  observation(r, "alt", LOINC.alt, date, { valueQuantity: quantity(alt, "U/L") }, upTo(56, "U/L"));
  observation(r, "ast", LOINC.ast, date, { valueQuantity: quantity(25, "U/L") }, upTo(40, "U/L"));
  observation(r, "alp", LOINC.alp, date, { valueQuantity: quantity(80, "U/L") }, upTo(129, "U/L"));
  observation(r, "bilirubin", LOINC.bilirubin, date, { valueQuantity: quantity(0.8, "mg/dL") }, upTo(1.2, "mg/dL"));
}

function study(r: Record_, id: string, code: CodeableConcept, date: string, normal: boolean): void {
  const report: DiagnosticReport = {
    resourceType: "DiagnosticReport",
    id: `${r.key}-${id}`,
    status: "final",
    category: [concept("http://terminology.hl7.org/CodeSystem/v2-0074", "RAD", "Radiology")],
    code,
    subject: subject(r),
    effectiveDateTime: date,
    conclusion: normal ? "No abnormality of the liver." : "Abnormal liver findings.",
    conclusionCode: [
      normal ? concept(SYSTEMS.snomed, "17621005", "Normal") : concept(SYSTEMS.snomed, "263654008", "Abnormal"),
    ],
  };
  r.resources.push(report);
}

/** Everything the eligible example's record holds; the variants change one part. */
function eligibleRecord(
  key: string,
  options: { alt?: number; withAssays?: boolean; withWeight?: boolean } = {},
): Record_ {
  const r = start(key, "Ada", "Example", "1985-04-12", "U1234567");
  const condition: Condition = {
    resourceType: "Condition",
    id: `${key}-hemophilia-b`,
    clinicalStatus: concept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active"),
    verificationStatus: concept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", "Confirmed"),
    category: [
      concept("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item", "Problem List Item"),
    ],
    code: {
      coding: [
        { system: SYSTEMS.icd10cm, code: "D67", display: "Hereditary factor IX deficiency" },
        { system: SYSTEMS.snomed, code: "41788008", display: "Hereditary factor IX deficiency disease" },
      ],
      text: "Hemophilia B",
    },
    subject: subject(r),
    onsetDateTime: "1986-02-01",
  };
  r.resources.push(condition);
  if (options.withWeight !== false) weight(r, "weight", "2026-10-20", 80, "kg");
  observation(r, "factor-ix", LOINC.factorIx, "2026-03-10", { valueQuantity: quantity(1, "%") }, upTo(150, "%"));
  if (options.withAssays !== false) assay(r, "inhibitor", "2026-10-02", 0.2);
  liverPanel(r, "2026-10-20", options.alt ?? 30);
  study(r, "ultrasound", concept(SYSTEMS.cpt, "76705", "Ultrasound, abdominal, limited (liver)"), "2026-10-21", true);
  study(r, "elastography", concept(SYSTEMS.cpt, "91200", "Liver elastography (FibroScan)"), "2026-10-21", true);
  const prophylaxis: MedicationStatement = {
    resourceType: "MedicationStatement",
    id: `${key}-alprolix`,
    status: "active",
    medicationCodeableConcept: concept(
      SYSTEMS.rxnorm,
      "1666323",
      "coagulation factor IX recombinant immunoglobulin G1 fusion protein 1 UNT Injection [Alprolix]",
    ),
    subject: subject(r),
    effectivePeriod: { start: "2023-06-01" },
    dosage: [{ text: "50 IU/kg intravenously once weekly (routine prophylaxis)", asNeededBoolean: false }],
  };
  r.resources.push(prophylaxis);
  observation(
    r,
    "aav5",
    concept(TEST_AAV5_CODE.system, TEST_AAV5_CODE.code, "AAV5 neutralizing antibody titer"),
    "2026-10-15",
    {
      valueRatio: { numerator: { value: 1 }, denominator: { value: 300 } },
      interpretation: [concept(SYSTEMS.interpretation, "POS", "Positive")],
    },
  );
  return r;
}

function bundleOf(r: Record_): Bundle {
  return {
    resourceType: "Bundle",
    id: `${r.key}-record`,
    type: "collection",
    entry: r.resources.map((resource) => ({
      fullUrl: `https://ehr.example.org/fhir/${resource.resourceType}/${resource.id ?? ""}`,
      resource,
    })),
  };
}

/** The bundle as a transaction of PUTs (ids kept), for loading into a FHIR server. */
export function asTransaction(bundle: Bundle): Bundle {
  return {
    resourceType: "Bundle",
    type: "transaction",
    entry: (bundle.entry ?? []).flatMap((e) =>
      e.resource === undefined
        ? []
        : [
            {
              fullUrl: e.fullUrl,
              resource: e.resource,
              request: { method: "PUT" as const, url: `${e.resource.resourceType}/${e.resource.id ?? ""}` },
            },
          ],
    ),
  };
}

// ---------------------------------------------------------------- the answers a person types

/** The eligible example's answers that no record holds (prescriber, bleeds, exposure days, attestations, dose). */
function typedAnswers(change?: (doc: RequestDocument) => void): RequestDocument {
  const doc: RequestDocument = {
    schemaVersion: 1,
    requestType: "initial",
    requestDate: TEST_PATIENT_REQUEST_DATE,
    lineOfBusiness: "commercial",
    prescriber: { name: "Dr. Example", npi: "1234567893", specialty: "hematology" },
    prophylaxis: { adherenceDocumented: true },
    bleeds: [{ date: "2025-09-14", site: "joint", spontaneous: true }],
    exposureDays: 220,
    inhibitor: { historyOfInhibitor: false },
    liver: { hepatologistAttestation: false },
    priorGeneTherapy: false,
    dose: { requestedGcPerKg: 2e13 },
  };
  change?.(doc);
  return doc;
}

const ELIGIBLE_EXPECTED = {
  "member.firstName": "Ada",
  "member.lastName": "Example",
  "member.memberId": "U1234567",
  "member.dateOfBirth": "1985-04-12",
  "member.weight": { value: 80, unit: "kg" },
  "diagnosis.condition": "congenital_hemophilia_b",
  "diagnosis.icd10": "D67",
  "diagnosis.factorIxActivityPercent": 1,
  "prophylaxis.product": "Alprolix",
  "prophylaxis.startDate": "2023-06-01",
  "inhibitor.assays": [{ date: "2026-10-02", bethesdaUnits: 0.2 }],
  "liver.enzymes.date": "2026-10-20",
  "liver.enzymes.alt.value": 30,
  "liver.enzymes.alt.upperLimit": 56,
  "liver.ultrasound.date": "2026-10-21",
  "liver.ultrasound.result": "normal",
  "liver.elastography.date": "2026-10-21",
  "liver.elastography.result": "normal",
  "aav5.result": "detected",
  "aav5.titer": 300,
} as const;

// ---------------------------------------------------------------- documents in the record

/**
 * Two one-page PDFs (hand-written, valid: pdf-lib opens them), as base64. The ultrasound report
 * says "Synthetic liver ultrasound report: normal liver, 21 Oct 2026"; the lab report "Synthetic
 * liver panel lab report: ALT 30 U/L, 20 Oct 2026".
 */
export const TEST_ULTRASOUND_REPORT_PDF =
  "JVBERi0xLjQKMSAwIG9iago8PCAvVHlwZSAvQ2F0YWxvZyAvUGFnZXMgMiAwIFIgPj4KZW5kb2JqCjIgMCBvYmoKPDwgL1R5cGUgL1BhZ2VzIC9LaWRzIFszIDAgUl0gL0NvdW50IDEgPj4KZW5kb2JqCjMgMCBvYmoKPDwgL1R5cGUgL1BhZ2UgL1BhcmVudCAyIDAgUiAvTWVkaWFCb3ggWzAgMCA2MTIgNzkyXSAvQ29udGVudHMgNCAwIFIgL1Jlc291cmNlcyA8PCAvRm9udCA8PCAvRjEgNSAwIFIgPj4gPj4gPj4KZW5kb2JqCjQgMCBvYmoKPDwgL0xlbmd0aCA5MSA+PgpzdHJlYW0KQlQgL0YxIDE0IFRmIDcyIDcyMCBUZCAoU3ludGhldGljIGxpdmVyIHVsdHJhc291bmQgcmVwb3J0OiBub3JtYWwgbGl2ZXIsIDIxIE9jdCAyMDI2KSBUaiBFVAplbmRzdHJlYW0KZW5kb2JqCjUgMCBvYmoKPDwgL1R5cGUgL0ZvbnQgL1N1YnR5cGUgL1R5cGUxIC9CYXNlRm9udCAvSGVsdmV0aWNhID4+CmVuZG9iagp4cmVmCjAgNgowMDAwMDAwMDAwIDY1NTM1IGYgCjAwMDAwMDAwMDkgMDAwMDAgbiAKMDAwMDAwMDA1OCAwMDAwMCBuIAowMDAwMDAwMTE1IDAwMDAwIG4gCjAwMDAwMDAyNDEgMDAwMDAgbiAKMDAwMDAwMDM4MiAwMDAwMCBuIAp0cmFpbGVyCjw8IC9TaXplIDYgL1Jvb3QgMSAwIFIgPj4Kc3RhcnR4cmVmCjQ1MgolJUVPRgo=";
export const TEST_LAB_REPORT_PDF =
  "JVBERi0xLjQKMSAwIG9iago8PCAvVHlwZSAvQ2F0YWxvZyAvUGFnZXMgMiAwIFIgPj4KZW5kb2JqCjIgMCBvYmoKPDwgL1R5cGUgL1BhZ2VzIC9LaWRzIFszIDAgUl0gL0NvdW50IDEgPj4KZW5kb2JqCjMgMCBvYmoKPDwgL1R5cGUgL1BhZ2UgL1BhcmVudCAyIDAgUiAvTWVkaWFCb3ggWzAgMCA2MTIgNzkyXSAvQ29udGVudHMgNCAwIFIgL1Jlc291cmNlcyA8PCAvRm9udCA8PCAvRjEgNSAwIFIgPj4gPj4gPj4KZW5kb2JqCjQgMCBvYmoKPDwgL0xlbmd0aCA4OCA+PgpzdHJlYW0KQlQgL0YxIDE0IFRmIDcyIDcyMCBUZCAoU3ludGhldGljIGxpdmVyIHBhbmVsIGxhYiByZXBvcnQ6IEFMVCAzMCBVL0wsIDIwIE9jdCAyMDI2KSBUaiBFVAplbmRzdHJlYW0KZW5kb2JqCjUgMCBvYmoKPDwgL1R5cGUgL0ZvbnQgL1N1YnR5cGUgL1R5cGUxIC9CYXNlRm9udCAvSGVsdmV0aWNhID4+CmVuZG9iagp4cmVmCjAgNgowMDAwMDAwMDAwIDY1NTM1IGYgCjAwMDAwMDAwMDkgMDAwMDAgbiAKMDAwMDAwMDA1OCAwMDAwMCBuIAowMDAwMDAwMTE1IDAwMDAwIG4gCjAwMDAwMDAyNDEgMDAwMDAgbiAKMDAwMDAwMDM3OSAwMDAwMCBuIAp0cmFpbGVyCjw8IC9TaXplIDYgL1Jvb3QgMSAwIFIgPj4Kc3RhcnR4cmVmCjQ0OQolJUVPRgo=";

/**
 * The eligible patient's reports: the liver ultrasound inline (its procedure code in
 * `context.event`), the liver panel's lab report as a Binary on the server (only a server can
 * give it; a Bundle file lists it as out of reach).
 */
function recordDocuments(r: Record_): { documents: DocumentReference[]; binaries: Binary[] } {
  const ultrasound: DocumentReference = {
    resourceType: "DocumentReference",
    id: `${r.key}-ultrasound-report`,
    status: "current",
    type: concept(SYSTEMS.loinc, "18748-4", "Diagnostic imaging study"),
    subject: subject(r),
    date: "2026-10-21T15:00:00Z",
    description: "Liver ultrasound report",
    content: [
      {
        attachment: {
          contentType: "application/pdf",
          title: "Liver ultrasound report",
          size: 635,
          creation: "2026-10-21",
          data: TEST_ULTRASOUND_REPORT_PDF,
        },
      },
    ],
    context: {
      event: [concept(SYSTEMS.cpt, "76705", "Ultrasound, abdominal, limited (liver)")],
    },
  };
  const binary: Binary = {
    resourceType: "Binary",
    id: `${r.key}-lab-report-pdf`,
    contentType: "application/pdf",
    data: TEST_LAB_REPORT_PDF,
  };
  const lab: DocumentReference = {
    resourceType: "DocumentReference",
    id: `${r.key}-lab-report`,
    status: "current",
    type: concept(SYSTEMS.loinc, "11502-2", "Laboratory report"),
    subject: subject(r),
    date: "2026-10-20T18:00:00Z",
    description: "Liver panel lab report",
    content: [
      {
        attachment: {
          contentType: "application/pdf",
          title: "Liver panel lab report",
          size: 632,
          url: `Binary/${binary.id ?? ""}`,
        },
      },
    ],
  };
  return { documents: [ultrasound, lab], binaries: [binary] };
}

// ---------------------------------------------------------------- the patients

function eligible(): TestPatient {
  const r = eligibleRecord("eligible");
  const { documents, binaries } = recordDocuments(r);
  r.resources.push(...documents);
  return {
    key: "eligible",
    title: "eligible (the spec's example request)",
    bundle: bundleOf(r),
    patientId: "eligible-patient",
    typed: typedAnswers(),
    expected: ELIGIBLE_EXPECTED,
    serverOnly: binaries,
  };
}

/** ALT 70 U/L over its upper limit of 56: I.A.8.c decides, by the hepatologist's attestation the person answers. */
function elevatedAlt(attested: boolean): TestPatient {
  const key = attested ? "elevated-alt-attested" : "elevated-alt";
  const r = eligibleRecord(key, { alt: 70 });
  if (attested) {
    // The consult note is supporting evidence to take along; the attestation itself is the person's answer.
    const note: DocumentReference = {
      resourceType: "DocumentReference",
      id: `${key}-hepatology-note`,
      status: "current",
      type: concept(SYSTEMS.loinc, "11488-4", "Consult note"),
      subject: subject(r),
      date: "2026-10-28T10:00:00Z",
      description: "Hepatology consultation: mildly raised ALT, no contraindication to gene therapy.",
      content: [
        {
          attachment: {
            contentType: "text/plain",
            title: "Hepatology consultation (synthetic)",
            // "Synthetic hepatology consultation note. ALT mildly raised; eligible for gene therapy."
            data: "U3ludGhldGljIGhlcGF0b2xvZ3kgY29uc3VsdGF0aW9uIG5vdGUuIEFMVCBtaWxkbHkgcmFpc2VkOyBlbGlnaWJsZSBmb3IgZ2VuZSB0aGVyYXB5Lg==",
          },
        },
      ],
    };
    r.resources.push(note);
  }
  return {
    key: attested ? "elevatedAltAttested" : "elevatedAlt",
    title: attested
      ? "ALT above its upper limit, with hepatologist attestation"
      : "ALT above its upper limit, no attestation",
    bundle: bundleOf(r),
    patientId: `${key}-patient`,
    typed: typedAnswers((doc) => {
      doc.liver = { hepatologistAttestation: attested };
    }),
    expected: { ...ELIGIBLE_EXPECTED, "liver.enzymes.alt.value": 70, "liver.enzymes.alt.upperLimit": 56 },
    serverOnly: [],
  };
}

/** A positive inhibitor (1.2 BU) and a negative retest 14 days later (0.3 BU), beside a qualitative "detected". */
function inhibitorRetest(): TestPatient {
  const key = "inhibitor-retest";
  const r = eligibleRecord(key, { withAssays: false });
  assay(r, "inhibitor-positive", "2026-09-01", 1.2);
  assay(r, "inhibitor-retest", "2026-09-15", 0.3);
  observation(r, "inhibitor-screen", LOINC.inhibitorPresence, "2026-09-01", {
    valueCodeableConcept: concept(SYSTEMS.snomed, "260373001", "Detected"),
  });
  return {
    key: "inhibitorRetest",
    title: "positive inhibitor with a negative retest on day 14",
    bundle: bundleOf(r),
    patientId: `${key}-patient`,
    typed: typedAnswers(),
    expected: {
      ...ELIGIBLE_EXPECTED,
      "inhibitor.assays": [
        { date: "2026-09-01", bethesdaUnits: 1.2 },
        { date: "2026-09-15", bethesdaUnits: 0.3 },
      ],
    },
    serverOnly: [],
  };
}

/** Weight recorded as 176 [lb_av]: 79.8 kg. */
function weightInPounds(): TestPatient {
  const key = "weight-in-pounds";
  const r = eligibleRecord(key, { withWeight: false });
  weight(r, "weight", "2026-10-20", 176, "[lb_av]");
  return {
    key: "weightInPounds",
    title: "weight in pounds",
    bundle: bundleOf(r),
    patientId: `${key}-patient`,
    typed: typedAnswers(),
    expected: { ...ELIGIBLE_EXPECTED, "member.weight": { value: 79.8, unit: "kg" } },
    serverOnly: [],
  };
}

/** Two weights: 82 kg in June, 80.5 kg in November; the later one wins, the other is listed. */
function twoWeights(): TestPatient {
  const key = "two-weights";
  const r = eligibleRecord(key, { withWeight: false });
  weight(r, "weight-june", "2026-06-01", 82, "kg");
  weight(r, "weight-november", "2026-11-02", 80.5, "kg");
  return {
    key: "twoWeights",
    title: "two weights on different dates",
    bundle: bundleOf(r),
    patientId: `${key}-patient`,
    typed: typedAnswers(),
    expected: { ...ELIGIBLE_EXPECTED, "member.weight": { value: 80.5, unit: "kg" } },
    serverOnly: [],
  };
}

/** Fresh copies on every call: tests may change them. */
export function testPatients(): Record<TestPatientKey, TestPatient> {
  return {
    eligible: eligible(),
    elevatedAlt: elevatedAlt(false),
    elevatedAltAttested: elevatedAlt(true),
    inhibitorRetest: inhibitorRetest(),
    weightInPounds: weightInPounds(),
    twoWeights: twoWeights(),
  };
}

// ---------------------------------------------------------------- files that must be refused or reported

export interface BadRecordFile {
  /** A file name for an upload ("two-patients.json"). */
  name: string;
  /** The file's text. */
  text: string;
  /** The problems the import must report, in order. */
  problems: readonly RecordProblemCode[];
  /** Fatal: the file gives no answers at all. */
  fatal: boolean;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** One file per kind of bad input (issue 12, "Bad input"), each with the problem the import gives. */
export function badRecordFiles(): BadRecordFile[] {
  const base = eligibleRecord("bad-input");
  const other = start("other-person", "Bea", "Other", "1979-02-03", "U7654321");
  const otherWeight = weight(other, "weight", "2026-10-20", 70, "kg");
  const mixed = bundleOf({ key: "two-patients", resources: [...base.resources, ...other.resources, otherWeight] });
  const r5 = bundleOf(start("r5", "Cy", "Later", "1990-01-01", "U5555555"));
  r5.entry?.push({
    resource: {
      resourceType: "MedicationRequest",
      id: "r5-benefix",
      status: "active",
      intent: "order",
      subject: { reference: "Patient/r5-patient" },
      // R5's CodeableReference: R4 has medicationCodeableConcept here.
      medication: { concept: concept(SYSTEMS.rxnorm, "1", "BeneFIX") },
    } as unknown as Resource,
  });
  const noPatient = bundleOf({
    key: "no-patient",
    resources: base.resources.filter((r) => r.resourceType !== "Patient"),
  });
  const perResource = eligibleRecord("per-resource");
  observation(
    perResource,
    "alt-after",
    LOINC.alt,
    "2026-12-15",
    { valueQuantity: quantity(90, "U/L") },
    upTo(56, "U/L"),
  );
  observation(perResource, "weight-stones", LOINC.weight, "2026-11-01", {
    valueQuantity: quantity(12.5, "[stone_av]"),
  });
  observation(
    perResource,
    "local-test",
    concept("https://lab.example.org/codes", "XYZ-9", "House test 9"),
    "2026-10-20",
    {
      valueQuantity: quantity(3, "U/L"),
    },
  );
  return [
    { name: "not-json.txt", text: "Ada Example, factor IX 1 %\n", problems: ["not-json"], fatal: true },
    { name: "patient-only.json", text: json(base.resources[0]), problems: ["not-bundle"], fatal: true },
    { name: "r5-bundle.json", text: json(r5), problems: ["not-r4"], fatal: true },
    {
      name: "batch-bundle.json",
      text: json({ ...bundleOf(base), type: "batch" }),
      problems: ["bundle-type"],
      fatal: true,
    },
    { name: "no-patient.json", text: json(noPatient), problems: ["no-patient"], fatal: true },
    { name: "two-patients.json", text: json(mixed), problems: ["several-patients"], fatal: true },
    {
      name: "future-unit-unknown.json",
      text: json(bundleOf(perResource)),
      problems: ["unit", "unknown-code", "future"],
      fatal: false,
    },
  ];
}

/** The files of fixtures/fhir/: each patient's bundle ("eligible.json"), then the bad inputs. */
export function fhirFixtureFiles(): { name: string; text: string }[] {
  return [
    ...Object.values(testPatients()).map((p) => ({ name: `${p.key}.json`, text: json(p.bundle) })),
    ...badRecordFiles().map(({ name, text }) => ({ name: `bad/${name}`, text })),
  ];
}
