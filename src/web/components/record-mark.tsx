/**
 * "From the patient's record" beside an answer filled from it, with its source, until the answer
 * is changed (then the mark is dropped for good: see lib/record-provenance.ts).
 */
import { useEffect } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { formatDate } from "@/criteria";
import {
  currentRecordMarks,
  markForField,
  stillHolds,
  useRecordMarks,
  type RecordMark,
} from "@/web/lib/record-provenance";

export const recordSourceText = (source: RecordMark["source"]): string =>
  `${source.reference}${source.date === undefined ? "" : `, ${formatDate(source.date)}`}`;

export function RecordMarkFor({ name }: { name: string }) {
  const mark = markForField(useRecordMarks(), name);
  return mark === undefined ? null : <HeldMark mark={mark} />;
}

function HeldMark({ mark }: { mark: RecordMark }) {
  const { control, getValues } = useFormContext();
  const value: unknown = useWatch({ control, name: mark.path });
  const holds = JSON.stringify(value) === mark.applied;
  useEffect(() => {
    if (!holds) currentRecordMarks(getValues());
  }, [holds, getValues]);
  if (!holds || !stillHolds(mark, getValues())) return null;
  return (
    <p className="mb-2 inline-block border-l-4 border-blue-700 bg-blue-50 px-2 py-1 text-base">
      <strong>From the patient&apos;s record:</strong> {recordSourceText(mark.source)}
    </p>
  );
}
