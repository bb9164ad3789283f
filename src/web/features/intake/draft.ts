/**
 * The wizard's form state ("draft"): what the user typed, as typed. Field names follow the
 * request document's paths, so the shared schema's errors land on the right input. Dates are kept
 * as the day, month and year typed (`DateParts`); the document gets `YYYY-MM-DD`. `toDocument`
 * turns a draft into a candidate request document (blank → absent); `fromDocument` goes back.
 */
import type { z } from "zod/mini";
import { BLEED_SITES, FACTOR_IX_PRODUCTS, LINES_OF_BUSINESS, type RequestDocument } from "@/criteria";
import { datePartsFromIso, emptyDateParts, isoFromDateParts } from "@/web/lib/date-parts";
import { shareUnchanged } from "@/web/lib/share-unchanged";
import type { draftSchema } from "./draft-schema";

const YES_NO = ["yes", "no"] as const;

/**
 * Every answer that is a choice from a list, by its path in the draft (`[]` for list entries): the
 * one home of those lists, read by `draftSchema` and by `restoreDraft` (which must not need zod: it
 * runs before anything else, in the first bundle).
 */
export const CHOICES = {
  requestType: ["initial", "continuation"],
  lineOfBusiness: LINES_OF_BUSINESS,
  "member.weight.unit": ["kg", "lb"],
  "prescriber.specialty": ["hematology", "other"],
  "prescriber.hematologistConsulted": YES_NO,
  "diagnosis.condition": ["congenital_hemophilia_b", "other"],
  "diagnosis.recentLabelChange": YES_NO,
  "diagnosis.onFormulary": YES_NO,
  "prophylaxis.product": FACTOR_IX_PRODUCTS,
  "prophylaxis.adherenceDocumented": YES_NO,
  bleedsOnRecord: YES_NO,
  "bleeds[].site": BLEED_SITES,
  "bleeds[].spontaneous": YES_NO,
  "inhibitor.historyOfInhibitor": YES_NO,
  "inhibitor.assaysOnRecord": YES_NO,
  "liver.ultrasound.result": ["normal", "abnormal"],
  "liver.elastography.result": ["normal", "abnormal"],
  "liver.hepatologistAttestation": YES_NO,
  priorGeneTherapy: YES_NO,
  "aav5.result": ["not_detected", "detected"],
} as const;
export type ChoicePath = keyof typeof CHOICES;

/** The draft's shape as a schema is in draft-schema.ts (zod, out of the first bundle); its types are here. */
export type Draft = z.infer<typeof draftSchema>;
export type YesNo = Draft["priorGeneTherapy"];
type BleedDraft = Draft["bleeds"][number];
type AssayDraft = Draft["inhibitor"]["assays"][number];
type LabDraft = Draft["liver"]["enzymes"]["alt"];

/** The dose is typed in units of 10^DOSE_INPUT_EXPONENT genome copies per kg. */
const DOSE_INPUT_EXPONENT = 13;

const lab = (): LabDraft => ({ value: "", upperLimit: "" });

/** An empty draft whose request date is `today` (`YYYY-MM-DD`; "" leaves it blank). */
export function emptyDraft(today: string): Draft {
  return {
    requestType: "initial",
    requestDate: datePartsFromIso(today),
    lineOfBusiness: "",
    member: {
      firstName: "",
      lastName: "",
      memberId: "",
      dateOfBirth: emptyDateParts(),
      weight: { value: "", unit: "kg" },
    },
    prescriber: { name: "", npi: "", specialty: "", hematologistConsulted: "" },
    diagnosis: {
      condition: "",
      icd10: "",
      factorIxActivityPercent: "",
      otherDescription: "",
      recentLabelChange: "",
      onFormulary: "",
    },
    prophylaxis: { product: "", startDate: emptyDateParts(), adherenceDocumented: "" },
    bleedsOnRecord: "",
    bleeds: [],
    exposureDays: "",
    inhibitor: { historyOfInhibitor: "", assaysOnRecord: "", assays: [] },
    liver: {
      enzymes: { date: emptyDateParts(), alt: lab(), ast: lab(), alp: lab(), totalBilirubin: lab() },
      ultrasound: { date: emptyDateParts(), result: "" },
      elastography: { date: emptyDateParts(), result: "" },
      hepatologistAttestation: "",
    },
    priorGeneTherapy: "",
    aav5: { result: "", titer: "" },
    dose: { requestedGcPerKg: "2" },
  };
}

