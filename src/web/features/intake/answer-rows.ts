/**
 * What "Check your answers" shows for a draft: for each question page, its rows (label, the answer
 * as words with its units, or what needs correcting) and the input each row's Change link opens.
 * Pure: the page renders it, the test reads it.
 */
import type { Path } from "react-hook-form";
import {
  AAV5_RESULT_LABELS,
  BLEED_CAUSE_LABELS,
  BLEED_SITE_LABELS,
  CONDITION_LABELS,
  FACTOR_IX_PRODUCT_LABELS,
  FIELD_LABELS,
  LINE_OF_BUSINESS_LABELS,
  LIVER_TEST_UNITS,
  REQUEST_TYPE_LABELS,
  SPECIALTY_LABELS,
  STUDY_RESULT_LABELS,
} from "@/criteria";
import { dateProblem, dateProblemMessage, formatDateParts, isBlankDate, type DateParts } from "@/web/lib/date-parts";
import type { Draft, YesNo } from "./draft";
import { STEP_IDS, type StepId } from "./steps";

export interface AnswerRow {
  label: string;
  /** The input the Change link focuses. */
  field: Path<Draft>;
  value: string;
  /** Something typed that cannot be shown as an answer yet (an impossible date): what to correct. */
  problem?: string;
  /**
   * The Change link's hidden words ("Change liver enzymes"); `null` when the row is changed through
   * the row above it (one link for one lab panel keeps the page's Tab stops few).
   */
  change?: string | null;
}

const yesNo = (v: YesNo): string => (v === "yes" ? "Yes" : v === "no" ? "No" : "");
const or = (value: string, unit = ""): string => (value.trim() === "" ? "" : `${value.trim()}${unit}`);
const choice = <T extends string>(value: "" | T, labels: Readonly<Record<T, string>>): string =>
  value === "" ? "" : labels[value];

/** A date row: "27 Mar 2007", blank, or what needs correcting (never "Not answered" for what was typed). */
function dateRow(label: string, field: Path<Draft>, parts: DateParts): AnswerRow {
  const problem = dateProblem(parts);
  const name = FIELD_LABELS[field] ?? label;
  return problem === undefined
    ? { label, field, value: formatDateParts(parts) }
    : { label, field, value: "", problem: dateProblemMessage(name, problem) };
}

/** A date inside a list entry: readable, or said to need correcting. */
const dateInList = (parts: DateParts): string =>
  isBlankDate(parts) ? "" : dateProblem(parts) === undefined ? formatDateParts(parts) : "date needs correcting";

function labValue(d: Draft, key: keyof typeof LIVER_TEST_UNITS): string {
  const { value, upperLimit } = d.liver.enzymes[key];
  if (value.trim() === "") return "";
  const unit = LIVER_TEST_UNITS[key];
  const limit = upperLimit.trim() === "" ? "not entered" : `${upperLimit.trim()} ${unit}`;
  return `${value.trim()} ${unit} (upper limit of normal ${limit})`;
}

