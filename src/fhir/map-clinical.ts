/**
 * Conditions, medications and imaging → candidates: the diagnosis, the factor IX prophylaxis
 * (product and start), and the liver ultrasound and elastography dates with their coded results.
 */
import type {
  CodeableConcept,
  Condition,
  DiagnosticReport,
  Dosage,
  MedicationRequest,
  MedicationStatement,
  Procedure,
  Resource,
} from "@medplum/fhirtypes";
import { formatDate } from "@/criteria";
import {
  FACTOR_IX_BRANDS,
  FACTOR_IX_GENERIC,
  HEMOPHILIA_B,
  LIVER_STUDIES,
  STUDY_RESULT_CODES,
  SYSTEMS,
  type ProductAnswer,
} from "./codes";
import type { StudyValue } from "./map-observations";
import {
  codeWords,
  codingsOf,
  conceptName,
  dayOf,
  hasCode,
  localReference,
  looksRelevant,
  matches,
  referenceTo,
  sourceDisplay,
  type Candidate,
} from "./record";
import type { RecordProblem, RecordSource } from "./types";

// ---------------------------------------------------------------- diagnosis

export interface DiagnosisCandidate {
  source: RecordSource;
  /** "D67" when the Condition carries the ICD-10 code itself (a SNOMED CT code alone gives no ICD-10 answer). */
  icd10?: "D67";
}

const NOT_A_DIAGNOSIS = new Set(["entered-in-error", "refuted"]);

export function readCondition(condition: Condition, problems: RecordProblem[]): DiagnosisCandidate | undefined {
  const verification = codingsOf(condition.verificationStatus).map((c) => c.code ?? "");
  if (verification.some((code) => NOT_A_DIAGNOSIS.has(code))) return undefined;
  const reference = referenceTo(condition);
  if (!hasCode(condition.code, HEMOPHILIA_B)) {
    if (looksRelevant(condition.code)) {
      problems.push({
        code: "unknown-code",
        reference,
        message: `${reference} (${conceptName(condition.code)}; ${codeWords(condition.code)}) is not coded as hereditary factor IX deficiency (ICD-10-CM D67 or SNOMED CT 1220003), so it is not read as the diagnosis. Answer the diagnosis by hand.`,
      });
    }
    return undefined;
  }
  const icd = codingsOf(condition.code).some(
    (c) => c.code === "D67" && (c.system === SYSTEMS.icd10cm || c.system === SYSTEMS.icd10),
  );
  const date = dayOf(condition.onsetDateTime ?? condition.recordedDate);
  const coded = icd ? "ICD-10 D67" : "SNOMED CT 1220003";
  return {
    source: {
      reference,
      ...(date === undefined ? {} : { date }),
      display: `Hereditary factor IX deficiency (${coded})`,
    },
    ...(icd ? { icd10: "D67" as const } : {}),
  };
}

// ---------------------------------------------------------------- prophylaxis

export interface ProphylaxisValue {
  /** Undefined when the record names factor IX without a brand. */
  product?: ProductAnswer;
  productName: string;
}

const STOPPED_OR_VOID = new Set(["entered-in-error", "cancelled", "draft", "not-taken", "intended", "unknown"]);

/** The factor IX product a medication concept names, by RxNorm; undefined when it is not factor IX. */
export function factorIxProduct(concept: CodeableConcept | undefined): ProphylaxisValue | undefined {
  const rxnorm = codingsOf(concept).filter((c) => c.system === SYSTEMS.rxnorm);
  for (const brand of FACTOR_IX_BRANDS) {
    const byCode = rxnorm.some((c) => brand.rxcuis.some((e) => matches(c, e)));
    // RxNorm writes a branded drug "… [Brand]" and a brand-name concept as the bare brand.
    const pattern = new RegExp(`\\[${brand.brand}\\]|^${brand.brand}$`, "i");
    const byName = rxnorm.some((c) => typeof c.display === "string" && pattern.test(c.display.trim()));
    if (byCode || byName) return { product: brand.answer, productName: brand.brand };
  }
  const generic =
    rxnorm.some((c) => FACTOR_IX_GENERIC.some((e) => matches(c, e))) ||
    rxnorm.some((c) => typeof c.display === "string" && /factor ix/i.test(c.display));
  return generic ? { productName: "factor IX (no brand named)" } : undefined;
}

function medicationConcept(
  resource: MedicationRequest | MedicationStatement,
  byReference: ReadonlyMap<string, Resource>,
): CodeableConcept | undefined {
  if (resource.medicationCodeableConcept !== undefined) return resource.medicationCodeableConcept;
  const target = resource.medicationReference?.reference;
  if (typeof target !== "string") return undefined;
  const found = target.startsWith("#")
    ? resource.contained?.find((c) => c.resourceType === "Medication" && `#${c.id ?? ""}` === target)
    : byReference.get(localReference(resource.medicationReference) ?? "");
  return found?.resourceType === "Medication" ? found.code : undefined;
}

