/**
 * The required documents a version was filed without, as the submitter confirmed them at
 * submission (#11): what the reviewer should not expect to find. Nothing when none were missing,
 * or when the submit did not say (before #11). A note beside the documents, or inline in the
 * versions list.
 */
import type { VersionRecord } from "@/contract";

export function SubmittedWithout({
  version,
  inline = false,
}: {
  version: VersionRecord | undefined;
  inline?: boolean;
}) {
  const missing = version?.missingDocuments ?? [];
  if (version === undefined || missing.length === 0) return null;
  const titles = missing.map((m) => m.title).join("; ");
  if (inline) return <span className="block text-slate-700">Submitted without: {titles}</span>;
  return (
    <div
      role="note"
      aria-labelledby="submitted-without-title"
      className="mt-4 border-l-8 border-slate-500 bg-slate-100 p-3"
    >
      <p id="submitted-without-title">
        <strong>Submitted without:</strong> {titles}
      </p>
      <p className="text-slate-700">
        The submitter confirmed {missing.length === 1 ? "this required document was" : "these required documents were"}{" "}
        missing when filing version {version.version}.
      </p>
    </div>
  );
}
