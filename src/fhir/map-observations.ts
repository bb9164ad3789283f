/**
 * Observations → candidates: factor IX activity, inhibitor titers, the liver panel, body weight,
 * AAV5 antibodies and elastography measurements. Each result is read by its code from the table in
 * codes.ts and converted by units.ts; a result that cannot be read is a problem, never a guess.
 */
import type { CodeableConcept, Observation, ObservationReferenceRange, Quantity } from "@medplum/fhirtypes";
import { LIVER_STUDIES, OBSERVATIONS, DETECTION_CODES, STUDY_RESULT_CODES, type ObservationKind } from "./codes";
import {
  codeWords,
  codingsOf,
  conceptName,
  dayOf,
  hasCode,
  looksRelevant,
  matches,
  onlyLocalCodes,
  referenceTo,
  sourceDisplay,
  type Candidate,
} from "./record";
import type { LocalCodes, RecordProblem } from "./types";
import { acceptedUnits, convert, documentUnit, unitOf, type Measure } from "./units";

export type EnzymeKey = "alt" | "ast" | "alp" | "totalBilirubin";
export interface LabValue {
  value: number;
  upperLimit?: number;
  /** The value as the record wrote it ("13.7 umol/L"), when it was converted. */
  original: string;
}
export interface StudyValue {
  result?: "normal" | "abnormal";
}
export interface Aav5Value {
  result?: "detected" | "not_detected";
  titer?: number;
}

/** Every usable result of the record, by what it feeds. */
export interface ObservationCandidates {
  factorIx: Candidate<LabValue>[];
  assays: Candidate<LabValue>[];
  /** Qualitative inhibitor results: shown, never read as assays. */
  inhibitorPresence: Candidate<string>[];
  enzymes: Record<EnzymeKey, Candidate<LabValue>[]>;
  weight: Candidate<LabValue>[];
  aav5: Candidate<Aav5Value>[];
  elastography: Candidate<StudyValue>[];
}

export const emptyObservationCandidates = (): ObservationCandidates => ({
  factorIx: [],
  assays: [],
  inhibitorPresence: [],
  enzymes: { alt: [], ast: [], alp: [], totalBilirubin: [] },
  weight: [],
  aav5: [],
  elastography: [],
});

const NAMES: Readonly<Record<ObservationKind, string>> = {
  factorIxActivityPercent: "Factor IX activity",
  factorIxActivityUnits: "Factor IX activity",
  factorIxInhibitorTiter: "Factor IX inhibitor",
  factorIxInhibitorPresence: "Factor IX inhibitor (presence)",
  alt: "ALT",
  ast: "AST",
  alp: "ALP",
  totalBilirubin: "Total bilirubin",
  bodyWeight: "Body weight",
  aav5Antibody: "AAV5 antibodies",
};

const MEASURES: Partial<Record<ObservationKind, Measure>> = {
  factorIxActivityPercent: "factorIxPercent",
  factorIxActivityUnits: "factorIxPercent",
  factorIxInhibitorTiter: "bethesdaUnits",
  alt: "enzymeUnitsPerLitre",
  ast: "enzymeUnitsPerLitre",
  alp: "enzymeUnitsPerLitre",
  totalBilirubin: "bilirubinMgPerDl",
  bodyWeight: "weightKg",
};

/** Statuses whose value is not a result (yet, or any more). */
const NOT_A_RESULT = new Set(["registered", "cancelled", "entered-in-error", "unknown"]);

function kindOf(code: CodeableConcept | undefined, localCodes: LocalCodes | undefined): ObservationKind | undefined {
  for (const [kind, entries] of Object.entries(OBSERVATIONS) as [
    ObservationKind,
    readonly { system: string; code: string }[],
  ][]) {
    if (hasCode(code, entries)) return kind;
  }
  if (hasCode(code, localCodes?.aav5Antibody ?? [])) return "aav5Antibody";
  return undefined;
}

/**
 * What the import reads a result with this code as, by the standard codes alone (a configured local
 * code never applies to it: the standard codes are looked at first), or undefined when it reads none.
 */
export function standardReadingOf(entry: { system: string; code: string }): string | undefined {
  const concept: CodeableConcept = { coding: [entry] };
  const kind = kindOf(concept, undefined);
  if (kind !== undefined) return NAMES[kind];
  return hasCode(concept, LIVER_STUDIES.elastography) ? "Liver elastography" : undefined;
}