const asNeeded = (dosages: readonly Dosage[] | undefined): boolean =>
  (dosages ?? []).some((d) => d.asNeededBoolean === true);

/** A factor IX order or statement as prophylaxis from its start; undefined when it is no factor IX. */
export function readMedication(
  resource: MedicationRequest | MedicationStatement,
  byReference: ReadonlyMap<string, Resource>,
  problems: RecordProblem[],
): { candidate?: Candidate<ProphylaxisValue>; onDemand?: RecordSource } | undefined {
  if (STOPPED_OR_VOID.has(resource.status)) return undefined;
  const reference = referenceTo(resource);
  const concept = medicationConcept(resource, byReference);
  const product = factorIxProduct(concept);
  if (product === undefined) {
    if (looksRelevant(concept)) {
      problems.push({
        code: "unknown-code",
        reference,
        message: `${reference} (${conceptName(concept)}) names no factor IX product by an RxNorm code this import reads, so it is skipped. Enter the prophylaxis product and start date by hand.`,
      });
    }
    return undefined;
  }
  const start =
    resource.resourceType === "MedicationStatement"
      ? (resource.effectivePeriod?.start ?? resource.effectiveDateTime)
      : (resource.dispenseRequest?.validityPeriod?.start ?? resource.authoredOn);
  const date = dayOf(start);
  if (date === undefined || start === undefined) {
    problems.push({
      code: "invalid",
      reference,
      message: `${reference} (${product.productName}) has no full start date, so it is skipped. Enter the prophylaxis start date by hand.`,
    });
    return undefined;
  }
  const dosages = resource.resourceType === "MedicationStatement" ? resource.dosage : resource.dosageInstruction;
  const display = `${product.productName} ${asNeeded(dosages) ? "as needed" : "prophylaxis"} from ${formatDate(date)}`;
  const source = { reference, date, display };
  // Taken as needed is on-demand treatment, not routine prophylaxis: shown, not used.
  if (asNeeded(dosages)) return { onDemand: { ...source, display: `${display} (as needed: not prophylaxis)` } };
  return { candidate: { date, instant: start, value: product, source } };
}

// ---------------------------------------------------------------- liver imaging

export type StudyKind = "ultrasound" | "elastography";

const REPORT_DONE = new Set(["final", "amended", "corrected", "appended"]);

/** A DiagnosticReport or Procedure of a liver ultrasound or elastography, with its coded result if any. */
export function readStudy(
  resource: DiagnosticReport | Procedure,
  problems: RecordProblem[],
): { kind: StudyKind; candidate: Candidate<StudyValue> } | undefined {
  const kind = (Object.keys(LIVER_STUDIES) as StudyKind[]).find((k) => hasCode(resource.code, LIVER_STUDIES[k]));
  const reference = referenceTo(resource);
  if (kind === undefined) {
    // A lab report's values are its result Observations, read one by one; only a study is read here.
    const labReport = resource.resourceType === "DiagnosticReport" && (resource.result?.length ?? 0) > 0;
    if (!labReport && looksRelevant(resource.code)) {
      problems.push({
        code: "unknown-code",
        reference,
        message: `${reference} (${conceptName(resource.code)}; ${codeWords(resource.code)}) is not coded as a liver ultrasound or elastography this import reads, so it is skipped. Enter the study's date and result by hand.`,
      });
    }
    return undefined;
  }
  const done =
    resource.resourceType === "DiagnosticReport" ? REPORT_DONE.has(resource.status) : resource.status === "completed";
  if (!done) return undefined;
  const instant =
    resource.resourceType === "DiagnosticReport"
      ? (resource.effectiveDateTime ?? resource.effectivePeriod?.start)
      : (resource.performedDateTime ?? resource.performedPeriod?.start);
  const date = dayOf(instant);
  const name = kind === "ultrasound" ? "Liver ultrasound" : "Liver elastography";
  if (date === undefined || instant === undefined) {
    problems.push({
      code: "invalid",
      reference,
      message: `${reference} (${name}) has no full date, so it is skipped. Enter the study's date by hand.`,
    });
    return undefined;
  }
  const concepts = resource.resourceType === "DiagnosticReport" ? resource.conclusionCode : undefined;
  const entry = STUDY_RESULT_CODES.find((e) =>
    (concepts ?? []).some((c) => codingsOf(c).some((coding) => matches(coding, e))),
  );
  const value: StudyValue = entry === undefined ? {} : { result: entry.result };
  const words = entry === undefined ? "" : ` ${entry.result}`;
  return {
    kind,
    candidate: { date, instant, value, source: { reference, date, display: sourceDisplay(`${name}${words}`, date) } },
  };
}
