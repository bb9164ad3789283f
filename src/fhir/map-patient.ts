/**
 * Whose record it is: exactly one Patient, and every clinical resource about that patient. Then the
 * member's name, date of birth and (when an identifier says so) member ID.
 */
import type { Coverage, HumanName, Identifier, Patient, Resource } from "@medplum/fhirtypes";
import { formatDate } from "@/criteria";
import { MEMBER_NUMBER_TYPE } from "./codes";
import { codingsOf, dayOf, labelOf, localReference, matches, referenceTo } from "./record";
import type { ProposedAnswer, RecordImport, RecordProblem, RecordSource } from "./types";

export type PatientCheck = { ok: true; patient: Patient; reference: string } | { ok: false; problem: RecordProblem };

/** The resource's patient reference (subject, patient or beneficiary), as "Patient/id". */
function patientReferenceOf(resource: Resource): string | undefined {
  const r = resource as unknown as Record<string, unknown>;
  for (const key of ["subject", "patient", "beneficiary"]) {
    const ref = localReference(r[key] as { reference?: string } | undefined);
    if (ref?.startsWith("Patient/") === true) return ref;
  }
  return undefined;
}

/**
 * One patient or a fatal problem. Two Patient resources with different ids, or a resource about a
 * patient other than the one in the file, are several patients: mixing them could put one person's
 * results in another's request. (Two ids may be the same person in two systems; the file cannot say
 * so, and the person importing can export one record.)
 */
export function checkPatient(resources: readonly Resource[]): PatientCheck {
  // Keyed by id; a Patient without an id is a patient of its own (two of them are two patients).
  const patients = new Map<string, Patient>();
  for (const [index, resource] of resources.entries()) {
    if (resource.resourceType === "Patient")
      patients.set(typeof resource.id === "string" ? referenceTo(resource) : `#${index}`, resource);
  }
  if (patients.size === 0) {
    return {
      ok: false,
      problem: {
        code: "no-patient",
        message:
          "The record holds no Patient resource, so whose record it is cannot be checked. Export the record with the patient included.",
      },
    };
  }
  if (patients.size > 1) {
    return {
      ok: false,
      problem: {
        code: "several-patients",
        message: `The record holds ${patients.size} different patients. Import one patient's record at a time.`,
      },
    };
  }
  const [[, patient]] = [...patients] as [[string, Patient]];
  const reference = referenceTo(patient);
  const stranger = resources.find((r) => {
    const ref = patientReferenceOf(r);
    return ref !== undefined && typeof patient.id === "string" && ref !== reference;
  });
  if (stranger !== undefined) {
    return {
      ok: false,
      problem: {
        code: "several-patients",
        reference: referenceTo(stranger),
        message: `${referenceTo(stranger)} is about another patient than ${reference}. Import one patient's record at a time.`,
      },
    };
  }
  return { ok: true, patient, reference };
}

/**
 * A name as text to show and store: control characters and the invisible marks that reorder text
 * (bidi embeddings, overrides, isolates) go, so a record cannot make "Nguyễn" display backwards or
 * hide what follows it; runs of spaces become one.
 */
export function plainText(text: string): string {
  return text
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The name to show: the official name, else the first; "Ada Example". */
function officialName(patient: Patient): { given?: string; family?: string } {
  // Read defensively: the summary is shown even when the rest of the Patient is malformed.
  const names = (Array.isArray(patient.name) ? (patient.name as unknown[]) : []).filter(
    (n): n is HumanName => typeof n === "object" && n !== null,
  );
  const name = names.find((n) => n.use === "official") ?? names.find((n) => n.use !== "old") ?? names[0];
  const givens: unknown[] = Array.isArray(name?.given) ? name.given : [];
  const given = givens
    .filter((g): g is string => typeof g === "string")
    .map(plainText)
    .filter((g) => g !== "")
    .join(" ");
  const family = typeof name?.family === "string" ? plainText(name.family) : "";
  return { ...(given === "" ? {} : { given }), ...(family === "" ? {} : { family }) };
}

export function patientSummary(patient: Patient, reference: string): NonNullable<RecordImport["patient"]> {
  const { given, family } = officialName(patient);
  const name = [given, family].filter((p) => p !== undefined).join(" ");
  const birthDate = typeof patient.birthDate === "string" ? dayOf(patient.birthDate) : undefined;
  return { reference, ...(name === "" ? {} : { name }), ...(birthDate === undefined ? {} : { birthDate }) };
}

const isMemberNumber = (identifier: Identifier): boolean =>
  codingsOf(identifier.type).some((c) => matches(c, MEMBER_NUMBER_TYPE)) && typeof identifier.value === "string";

/** Member answers: first and last name, date of birth, member ID. */
export function memberAnswers(
  patient: Patient,
  reference: string,
  coverages: readonly Coverage[],
  problems: RecordProblem[],
): ProposedAnswer[] {
  const answers: ProposedAnswer[] = [];
  const source: RecordSource = { reference, display: "Patient record" };
  const simple = (path: string, value: string, display = value): void => {
    answers.push({ path, value, label: labelOf(path), display, source, others: [] });
  };
  const { given, family } = officialName(patient);
  if (given !== undefined) simple("member.firstName", given);
  if (family !== undefined) simple("member.lastName", family);
  if (patient.birthDate !== undefined) {
    const birthDate = dayOf(patient.birthDate);
    if (birthDate !== undefined && birthDate.length === patient.birthDate.length) {
      simple("member.dateOfBirth", birthDate, formatDate(birthDate));
    } else {
      problems.push({
        code: "invalid",
        reference,
        message: `${reference} gives the birth date without a full day, month and year, so it is not used. Enter the date of birth by hand.`,
      });
    }
  }
  const ids = memberIds(patient, reference, coverages);
  const [first, ...rest] = ids;
  if (first !== undefined) {
    answers.push({
      path: "member.memberId",
      value: first.value,
      label: labelOf("member.memberId"),
      display: first.value,
      source: first.source,
      others: rest.map((r) => r.source),
    });
  }
  return answers;
}

/**
 * Member IDs, best first: an active Coverage's member number (identifier type MB), its subscriber
 * ID when the patient is the subscriber, then a member number on the Patient. Distinct values only.
 */
function memberIds(
  patient: Patient,
  reference: string,
  coverages: readonly Coverage[],
): { value: string; source: RecordSource }[] {
  const found: { value: string; source: RecordSource }[] = [];
  const add = (value: string | undefined, source: RecordSource): void => {
    if (value !== undefined && value.trim() !== "" && !found.some((f) => f.value === value))
      found.push({ value, source });
  };
  const ordered = [...coverages].sort((a, b) => Number(b.status === "active") - Number(a.status === "active"));
  for (const coverage of ordered) {
    if (coverage.status === "entered-in-error" || coverage.status === "cancelled") continue;
    const ref = referenceTo(coverage);
    const payer = coverage.payor?.[0]?.display;
    const where = `Coverage${payer === undefined ? "" : ` (${payer})`}`;
    for (const identifier of coverage.identifier ?? []) {
      if (isMemberNumber(identifier)) add(identifier.value, { reference: ref, display: `${where} member number` });
    }
    const self = codingsOf(coverage.relationship).some((c) => c.code === "self");
    if (self)
      add(coverage.subscriberId, { reference: ref, display: `${where} subscriber ID (the patient is the subscriber)` });
  }
  for (const identifier of patient.identifier ?? []) {
    if (isMemberNumber(identifier)) add(identifier.value, { reference, display: "Patient member number" });
  }
  return found;
}