/** Every page's rows, the conditional ones only when their question applies. */
export function answerRows(d: Draft): Record<StepId, AnswerRow[]> {
  const other = d.diagnosis.condition === "other";
  return {
    request: [
      {
        label: "Request type",
        field: "requestType",
        value: choice(d.requestType, REQUEST_TYPE_LABELS),
      },
      dateRow("Request date", "requestDate", d.requestDate),
      { label: "Line of business", field: "lineOfBusiness", value: choice(d.lineOfBusiness, LINE_OF_BUSINESS_LABELS) },
    ],
    member: [
      { label: "Name", field: "member.firstName", value: `${d.member.firstName} ${d.member.lastName}`.trim() },
      { label: "Member ID", field: "member.memberId", value: d.member.memberId },
      dateRow("Date of birth", "member.dateOfBirth", d.member.dateOfBirth),
      { label: "Weight", field: "member.weight.value", value: or(d.member.weight.value, ` ${d.member.weight.unit}`) },
    ],
    prescriber: [
      { label: "Name", field: "prescriber.name", value: d.prescriber.name },
      { label: "NPI", field: "prescriber.npi", value: d.prescriber.npi },
      {
        label: "Specialty",
        field: "prescriber.specialty",
        value: choice(d.prescriber.specialty, SPECIALTY_LABELS),
      },
      ...(d.prescriber.specialty === "other"
        ? ([
            {
              label: "Hematologist consulted",
              field: "prescriber.hematologistConsulted",
              value: yesNo(d.prescriber.hematologistConsulted),
            },
          ] satisfies AnswerRow[])
        : []),
    ],
    diagnosis: [
      {
        label: "Diagnosis",
        field: "diagnosis.condition",
        value: choice(d.diagnosis.condition, CONDITION_LABELS),
      },
      ...(d.diagnosis.condition !== ""
        ? ([
            {
              label: "Baseline factor IX activity",
              field: "diagnosis.factorIxActivityPercent",
              value: or(d.diagnosis.factorIxActivityPercent, "%"),
            },
            {
              label: "ICD-10 code",
              field: "diagnosis.icd10",
              value: d.diagnosis.icd10.trim() === "" ? "D67" : d.diagnosis.icd10,
            },
          ] satisfies AnswerRow[])
        : []),
      ...(other
        ? ([
            { label: "Description", field: "diagnosis.otherDescription", value: d.diagnosis.otherDescription },
            {
              label: "Recent label change",
              field: "diagnosis.recentLabelChange",
              value: yesNo(d.diagnosis.recentLabelChange),
            },
            ...(d.diagnosis.recentLabelChange === "yes"
              ? ([
                  { label: "On formulary", field: "diagnosis.onFormulary", value: yesNo(d.diagnosis.onFormulary) },
                ] satisfies AnswerRow[])
              : []),
          ] satisfies AnswerRow[])
        : []),
    ],
    prophylaxis: [
      {
        label: "Product",
        field: "prophylaxis.product",
        value: choice(d.prophylaxis.product, FACTOR_IX_PRODUCT_LABELS),
      },
      dateRow("Prophylaxis since", "prophylaxis.startDate", d.prophylaxis.startDate),
      {
        label: "Adherence documented",
        field: "prophylaxis.adherenceDocumented",
        value: yesNo(d.prophylaxis.adherenceDocumented),
      },
      {
        label: "Bleeding episodes",
        field: "bleedsOnRecord",
        value:
          d.bleedsOnRecord === "no"
            ? "None on record"
            : d.bleedsOnRecord === "yes"
              ? d.bleeds
                  .map((b) =>
                    [
                      dateInList(b.date),
                      b.site === "" ? "" : BLEED_SITE_LABELS[b.site],
                      b.spontaneous === "yes"
                        ? BLEED_CAUSE_LABELS.spontaneous.toLowerCase()
                        : b.spontaneous === "no"
                          ? BLEED_CAUSE_LABELS.traumatic.toLowerCase()
                          : "",
                    ]
                      .filter(Boolean)
                      .join(", "),
                  )
                  .join("; ") || "None entered"
              : "",
      },
    ],
    "exposure-days": [{ label: "Exposure days", field: "exposureDays", value: d.exposureDays }],
    inhibitor: [
      {
        label: "History of inhibitor",
        field: "inhibitor.historyOfInhibitor",
        value: yesNo(d.inhibitor.historyOfInhibitor),
      },
      {
        label: "Assays",
        field: "inhibitor.assaysOnRecord",
        value:
          d.inhibitor.assaysOnRecord === "no"
            ? "None on record"
            : d.inhibitor.assaysOnRecord === "yes"
              ? d.inhibitor.assays
                  .map((a) => [dateInList(a.date), or(a.bethesdaUnits, " BU")].filter(Boolean).join(": "))
                  .join("; ") || "None entered"
              : "",
      },
    ],
    liver: [
      { ...dateRow("Enzymes drawn", "liver.enzymes.date", d.liver.enzymes.date), change: "liver enzymes" },
      ...(["alt", "ast", "alp", "totalBilirubin"] as const).map((key): AnswerRow => ({
        label: key === "totalBilirubin" ? "Total bilirubin" : key.toUpperCase(),
        field: `liver.enzymes.${key}.value`,
        value: labValue(d, key),
        change: null,
      })),
      ...(["ultrasound", "elastography"] as const).map((study) => {
        const label = study === "ultrasound" ? "Ultrasound" : "Elastography";
        const date = dateRow(label, `liver.${study}.date`, d.liver[study].date);
        const result = choice(d.liver[study].result, STUDY_RESULT_LABELS);
        return { ...date, value: [date.value, result].filter(Boolean).join(", ") };
      }),
      ...(d.liver.hepatologistAttestation === ""
        ? []
        : ([
            {
              label: "Hepatologist attestation",
              field: "liver.hepatologistAttestation",
              value: yesNo(d.liver.hepatologistAttestation),
            },
          ] satisfies AnswerRow[])),
    ],
    "gene-therapy": [
      { label: "Prior gene therapy", field: "priorGeneTherapy", value: yesNo(d.priorGeneTherapy) },
      {
        label: "AAV5 antibodies",
        field: "aav5.result",
        value:
          d.aav5.result === "detected" && d.aav5.titer.trim() !== ""
            ? `${AAV5_RESULT_LABELS.detected}, titer 1:${d.aav5.titer.trim()}`
            : choice(d.aav5.result, AAV5_RESULT_LABELS),
      },
    ],
    dose: [
      { label: "Requested dose", field: "dose.requestedGcPerKg", value: or(d.dose.requestedGcPerKg, " × 10^13 gc/kg") },
    ],
  };
}

/** The pages "Check your answers" lists: up to the diagnosis when it is outside this policy (the rest does not apply). */
export const checkedSteps = (draft: Draft): readonly StepId[] =>
  draft.diagnosis.condition === "other" ? STEP_IDS.slice(0, STEP_IDS.indexOf("diagnosis") + 1) : STEP_IDS;
