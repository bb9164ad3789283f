/** A resubmission's changes since the version this reviewer last saw (or the previous one), field by field. */
import type { VersionChanges } from "@/contract";

export function VersionChangesSection({ changes, version }: { changes: VersionChanges; version: number }) {
  const since =
    changes.basis === "last_viewed"
      ? `version ${changes.sinceVersion}, the last one you opened`
      : `version ${changes.sinceVersion}`;
  return (
    <section aria-labelledby="changes-title" className="mb-6 border-l-8 border-blue-700 bg-blue-50 p-4 print:hidden">
      <h2 id="changes-title" className="text-xl font-bold">
        Changed in version {version} since {since}
      </h2>
      {changes.items.length === 0 ? (
        <p className="mt-2">No answer changed.</p>
      ) : (
        <table className="mt-2 w-full border-collapse text-left">
          <caption className="sr-only">
            Each changed answer, what it was in version {changes.sinceVersion} and what it is now
          </caption>
          <thead>
            <tr className="border-b-2 border-slate-900">
              <th scope="col" className="py-1 pr-3">
                Answer
              </th>
              <th scope="col" className="py-1 pr-3">
                Was (version {changes.sinceVersion})
              </th>
              <th scope="col" className="py-1">
                Now (version {version})
              </th>
            </tr>
          </thead>
          <tbody>
            {changes.items.map((change) => (
              <tr key={change.path} className="border-b border-slate-300 align-top">
                <th scope="row" className="py-1 pr-3 font-bold">
                  {change.label}
                </th>
                <td className="py-1 pr-3">
                  <del>{change.before}</del>
                </td>
                <td className="py-1">
                  <ins className="font-bold no-underline">{change.after}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
