/**
 * "Filled from the patient's record" (#12): each answer still as the record gave it, its value and
 * its source (the FHIR resource and its date). Printed with the request summary, in the wizard and
 * once submitted (the practice's and the reviewer's pages); nothing when no answer came from a record.
 */
import { fieldLabel, formatDate } from "@/criteria";
import type { ProvenanceEntry } from "@/contract";

/** "liver.enzymes.alt.value" → "ALT"; "bleeds.0.date" → the label of a bleed's date. */
const labelOf = (path: string): string =>
  fieldLabel(path.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part)));

/** "Observation/alt-1, 20 Oct 2026" */
export const sourceText = (source: ProvenanceEntry["source"]): string =>
  `${source.reference}${source.date === undefined ? "" : `, ${formatDate(source.date)}`}`;

export function ProvenanceList({ provenance }: { provenance: readonly ProvenanceEntry[] | undefined }) {
  if (provenance === undefined || provenance.length === 0) return null;
  return (
    <section aria-labelledby="record-provenance-title" className="mt-4 break-inside-avoid">
      <h2 id="record-provenance-title" className="text-xl font-bold print:text-base">
        Filled from the patient&apos;s record
      </h2>
      <ul className="list-disc pl-6">
        {provenance.map((entry) => (
          <li key={entry.path}>
            <span className="font-bold">{labelOf(entry.path)}:</span> {entry.display}{" "}
            <span className="text-slate-700">({sourceText(entry.source)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
