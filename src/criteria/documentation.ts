/**
 * The documents a request needs (CP.PHAR.580, "Policy/Criteria": the provider submits
 * documentation supporting that the member meets every approval criterion). One list, derived from
 * the answers and their evaluation, shared by the wizard ("what you will need"), the summary and the
 * reviewer. It follows the answers: a second inhibitor assay adds a report; answering "hematology"
 * removes the consultation note; the hepatologist's attestation appears only when I.A.8.c applies.
 */
import type { Evaluation } from "./evaluation";
import { formatDate } from "./format";
import type { CriterionId } from "./policy";
import type { RequestDocument } from "./schema";

export interface ChecklistItem {
  /** Stable while the answers behind it stay (`inhibitor-assay-2` is the second assay entered). */
  id: string;
  title: string;
  /** The criteria this document is evidence for. */
  criteria: readonly CriterionId[];
  /** Needed for this request as answered now; false: needed only if a pending answer makes it so. */
  required: boolean;
}

const MAX_ASSAYS = 500;

/** Every id a checklist can hold but the inhibitor reports (one per assay: `inhibitor-assay-N`). */
const FIXED_ITEM_IDS: ReadonlySet<string> = new Set([
  "diagnosis-factor-ix",
  "hematology-consult",
  "prophylaxis-records",
  "bleed-records",
  "exposure-days",
  "liver-panel",
  "liver-ultrasound",
  "liver-elastography",
  "hepatologist-attestation",
  "aav5-antibody",
  "weight",
]);

/** Whether `id` can name an item of some request's checklist (what a document may say it supports). */
export function isChecklistItemId(id: string): boolean {
  if (FIXED_ITEM_IDS.has(id)) return true;
  // The schema allows up to 500 assays, so up to 500 reports.
  const assay = /^inhibitor-assay-([1-9]\d{0,2})$/.exec(id);
  return assay !== null && Number(assay[1]) <= MAX_ASSAYS;
}

const item = (id: string, title: string, criteria: readonly CriterionId[], required = true): ChecklistItem => ({
  id,
  title,
  criteria,
  required,
});

/** One report per assay entered (each is a separate lab result), or one expected report when none is. */
function inhibitorReports(doc: RequestDocument): ChecklistItem[] {
  const assays = doc.inhibitor?.assays ?? [];
  const criteria: readonly CriterionId[] = ["I.A.7.b", "I.A.7.c"];
  if (assays.length === 0) return [item("inhibitor-assay-1", "Inhibitor (Bethesda) assay lab report", criteria)];
  return assays.map((assay, index) =>
    item(
      `inhibitor-assay-${index + 1}`,
      `Inhibitor (Bethesda) assay lab report ${index + 1} of ${assays.length}${assay.date === undefined ? "" : `, ${formatDate(assay.date)}`}`,
      criteria,
    ),
  );
}

/**
 * The documentation checklist for `doc` as evaluated. Continuation of therapy is not authorized
 * under this policy (II.A: Hemgenix is given once), so it needs none; a request referred to another
 * policy (I.B) carries the records of its diagnosis and indication, which that policy decides on.
 */
export function documentationChecklist(doc: RequestDocument, evaluation: Evaluation): ChecklistItem[] {
  if (evaluation.outcome === "not_authorized") return [];
  const diagnosis = item("diagnosis-factor-ix", "Diagnosis and baseline factor IX activity report", ["I.A.1", "I.A.4"]);
  if (evaluation.outcome === "refer") return [diagnosis];

  const list: ChecklistItem[] = [diagnosis];
  const specialty = doc.prescriber?.specialty;
  // Not yet answered: the note may be needed; a hematologist prescribing needs none.
  if (specialty !== "hematology")
    list.push(
      item(
        "hematology-consult",
        specialty === "other"
          ? "Hematologist's consultation note"
          : "Hematologist's consultation note (if the prescriber is not a hematologist)",
        ["I.A.2"],
        specialty === "other",
      ),
    );
  list.push(
    item("prophylaxis-records", "Prophylaxis records: factor IX product, start date and adherence", ["I.A.5.a"]),
    item("bleed-records", "Records of the serious spontaneous bleeds on prophylaxis", ["I.A.5.b"]),
    item("exposure-days", "Factor IX exposure-day history", ["I.A.6"]),
    ...inhibitorReports(doc),
    item("liver-panel", "Liver panel: ALT, AST, ALP and total bilirubin", ["I.A.8.a"]),
    item("liver-ultrasound", "Hepatic ultrasound report", ["I.A.8.b"]),
    item("liver-elastography", "Liver elastography report", ["I.A.8.b"]),
  );
  const attestation = evaluation.criteria.find((c) => c.id === "I.A.8.c");
  if (attestation !== undefined && attestation.status !== "not_applicable")
    list.push(item("hepatologist-attestation", "Hepatologist's attestation of eligibility", ["I.A.8.c"]));
  // The titer is the criterion (≤ 1:678); "not detected" is documented by the same lab report.
  list.push(
    item("aav5-antibody", "AAV5 neutralizing antibody test report", ["I.A.10"]),
    item("weight", "Dated body weight (the dose is per kilogram)", ["I.A.11"]),
  );
  return list;
}
