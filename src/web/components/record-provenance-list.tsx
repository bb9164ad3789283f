/**
 * The summary's "Filled from the patient's record" list: each answer still as it was filled from
 * the record, with its source. Printed with the summary; nothing when no answer came from a record.
 */
import { useFormContext, useWatch } from "react-hook-form";
import { currentRecordMarks, useRecordMarks } from "@/web/lib/record-provenance";
import { recordSourceText } from "./record-mark";

export function RecordProvenanceList() {
  const { control } = useFormContext();
  const values: unknown = useWatch({ control });
  useRecordMarks();
  const marks = currentRecordMarks(values);
  if (marks.length === 0) return null;
  return (
    <section aria-labelledby="record-provenance-title" className="mt-8 break-inside-avoid print:mt-4">
      <h2 id="record-provenance-title" className="mb-2 text-2xl font-bold print:text-lg">
        Filled from the patient&apos;s record
      </h2>
      <ul className="list-disc pl-6">
        {marks.map((mark) => (
          <li key={mark.path}>
            <strong>{mark.label}:</strong> {mark.display} ({recordSourceText(mark.source)})
          </li>
        ))}
      </ul>
    </section>
  );
}