type Candidate = Record<string, unknown>;

/** Drops absent values so that an unanswered question is an absent field, as the spec requires. */
function compact(object: Candidate): Candidate | undefined {
  const entries = Object.entries(object).filter(([, v]) => v !== undefined);
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

const text = (value: string): string | undefined => (value.trim() === "" ? undefined : value.trim());

/** A number as a person types it: digits with an optional sign and decimal point ("80", "-1", ".5"). */
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)$/;

/**
 * A number as typed; text that is not a plain number passes through so the schema refuses it and
 * the wizard names the problem: a decimal comma ("1,5" must not become 15) and exponent notation
 * ("2e13" in a field already in units of 10^13 would mean 2 × 10^26). `exponent` shifts the
 * decimal point exactly, in the text, before parsing ("2" with exponent 13 is exactly 2e13).
 */
function number(value: string, exponent = 0): number | string | undefined {
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  if (!PLAIN_NUMBER.test(trimmed)) return value;
  const parsed = Number(`${trimmed}e${exponent}`);
  return Number.isFinite(parsed) ? parsed : value;
}

const yesNo = (value: YesNo): boolean | undefined => (value === "" ? undefined : value === "yes");
const choice = <T extends string>(value: "" | T): T | undefined => (value === "" ? undefined : value);

function labResult(draft: LabDraft): Candidate | undefined {
  return compact({ value: number(draft.value), upperLimit: number(draft.upperLimit) });
}

/** A top-level field of the request document: the parts of the draft it is built from, and how. */
interface DocumentField {
  reads: (draft: Draft) => readonly unknown[];
  build: (parts: readonly unknown[]) => unknown;
}

/** `build` is given the parts `reads` picks and nothing else, so a field cannot depend on more than it says. */
function field<const P extends readonly unknown[]>(reads: (draft: Draft) => P, build: (...parts: P) => unknown) {
  return { reads, build: (parts: readonly unknown[]) => build(...(parts as P)) } satisfies DocumentField;
}

