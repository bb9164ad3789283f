/**
 * The values behind each criterion, for the reviewer: not "within normal limits" but "ALT 30 /
 * upper limit 56, drawn 20 Oct 2026". Each criterion gets the answers that feed it (see
 * `CRITERIA[id].fields`), in words, with "Not answered" where the request is silent.
 */
import { ageInFullYears } from "./dates";
import type { Evaluation } from "./evaluation";
import { formatDate, formatGenomeCopies, formatTiter } from "./format";
import { FACTOR_IX_PRODUCT_LABELS, SPECIALTY_LABELS, STUDY_RESULT_LABELS } from "./labels";
import { BLEED_SITE_LABELS, MAX_GC_PER_KG, type CriterionId } from "./policy";
import type { LabResult, LiverStudy, RequestDocument } from "./schema";

export interface EvidenceItem {
  label: string;
  value: string;
}

export const NOT_ANSWERED = "Not answered";

const yesNo = (value: boolean | undefined): string => (value === undefined ? NOT_ANSWERED : value ? "Yes" : "No");
const date = (value: string | undefined): string => (value === undefined ? NOT_ANSWERED : formatDate(value));
const count = (value: number | undefined, unit = ""): string =>
  value === undefined ? NOT_ANSWERED : `${value}${unit}`;

function lab(result: LabResult | undefined): string {
  if (result?.value === undefined && result?.upperLimit === undefined) return NOT_ANSWERED;
  const value = result.value === undefined ? "value not answered" : String(result.value);
  const limit = result.upperLimit === undefined ? "upper limit not answered" : `upper limit ${result.upperLimit}`;
  return `${value} / ${limit}`;
}

function study(result: LiverStudy | undefined): string {
  if (result?.result === undefined && result?.date === undefined) return NOT_ANSWERED;
  const reading = result.result === undefined ? "Result not answered" : STUDY_RESULT_LABELS[result.result];
  return `${reading}, ${result.date === undefined ? "date not answered" : formatDate(result.date)}`;
}

function diagnosis(doc: RequestDocument): string {
  switch (doc.diagnosis?.condition) {
    case "congenital_hemophilia_b":
      return "Congenital hemophilia B";
    case "other":
      return `Other: ${doc.diagnosis.otherDescription ?? "not described"}`;
    case undefined:
      return NOT_ANSWERED;
  }
}

function assays(doc: RequestDocument): EvidenceItem[] {
  const list = doc.inhibitor?.assays;
  if (list === undefined) return [{ label: "Inhibitor assays", value: NOT_ANSWERED }];
  if (list.length === 0) return [{ label: "Inhibitor assays", value: "None on record" }];
  return list.map((assay, index) => ({
    label: `Assay ${index + 1}`,
    value: `${assay.bethesdaUnits === undefined ? "Bethesda units not answered" : `${assay.bethesdaUnits} BU`}, ${
      assay.date === undefined ? "date not answered" : formatDate(assay.date)
    }`,
  }));
}

function bleeds(doc: RequestDocument): EvidenceItem[] {
  const list = doc.bleeds;
  const start = { label: "Prophylaxis start", value: date(doc.prophylaxis?.startDate) };
  if (list === undefined) return [{ label: "Bleeding episodes", value: NOT_ANSWERED }, start];
  if (list.length === 0) return [{ label: "Bleeding episodes", value: "None on record" }, start];
  return [
    ...list.map((bleed, index) => ({
      label: `Bleed ${index + 1}`,
      value: [
        bleed.date === undefined ? "date not answered" : formatDate(bleed.date),
        bleed.site === undefined ? "site not answered" : BLEED_SITE_LABELS[bleed.site],
        bleed.spontaneous === undefined
          ? "spontaneous not answered"
          : bleed.spontaneous
            ? "spontaneous"
            : "not spontaneous",
      ].join(", "),
    })),
    start,
  ];
}

function weight(doc: RequestDocument, evaluation: Evaluation): string {
  const w = doc.member?.weight;
  if (w?.value === undefined) return NOT_ANSWERED;
  const kg = w.unit === "lb" && evaluation.dose !== undefined ? ` (${evaluation.dose.weightKg} kg)` : "";
  return `${w.value} ${w.unit ?? "(unit not answered)"}${kg}`;
}