/** Reads one Observation into `into`, or reports why it cannot be read. */
export function readObservation(
  observation: Observation,
  into: ObservationCandidates,
  problems: RecordProblem[],
  localCodes: LocalCodes | undefined,
): void {
  if (NOT_A_RESULT.has(observation.status)) return;
  // A panel (hepatic function panel …) holds no value of its own: its members are read one by one.
  if (isPanel(observation)) return;
  const reference = referenceTo(observation);
  const kind = kindOf(observation.code, localCodes);
  const isElastography = kind === undefined && hasCode(observation.code, LIVER_STUDIES.elastography);
  if (kind === undefined && !isElastography) {
    if (onlyLocalCodes(observation.code) || looksRelevant(observation.code)) {
      problems.push({
        code: "unknown-code",
        reference,
        message: `${reference} (${conceptName(observation.code)}; ${codeWords(observation.code)}) has a code this import does not read, so it is skipped. If it belongs to the request, enter it by hand${onlyLocalCodes(observation.code) ? " or ask an administrator to add its code to the record import's local codes (Administration, Record import)" : ""}.`,
      });
    }
    return;
  }
  const name = kind === undefined ? "Liver elastography" : NAMES[kind];
  const instant = observation.effectiveDateTime ?? observation.effectivePeriod?.start ?? observation.effectiveInstant;
  const date = dayOf(instant);
  if (date === undefined || instant === undefined) {
    problems.push({
      code: "invalid",
      reference,
      message: `${reference} (${name}) has no full date (day, month and year), so it cannot be placed in time and is skipped. Enter it by hand with its date.`,
    });
    return;
  }
  const at = { date, instant, reference };

  if (isElastography) {
    const result = studyResult(observation.interpretation);
    into.elastography.push(
      candidate(at, { result }, sourceDisplay(`${name}${result === undefined ? "" : ` ${result}`}`, date)),
    );
    return;
  }
  if (kind === "aav5Antibody") {
    readAav5(observation, at, into, problems);
    return;
  }
  if (kind === "factorIxInhibitorPresence") {
    const said =
      observation.valueCodeableConcept === undefined ? "" : ` ${conceptName(observation.valueCodeableConcept)}`;
    // Listed beside the assays (or reported when there are none) by the mapping: never an assay.
    into.inhibitorPresence.push(
      candidate(at, said.trim(), sourceDisplay(`${name}${said} (qualitative: no titer)`, date)),
    );
    return;
  }
  if (kind === undefined) return;
  const measure = MEASURES[kind];
  if (measure === undefined) return;
  const quantity = observation.valueQuantity;
  if (quantity === undefined || typeof quantity.value !== "number") {
    problems.push({
      code: "invalid",
      reference,
      message: `${reference} (${name}) has no numeric value, so it is skipped. Enter the result by hand.`,
    });
    return;
  }
  if (
    quantity.comparator === ">" ||
    quantity.comparator === ">=" ||
    (quantity.comparator !== undefined && measure === "weightKg")
  ) {
    problems.push({
      code: "invalid",
      reference,
      message: `${reference} (${name}) is reported as a limit ("${quantity.comparator}"), not a value, so it is skipped. Enter the result by hand.`,
    });
    return;
  }
  const converted = convert(quantity, measure);
  if (!converted.ok) {
    problems.push({
      code: "unit",
      reference,
      message: `${reference} (${name}) is in ${converted.unit === undefined ? "no unit" : `"${converted.unit}"`}, which this import does not convert; it reads ${acceptedUnits(measure)}. Enter the value by hand in ${documentUnit(measure)}.`,
    });
    return;
  }
  const original = `${quantity.comparator ?? ""}${quantity.value} ${quantity.unit ?? unitOf(quantity) ?? ""}`.trim();
  const value: LabValue = { value: converted.value, original };
  // "<0.5 BU" is read as 0.5: an upper bound, and every threshold this policy sets is an upper limit,
  // so the bound can only make a result look worse than it is, never better.
  const shown = `${quantity.comparator ?? ""}${converted.value} ${converted.unit}`;
  const label = original === shown ? shown : `${shown} (${original})`;

  switch (kind) {
    case "factorIxActivityPercent":
    case "factorIxActivityUnits":
      into.factorIx.push(candidate(at, value, sourceDisplay(`${name} ${label}`, date)));
      return;
    case "factorIxInhibitorTiter":
      into.assays.push(candidate(at, value, sourceDisplay(`${name} ${label}`, date)));
      return;
    case "bodyWeight":
      into.weight.push(candidate(at, value, sourceDisplay(`${name} ${label}`, date)));
      return;
    case "alt":
    case "ast":
    case "alp":
    case "totalBilirubin": {
      const limit = upperLimit(observation.referenceRange, measure, quantity);
      if (limit.problem) {
        problems.push({
          code: "unit",
          reference,
          message: `${reference} (${name}) has its reference range in a unit this import does not convert, so its upper limit is left out. Enter the upper limit by hand in ${documentUnit(measure)}.`,
        });
      }
      const withLimit: LabValue = limit.value === undefined ? value : { ...value, upperLimit: limit.value };
      const range = limit.value === undefined ? "" : `, upper limit ${limit.value} ${converted.unit}`;
      into.enzymes[kind].push(candidate(at, withLimit, sourceDisplay(`${name} ${label}${range}`, date)));
      return;
    }
    default:
      return;
  }
}

