/**
 * One patient's resources → the answers they would fill in the request document, each with its
 * source and the candidates not chosen, plus the problems of what could not be read.
 */
import type { Coverage, Resource } from "@medplum/fhirtypes";
import {
  AAV5_RESULT_LABELS,
  CONDITION_LABELS,
  FACTOR_IX_PRODUCT_LABELS,
  STUDY_RESULT_LABELS,
  formatDate,
  formatTiter,
  hasIsoDateShape,
  isRealDate,
} from "@/criteria";
import {
  readCondition,
  readMedication,
  readStudy,
  type DiagnosisCandidate,
  type ProphylaxisValue,
  type StudyKind,
} from "./map-clinical";
import {
  emptyObservationCandidates,
  readObservation,
  type EnzymeKey,
  type LabValue,
  type StudyValue,
} from "./map-observations";
import { checkPatient, memberAnswers, patientSummary } from "./map-patient";
import { answerFrom, chooseLatest, futureProblem, labelOf, markFuture, referenceTo, type Candidate } from "./record";
import type { LocalCodes, ProposedAnswer, RecordImport, RecordProblem, RecordSource } from "./types";

export interface MapOptions {
  /** The request's "as of" date, YYYY-MM-DD: later results are listed, never chosen. */
  requestDate: string;
  localCodes?: LocalCodes;
}

/** Map one patient's resources to proposed answers. requestDate: YYYY-MM-DD. */
export function mapRecord(resources: readonly Resource[], options: MapOptions): RecordImport {
  const { requestDate, localCodes } = options;
  if (!hasIsoDateShape(requestDate) || !isRealDate(requestDate)) {
    return fatal({
      code: "invalid",
      message: "The request date must be a real date written YYYY-MM-DD before the record can be read.",
    });
  }
  const check = checkPatient(resources);
  if (!check.ok) return fatal(check.problem);

  const problems: RecordProblem[] = [];
  const byReference = new Map(resources.map((r) => [referenceTo(r), r]));
  const observations = emptyObservationCandidates();
  const diagnoses: DiagnosisCandidate[] = [];
  const prophylaxis: Candidate<ProphylaxisValue>[] = [];
  const onDemand: RecordSource[] = [];
  const studies: Record<StudyKind, Candidate<StudyValue>[]> = {
    ultrasound: [],
    elastography: observations.elastography,
  };
  const coverages: Coverage[] = [];

  for (const resource of resources) {
    try {
      readResource(resource);
    } catch {
      // The file's JSON is not checked against R4's shapes field by field: a resource whose fields
      // are not what R4 says (a list where one value belongs, text where a number does) lands here.
      problems.push(malformed(resource));
    }
  }

  function readResource(resource: Resource): void {
    switch (resource.resourceType) {
      case "Observation":
        readObservation(resource, observations, problems, localCodes);
        break;
      case "Condition": {
        const diagnosis = readCondition(resource, problems);
        if (diagnosis !== undefined) diagnoses.push(diagnosis);
        break;
      }
      case "MedicationRequest":
      case "MedicationStatement": {
        const read = readMedication(resource, byReference, problems);
        if (read?.candidate !== undefined) prophylaxis.push(read.candidate);
        if (read?.onDemand !== undefined) onDemand.push(read.onDemand);
        break;
      }
      case "DiagnosticReport":
      case "Procedure": {
        const study = readStudy(resource, problems);
        if (study !== undefined) studies[study.kind].push(study.candidate);
        break;
      }
      case "Coverage":
        coverages.push(resource);
        break;
      default:
        break;
    }
  }

  let member: ProposedAnswer[] = [];
  try {
    member = memberAnswers(check.patient, check.reference, coverages, problems);
  } catch {
    problems.push(malformed(check.patient));
  }
  const answers: ProposedAnswer[] = [
    ...member,
    ...weightAnswers(observations.weight, requestDate, problems),
    ...diagnosisAnswers(diagnoses),
    ...factorIxAnswers(observations.factorIx, requestDate, problems),
    ...prophylaxisAnswers(prophylaxis, onDemand, requestDate, problems),
    ...inhibitorAnswers(observations.assays, observations.inhibitorPresence, requestDate, problems),
    ...enzymeAnswers(observations.enzymes, requestDate, problems),
    ...studyAnswers("ultrasound", studies.ultrasound, requestDate, problems),
    ...studyAnswers("elastography", studies.elastography, requestDate, problems),
    ...aav5Answers(observations.aav5, requestDate, problems),
  ];
  return { patient: patientSummary(check.patient, check.reference), answers, problems };
}

const fatal = (problem: RecordProblem): RecordImport => ({ patient: null, answers: [], problems: [problem] });