/** Each top-level field of the request document, in the document's order. */
const DOCUMENT_FIELDS: Readonly<Record<keyof RequestDocument, DocumentField>> = {
  schemaVersion: field(
    () => [],
    () => 1,
  ),
  requestType: field((d) => [d.requestType], choice),
  requestDate: field((d) => [d.requestDate], isoFromDateParts),
  lineOfBusiness: field((d) => [d.lineOfBusiness], choice),
  member: field(
    (d) => [d.member],
    (member) => {
      const weightValue = number(member.weight.value);
      return compact({
        firstName: text(member.firstName),
        lastName: text(member.lastName),
        memberId: text(member.memberId),
        dateOfBirth: isoFromDateParts(member.dateOfBirth),
        weight:
          weightValue === undefined ? undefined : compact({ value: weightValue, unit: choice(member.weight.unit) }),
      });
    },
  ),
  prescriber: field(
    (d) => [d.prescriber],
    (prescriber) =>
      compact({
        name: text(prescriber.name),
        npi: text(prescriber.npi),
        specialty: choice(prescriber.specialty),
        hematologistConsulted: prescriber.specialty === "other" ? yesNo(prescriber.hematologistConsulted) : undefined,
      }),
  ),
  diagnosis: field(
    (d) => [d.diagnosis],
    (diagnosis) => {
      const otherDiagnosis = diagnosis.condition === "other";
      return compact({
        condition: choice(diagnosis.condition),
        icd10:
          text(diagnosis.icd10)?.toUpperCase() ??
          (diagnosis.condition === "congenital_hemophilia_b" ? "D67" : undefined),
        factorIxActivityPercent: number(diagnosis.factorIxActivityPercent),
        otherDescription: otherDiagnosis ? text(diagnosis.otherDescription) : undefined,
        recentLabelChange: otherDiagnosis ? yesNo(diagnosis.recentLabelChange) : undefined,
        onFormulary: otherDiagnosis && diagnosis.recentLabelChange === "yes" ? yesNo(diagnosis.onFormulary) : undefined,
      });
    },
  ),
  prophylaxis: field(
    (d) => [d.prophylaxis],
    (prophylaxis) =>
      compact({
        product: choice(prophylaxis.product),
        startDate: isoFromDateParts(prophylaxis.startDate),
        adherenceDocumented: yesNo(prophylaxis.adherenceDocumented),
      }),
  ),
  bleeds: field(
    (d) => [d.bleedsOnRecord, d.bleeds],
    (onRecord, bleeds) =>
      onRecord === "no"
        ? []
        : onRecord === "yes" && bleeds.length > 0
          ? bleeds.map(
              (b) =>
                compact({
                  date: isoFromDateParts(b.date),
                  site: choice(b.site),
                  spontaneous: yesNo(b.spontaneous),
                }) ?? {},
            )
          : undefined,
  ),
  exposureDays: field(
    (d) => [d.exposureDays],
    (days) => number(days),
  ),
  inhibitor: field(
    (d) => [d.inhibitor],
    (inhibitor) =>
      compact({
        historyOfInhibitor: yesNo(inhibitor.historyOfInhibitor),
        assays:
          inhibitor.assaysOnRecord === "no"
            ? []
            : inhibitor.assaysOnRecord === "yes" && inhibitor.assays.length > 0
              ? inhibitor.assays.map(
                  (a) => compact({ date: isoFromDateParts(a.date), bethesdaUnits: number(a.bethesdaUnits) }) ?? {},
                )
              : undefined,
      }),
  ),
  liver: field(
    (d) => [d.liver],
    (liver) =>
      compact({
        enzymes: compact({
          date: isoFromDateParts(liver.enzymes.date),
          alt: labResult(liver.enzymes.alt),
          ast: labResult(liver.enzymes.ast),
          alp: labResult(liver.enzymes.alp),
          totalBilirubin: labResult(liver.enzymes.totalBilirubin),
        }),
        ultrasound: compact({ date: isoFromDateParts(liver.ultrasound.date), result: choice(liver.ultrasound.result) }),
        elastography: compact({
          date: isoFromDateParts(liver.elastography.date),
          result: choice(liver.elastography.result),
        }),
        hepatologistAttestation: yesNo(liver.hepatologistAttestation),
      }),
  ),
  priorGeneTherapy: field((d) => [d.priorGeneTherapy], yesNo),
  aav5: field(
    (d) => [d.aav5],
    (aav5) =>
      compact({
        result: choice(aav5.result),
        titer: aav5.result === "detected" ? number(aav5.titer.replace(/^\s*1\s*:\s*/, "")) : undefined,
      }),
  ),
  dose: field(
    (d) => [d.dose],
    (dose) => compact({ requestedGcPerKg: number(dose.requestedGcPerKg, DOSE_INPUT_EXPONENT) }),
  ),
};

const FIELD_NAMES = Object.keys(DOCUMENT_FIELDS) as (keyof RequestDocument)[];

/** The request document this draft describes (a candidate: validate it before use). */
export function toDocument(draft: Draft): Candidate {
  const built = ({ reads, build }: DocumentField) => build(reads(draft));
  return compact(Object.fromEntries(FIELD_NAMES.map((name) => [name, built(DOCUMENT_FIELDS[name])]))) ?? {};
}

const sameParts = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((part, i) => Object.is(part, b[i]));

/**
 * `toDocument` for the wizard's drafts, which change an answer at a time and never in place
 * (`shareUnchanged`): a field whose parts of the draft are the same objects as last time is the
 * same frozen object as last time, so what was worked out from it (its check) can be kept too.
 */