const candidate = <T>(
  at: { date: string; instant: string; reference: string },
  value: T,
  display: string,
): Candidate<T> => ({
  date: at.date,
  instant: at.instant,
  value,
  source: { reference: at.reference, date: at.date, display },
});

/**
 * The upper limit of normal from the first reference range that has a high value (a range for
 * "normal" applies to the whole population unless `appliesTo` narrows it; the lab chose it for this
 * patient). A high without its own unit is in the value's unit, as the lab wrote them together.
 */
function upperLimit(
  ranges: readonly ObservationReferenceRange[] | undefined,
  measure: Measure,
  quantity: Quantity,
): { value?: number; problem?: boolean } {
  const high = (ranges ?? []).find((r) => typeof r.high?.value === "number")?.high;
  if (high === undefined) return {};
  const converted = convert(high, measure, unitOf(quantity));
  return converted.ok ? { value: converted.value } : { problem: true };
}

function studyResult(concepts: readonly CodeableConcept[] | undefined): StudyValue["result"] {
  for (const concept of concepts ?? []) {
    const entry = STUDY_RESULT_CODES.find((e) => codingsOf(concept).some((c) => matches(c, e)));
    if (entry !== undefined) return entry.result;
  }
  return undefined;
}

/** "1:300" → 300 */
const TITER = /^\s*1\s*:\s*(\d+(?:\.\d+)?)\s*$/;

/**
 * AAV5 antibodies: the result from a coded value or interpretation (detected / not detected), the
 * titer from a ratio 1:N, a "1:N" string or a quantity in {titer}. Either may come alone.
 */
function readAav5(
  observation: Observation,
  at: { date: string; instant: string; reference: string },
  into: ObservationCandidates,
  problems: RecordProblem[],
): void {
  const coded = [observation.valueCodeableConcept, ...(observation.interpretation ?? [])].flatMap((concept) =>
    DETECTION_CODES.filter((e) => codingsOf(concept).some((c) => matches(c, e))),
  );
  const results = new Set(coded.map((e) => e.result));
  let titer: number | undefined;
  const ratio = observation.valueRatio;
  if (ratio?.numerator?.value === 1 && typeof ratio.denominator?.value === "number") titer = ratio.denominator.value;
  const text = observation.valueString;
  const fromText = typeof text === "string" ? TITER.exec(text) : null;
  if (fromText?.[1] !== undefined) titer = Number(fromText[1]);
  const quantity = observation.valueQuantity;
  if (
    quantity !== undefined &&
    typeof quantity.value === "number" &&
    unitOf(quantity) === "{titer}" &&
    quantity.comparator === undefined
  ) {
    titer = quantity.value;
  }
  const result = results.size === 1 ? [...results][0] : undefined;
  if ((result === undefined && titer === undefined) || results.size > 1 || (titer !== undefined && !(titer > 0))) {
    problems.push({
      code: "invalid",
      reference: at.reference,
      message: `${at.reference} (AAV5 antibodies) has no result this import can read (a coded detected/not detected, or a titer written 1:N). Enter the result by hand.`,
    });
    return;
  }
  const words = [
    result === undefined ? undefined : result === "detected" ? "detected" : "not detected",
    titer === undefined ? undefined : `titer 1:${titer}`,
  ]
    .filter((w) => w !== undefined)
    .join(", ");
  const value: Aav5Value = { ...(result === undefined ? {} : { result }), ...(titer === undefined ? {} : { titer }) };
  into.aav5.push(candidate(at, value, sourceDisplay(`AAV5 antibodies ${words}`, at.date)));
}

const VALUE_KEYS = [
  "valueQuantity",
  "valueCodeableConcept",
  "valueString",
  "valueRatio",
  "valueBoolean",
  "valueInteger",
];

const isPanel = (observation: Observation): boolean =>
  (observation.hasMember?.length ?? 0) > 0 && !VALUE_KEYS.some((key) => key in observation);