function dose(doc: RequestDocument, evaluation: Evaluation): EvidenceItem[] {
  const requested = doc.dose?.requestedGcPerKg;
  const items: EvidenceItem[] = [
    { label: "Weight", value: weight(doc, evaluation) },
    {
      label: "Requested dose",
      value:
        requested === undefined
          ? `${NOT_ANSWERED} (the maximum, ${formatGenomeCopies(MAX_GC_PER_KG)} gc/kg, is assumed)`
          : `${formatGenomeCopies(requested)} gc/kg`,
    },
  ];
  const block = evaluation.dose;
  if (block !== undefined)
    items.push({
      label: "Total",
      value: `${formatGenomeCopies(block.requestedTotalGc ?? block.maxTotalGc)} genome copies = ${block.volumeMl} mL, ${block.vials} vials`,
    });
  return items;
}

/** Every criterion of I.A with the values it was decided on. */
export function criterionEvidence(doc: RequestDocument, evaluation: Evaluation): Record<CriterionId, EvidenceItem[]> {
  const member = doc.member;
  const prescriber = doc.prescriber;
  const enzymes = doc.liver?.enzymes;
  const dob = member?.dateOfBirth;
  const evidence: Record<CriterionId, EvidenceItem[]> = {
    "I.A.1": [
      { label: "Diagnosis", value: diagnosis(doc) },
      { label: "ICD-10 code", value: doc.diagnosis?.icd10 ?? NOT_ANSWERED },
    ],
    "I.A.2": [
      {
        label: "Prescriber's specialty",
        value: prescriber?.specialty === undefined ? NOT_ANSWERED : SPECIALTY_LABELS[prescriber.specialty],
      },
      ...(prescriber?.specialty === "other"
        ? [{ label: "Hematologist consulted", value: yesNo(prescriber.hematologistConsulted) }]
        : []),
    ],
    "I.A.3": [
      {
        label: "Date of birth",
        value:
          dob === undefined
            ? NOT_ANSWERED
            : `${formatDate(dob)} (age ${ageInFullYears(dob, doc.requestDate)} on ${formatDate(doc.requestDate)})`,
      },
    ],
    "I.A.4": [{ label: "Baseline factor IX activity", value: count(doc.diagnosis?.factorIxActivityPercent, "%") }],
    "I.A.5.a": [
      {
        label: "Factor IX product",
        value:
          doc.prophylaxis?.product === undefined ? NOT_ANSWERED : FACTOR_IX_PRODUCT_LABELS[doc.prophylaxis.product],
      },
      { label: "Prophylaxis start", value: date(doc.prophylaxis?.startDate) },
      { label: "Adherence documented", value: yesNo(doc.prophylaxis?.adherenceDocumented) },
    ],
    "I.A.5.b": bleeds(doc),
    "I.A.6": [{ label: "Exposure days", value: count(doc.exposureDays) }],
    "I.A.7.a": [{ label: "History of inhibitor", value: yesNo(doc.inhibitor?.historyOfInhibitor) }],
    "I.A.7.b": assays(doc),
    "I.A.7.c": assays(doc),
    "I.A.8.a": [
      { label: "Drawn", value: date(enzymes?.date) },
      { label: "ALT", value: lab(enzymes?.alt) },
      { label: "AST", value: lab(enzymes?.ast) },
      { label: "ALP", value: lab(enzymes?.alp) },
      { label: "Total bilirubin", value: lab(enzymes?.totalBilirubin) },
    ],
    "I.A.8.b": [
      { label: "Ultrasound", value: study(doc.liver?.ultrasound) },
      { label: "Elastography", value: study(doc.liver?.elastography) },
    ],
    "I.A.8.c": [{ label: "Hepatologist attestation", value: yesNo(doc.liver?.hepatologistAttestation) }],
    "I.A.9": [{ label: "Prior gene therapy", value: yesNo(doc.priorGeneTherapy) }],
    "I.A.10": [
      {
        label: "AAV5 antibodies",
        value:
          doc.aav5?.result === undefined
            ? NOT_ANSWERED
            : doc.aav5.result === "not_detected"
              ? "Not detected"
              : `Detected, titer ${doc.aav5.titer === undefined ? "not answered" : formatTiter(doc.aav5.titer)}`,
      },
      // The request document has no date for this test (its shape is fixed by the spec).
      { label: "Test date", value: "Not part of the request: see the attached report" },
    ],
    "I.A.11": dose(doc, evaluation),
  };
  return evidence;
}