export function documentBuilder(): (draft: Draft) => Candidate {
  const last = new Map<keyof RequestDocument, { parts: readonly unknown[]; value: unknown }>();
  const built = (draft: Draft, name: keyof RequestDocument): unknown => {
    const { reads, build } = DOCUMENT_FIELDS[name];
    const parts = reads(draft);
    const kept = last.get(name);
    if (kept !== undefined && sameParts(kept.parts, parts)) return kept.value;
    const value = shareUnchanged(undefined, build(parts));
    last.set(name, { parts, value });
    return value;
  };
  return (draft) => compact(Object.fromEntries(FIELD_NAMES.map((name) => [name, built(draft, name)]))) ?? {};
}

/** A number written out in plain decimals (1e-7 → "0.0000001", 1e21 → "1000000000000000000000"), shifted by 10^-shift. */
function plainDecimal(value: number, shift = 0): string {
  const [mantissa = "0", power = "0"] = Math.abs(value).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const point = Number(power) - shift + 1; // digits before the decimal point
  const whole = point <= 0 ? "0" : digits.slice(0, point).padEnd(point, "0");
  const fraction = point < 0 ? `${"0".repeat(-point)}${digits}` : digits.slice(point);
  const trimmed = fraction.replace(/0+$/, "");
  return `${value < 0 ? "-" : ""}${whole}${trimmed === "" ? "" : `.${trimmed}`}`;
}

/** gc/kg → the dose field's units, exactly and in plain decimals (the field refuses exponent notation). */
const doseInInputUnits = (gcPerKg: number): string => plainDecimal(gcPerKg, DOSE_INPUT_EXPONENT);

const str = (value: number | string | undefined): string =>
  value === undefined ? "" : typeof value === "number" ? plainDecimal(value) : value;
const fromBool = (value: boolean | undefined): YesNo => (value === undefined ? "" : value ? "yes" : "no");
const fromLab = (value: { value?: number; upperLimit?: number } | undefined): LabDraft => ({
  value: str(value?.value),
  upperLimit: str(value?.upperLimit),
});

/** The draft that shows a (valid) request document, for import. */
export function fromDocument(doc: RequestDocument): Draft {
  const requested = doc.dose?.requestedGcPerKg;
  return {
    requestType: doc.requestType,
    requestDate: datePartsFromIso(doc.requestDate),
    lineOfBusiness: doc.lineOfBusiness,
    member: {
      firstName: doc.member?.firstName ?? "",
      lastName: doc.member?.lastName ?? "",
      memberId: doc.member?.memberId ?? "",
      dateOfBirth: datePartsFromIso(doc.member?.dateOfBirth ?? ""),
      weight: {
        value: str(doc.member?.weight?.value),
        unit: doc.member?.weight?.unit ?? (doc.member?.weight === undefined ? "kg" : ""),
      },
    },
    prescriber: {
      name: doc.prescriber?.name ?? "",
      npi: doc.prescriber?.npi ?? "",
      specialty: doc.prescriber?.specialty ?? "",
      hematologistConsulted: fromBool(doc.prescriber?.hematologistConsulted),
    },
    diagnosis: {
      condition: doc.diagnosis?.condition ?? "",
      icd10: doc.diagnosis?.icd10 ?? "",
      factorIxActivityPercent: str(doc.diagnosis?.factorIxActivityPercent),
      otherDescription: doc.diagnosis?.otherDescription ?? "",
      recentLabelChange: fromBool(doc.diagnosis?.recentLabelChange),
      onFormulary: fromBool(doc.diagnosis?.onFormulary),
    },
    prophylaxis: {
      product: doc.prophylaxis?.product ?? "",
      startDate: datePartsFromIso(doc.prophylaxis?.startDate ?? ""),
      adherenceDocumented: fromBool(doc.prophylaxis?.adherenceDocumented),
    },
    bleedsOnRecord: doc.bleeds === undefined ? "" : doc.bleeds.length === 0 ? "no" : "yes",
    bleeds: (doc.bleeds ?? []).map((b) => ({
      date: datePartsFromIso(b.date ?? ""),
      site: b.site ?? "",
      spontaneous: fromBool(b.spontaneous),
    })),
    exposureDays: str(doc.exposureDays),
    inhibitor: {
      historyOfInhibitor: fromBool(doc.inhibitor?.historyOfInhibitor),
      assaysOnRecord: doc.inhibitor?.assays === undefined ? "" : doc.inhibitor.assays.length === 0 ? "no" : "yes",
      assays: (doc.inhibitor?.assays ?? []).map((a) => ({
        date: datePartsFromIso(a.date ?? ""),
        bethesdaUnits: str(a.bethesdaUnits),
      })),
    },
    liver: {
      enzymes: {
        date: datePartsFromIso(doc.liver?.enzymes?.date ?? ""),
        alt: fromLab(doc.liver?.enzymes?.alt),
        ast: fromLab(doc.liver?.enzymes?.ast),
        alp: fromLab(doc.liver?.enzymes?.alp),
        totalBilirubin: fromLab(doc.liver?.enzymes?.totalBilirubin),
      },
      ultrasound: {
        date: datePartsFromIso(doc.liver?.ultrasound?.date ?? ""),
        result: doc.liver?.ultrasound?.result ?? "",
      },
      elastography: {
        date: datePartsFromIso(doc.liver?.elastography?.date ?? ""),
        result: doc.liver?.elastography?.result ?? "",
      },
      hepatologistAttestation: fromBool(doc.liver?.hepatologistAttestation),
    },
    priorGeneTherapy: fromBool(doc.priorGeneTherapy),
    aav5: { result: doc.aav5?.result ?? "", titer: str(doc.aav5?.titer) },
    dose: {
      requestedGcPerKg: requested === undefined ? "" : doseInInputUnits(requested),
    },
  };
}

