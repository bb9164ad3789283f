/**
 * The wizard's summary (#12): the request summary with the answers still as filled from the
 * patient's record, and the submit, which sends those same answers as the request's provenance.
 * A mark whose answer was edited is gone (lib/record-provenance.ts); one the document does not
 * hold, or the contract would refuse, is left out rather than block the submit.
 */
import type { ComponentProps, ReactNode } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { get } from "react-hook-form";
import type { RequestDocument } from "@/criteria";
import { provenanceEntrySchema, type ProvenanceEntry } from "@/contract";
// Read, not pruned, while rendering: the fields' marks drop what no longer holds (record-mark.tsx).
import { stillHolds, useRecordMarks, type RecordMark } from "@/web/lib/record-provenance";
import { RequestSummary } from "./request-summary";

/** The standing marks as the request's provenance: answers the document holds, in the contract's shape. */
export function standingProvenance(marks: readonly RecordMark[], document: RequestDocument): ProvenanceEntry[] {
  return marks.flatMap(({ path, display, source }) => {
    if (get(document, path) === undefined) return [];
    const entry = provenanceEntrySchema.safeParse({ path, display, source });
    return entry.success ? [entry.data] : [];
  });
}

export function WizardSummary({
  renderSubmit,
  ...summary
}: Omit<ComponentProps<typeof RequestSummary>, "provenance"> & {
  renderSubmit: (provenance: readonly ProvenanceEntry[]) => ReactNode;
}) {
  const { control } = useFormContext();
  const values: unknown = useWatch({ control });
  const marks = useRecordMarks();
  const provenance = standingProvenance(
    marks.filter((mark) => stillHolds(mark, values)),
    summary.document,
  );
  return (
    <>
      <RequestSummary {...summary} provenance={provenance} />
      {renderSubmit(provenance)}
    </>
  );
}