const malformed = (resource: Resource): RecordProblem => ({
  code: "invalid",
  reference: referenceTo(resource),
  message: `${referenceTo(resource)} is not written as FHIR R4 defines it, so it is skipped. Enter what it holds by hand.`,
});

function choose<T>(candidates: readonly Candidate<T>[], requestDate: string, what: string, problems: RecordProblem[]) {
  const choice = chooseLatest(candidates, requestDate);
  for (const late of choice.future) problems.push(futureProblem(late, what));
  return choice;
}

function weightAnswers(
  candidates: Candidate<LabValue>[],
  requestDate: string,
  problems: RecordProblem[],
): ProposedAnswer[] {
  const choice = choose(candidates, requestDate, "body weight", problems);
  return answerFrom(
    "member.weight",
    choice,
    (w) => ({ value: w.value, unit: "kg" }),
    (w) => `${w.value} kg`,
  );
}

function diagnosisAnswers(diagnoses: readonly DiagnosisCandidate[]): ProposedAnswer[] {
  // Prefer the Condition that carries the ICD-10 code itself; the others are listed.
  const ordered = [...diagnoses].sort((a, b) => Number(b.icd10 !== undefined) - Number(a.icd10 !== undefined));
  const [first, ...rest] = ordered;
  if (first === undefined) return [];
  const answers: ProposedAnswer[] = [
    {
      path: "diagnosis.condition",
      value: "congenital_hemophilia_b",
      label: labelOf("diagnosis.condition"),
      display: CONDITION_LABELS.congenital_hemophilia_b,
      source: first.source,
      others: rest.map((d) => d.source),
    },
  ];
  if (first.icd10 !== undefined) {
    answers.push({
      path: "diagnosis.icd10",
      value: first.icd10,
      label: labelOf("diagnosis.icd10"),
      display: first.icd10,
      source: first.source,
      others: [],
    });
  }
  return answers;
}

function factorIxAnswers(
  candidates: Candidate<LabValue>[],
  requestDate: string,
  problems: RecordProblem[],
): ProposedAnswer[] {
  // The latest result, as for every result; a level drawn soon after an infusion reads high, so the
  // older results are listed beside it for the person to choose the baseline.
  const choice = choose(candidates, requestDate, "factor IX activity", problems);
  return answerFrom(
    "diagnosis.factorIxActivityPercent",
    choice,
    (v) => v.value,
    (v) => `${v.value} % of normal`,
  );
}

function prophylaxisAnswers(
  candidates: Candidate<ProphylaxisValue>[],
  onDemand: readonly RecordSource[],
  requestDate: string,
  problems: RecordProblem[],
): ProposedAnswer[] {
  const choice = choose(candidates, requestDate, "factor IX prophylaxis", problems);
  const chosen = choice.chosen;
  if (chosen === undefined) return [];
  const answers: ProposedAnswer[] = [];
  const product = chosen.value.product;
  if (product === undefined) {
    problems.push({
      code: "unknown-code",
      reference: chosen.source.reference,
      message: `${chosen.source.reference} names factor IX without a brand, so the product is not filled in. Choose the factor IX product by hand.`,
    });
  } else {
    answers.push({
      path: "prophylaxis.product",
      value: product,
      label: labelOf("prophylaxis.product"),
      display:
        product === "other"
          ? `${FACTOR_IX_PRODUCT_LABELS.other} (${chosen.value.productName})`
          : FACTOR_IX_PRODUCT_LABELS[product],
      source: chosen.source,
      others: [...choice.others, ...onDemand],
    });
  }
  // Prophylaxis runs from the earliest factor IX order on or before the request date (a change of
  // product does not end it); whether it was continuous since is the prescriber's to confirm.
  const usable = candidates.filter((c) => c.date <= requestDate).sort((a, b) => a.date.localeCompare(b.date));
  const [earliest] = usable;
  if (earliest !== undefined) {
    answers.push({
      path: "prophylaxis.startDate",
      value: earliest.date,
      label: labelOf("prophylaxis.startDate"),
      display: `${formatDate(earliest.date)} (the earliest factor IX prophylaxis on record)`,
      source: earliest.source,
      sources: usable.map((c) => c.source),
      others: [...choice.future.map(markFuture), ...onDemand],
    });
  }
  return answers;
}