/** True when a draft holds any answer beyond an empty one's (the request date, always filled in, aside). */
export function hasAnswers(draft: Draft): boolean {
  const empty = emptyDraft("");
  return JSON.stringify({ ...draft, requestDate: empty.requestDate }) !== JSON.stringify(empty);
}

/**
 * A stored draft laid over `base` (an empty draft, or the answers on screen), answer by answer: so
 * a draft saved by an older version, edited by hand or sent back by the server can never break the
 * form. What can be kept is kept: an answer of the wrong kind is left as in `base`, and a choice
 * that is not on its list is left unanswered (the wizard asks it again). The result always
 * satisfies `draftSchema` (draft.test.ts checks it over generated drafts); it is built by walking
 * `base`, so the first page needs no schema library.
 */
export function restoreDraft(stored: unknown, base: Draft): Draft {
  return overlay(base, stored, "") as Draft;
}

/** What one entry of each list looks like when empty: stored entries are laid over it. */
const LIST_ITEMS: Readonly<Record<string, () => unknown>> = {
  bleeds: (): BleedDraft => ({ date: emptyDateParts(), site: "", spontaneous: "" }),
  "inhibitor.assays": (): AssayDraft => ({ date: emptyDateParts(), bethesdaUnits: "" }),
};

const isDateParts = (value: unknown): boolean =>
  typeof value === "object" && value !== null && Object.keys(value).join() === "day,month,year";

function overlay(base: unknown, stored: unknown, path: string): unknown {
  // Drafts saved before dates had three boxes hold "YYYY-MM-DD" (or "" for a date the browser refused).
  if (isDateParts(base) && typeof stored === "string") return stored === "" ? base : datePartsFromIso(stored);
  if (Array.isArray(base)) {
    const empty = LIST_ITEMS[path];
    if (!Array.isArray(stored) || empty === undefined) return base;
    return stored
      .filter((item) => typeof item === "object" && item !== null)
      .map((item) => overlay(empty(), item, `${path}[]`));
  }
  if (typeof base === "object" && base !== null) {
    if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return base;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(base)) {
      out[key] = overlay(value, (stored as Record<string, unknown>)[key], path === "" ? key : `${path}.${key}`);
    }
    return out;
  }
  if (typeof stored !== typeof base) return base;
  const choices: readonly string[] | undefined = (CHOICES as Readonly<Record<string, readonly string[]>>)[path];
  return choices === undefined || stored === "" || choices.includes(stored as string) ? stored : "";
}