function inhibitorAnswers(
  assays: Candidate<LabValue>[],
  presence: Candidate<string>[],
  requestDate: string,
  problems: RecordProblem[],
): ProposedAnswer[] {
  const future = assays.filter((a) => a.date > requestDate);
  for (const late of future) problems.push(futureProblem(late, "factor IX inhibitor"));
  const usable = assays
    .filter((a) => a.date <= requestDate)
    .sort((a, b) => a.date.localeCompare(b.date) || a.instant.localeCompare(b.instant));
  const qualitative = presence.map((p) => p.source);
  const [first] = usable;
  if (first === undefined) {
    for (const p of presence) {
      problems.push({
        code: "invalid",
        reference: p.source.reference,
        message: `${p.source.reference} is a qualitative factor IX inhibitor result (LOINC 30086-3): it has no Bethesda titer, so it is not an assay. Enter the titer from the lab report.`,
      });
    }
    return [];
  }
  return [
    {
      path: "inhibitor.assays",
      value: usable.map((a) => ({ date: a.date, bethesdaUnits: a.value.value })),
      label: labelOf("inhibitor.assays"),
      display: usable.map((a) => `${a.value.value} BU on ${formatDate(a.date)}`).join("; "),
      source: first.source,
      sources: usable.map((a) => a.source),
      others: [...future.map(markFuture), ...qualitative],
    },
  ];
}

const ENZYME_KEYS: readonly EnzymeKey[] = ["alt", "ast", "alp", "totalBilirubin"];
const ENZYME_UNITS: Readonly<Record<EnzymeKey, string>> = {
  alt: "U/L",
  ast: "U/L",
  alp: "U/L",
  totalBilirubin: "mg/dL",
};
const ENZYME_NAMES: Readonly<Record<EnzymeKey, string>> = {
  alt: "ALT",
  ast: "AST",
  alp: "ALP",
  totalBilirubin: "total bilirubin",
};

function enzymeAnswers(
  enzymes: Record<EnzymeKey, Candidate<LabValue>[]>,
  requestDate: string,
  problems: RecordProblem[],
): ProposedAnswer[] {
  const answers: ProposedAnswer[] = [];
  const chosen: Candidate<LabValue>[] = [];
  for (const key of ENZYME_KEYS) {
    const choice = choose(enzymes[key], requestDate, ENZYME_NAMES[key], problems);
    const result = choice.chosen;
    if (result === undefined) continue;
    chosen.push(result);
    const unit = ENZYME_UNITS[key];
    answers.push(
      ...answerFrom(
        `liver.enzymes.${key}.value`,
        choice,
        (v) => v.value,
        (v) => `${v.value} ${unit}`,
      ),
    );
    if (result.value.upperLimit !== undefined) {
      const limit = result.value.upperLimit;
      answers.push(
        ...answerFrom(
          `liver.enzymes.${key}.upperLimit`,
          choice,
          () => limit,
          () => `${limit} ${unit}`,
        ),
      );
    }
  }
  // The document has one date for the panel: the oldest of the values used, so the 3-month window
  // is never judged on a date newer than any value in it.
  const oldest = [...chosen].sort((a, b) => a.date.localeCompare(b.date))[0];
  if (oldest !== undefined) {
    answers.unshift({
      path: "liver.enzymes.date",
      value: oldest.date,
      label: labelOf("liver.enzymes.date"),
      display: chosen.every((c) => c.date === oldest.date)
        ? formatDate(oldest.date)
        : `${formatDate(oldest.date)} (the oldest of the liver tests used)`,
      source: oldest.source,
      sources: chosen.map((c) => c.source),
      others: [],
    });
  }
  return answers;
}

function studyAnswers(
  kind: StudyKind,
  candidates: Candidate<StudyValue>[],
  requestDate: string,
  problems: RecordProblem[],
): ProposedAnswer[] {
  const choice = choose(candidates, requestDate, `liver ${kind}`, problems);
  const answers = answerFrom(
    `liver.${kind}.date`,
    choice,
    () => choice.chosen?.date,
    () => formatDate(choice.chosen?.date ?? ""),
  );
  const result = choice.chosen?.value.result;
  if (result !== undefined) {
    answers.push(
      ...answerFrom(
        `liver.${kind}.result`,
        choice,
        () => result,
        () => STUDY_RESULT_LABELS[result],
      ),
    );
  }
  return answers;
}

function aav5Answers(
  candidates: Candidate<{ result?: "detected" | "not_detected"; titer?: number }>[],
  requestDate: string,
  problems: RecordProblem[],
): ProposedAnswer[] {
  const choice = choose(candidates, requestDate, "AAV5 antibodies", problems);
  const value = choice.chosen?.value;
  const answers: ProposedAnswer[] = [];
  const result = value?.result;
  const titer = value?.titer;
  if (result !== undefined)
    answers.push(
      ...answerFrom(
        "aav5.result",
        choice,
        () => result,
        () => AAV5_RESULT_LABELS[result],
      ),
    );
  if (titer !== undefined)
    answers.push(
      ...answerFrom(
        "aav5.titer",
        choice,
        () => titer,
        () => formatTiter(titer),
      ),
    );
  return answers;
}
