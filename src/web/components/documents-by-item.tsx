/**
 * Every document of a request by checklist item, with the required items none supports named
 * first ("Check your answers", the summary). File names are shown as text (React escapes them).
 */
import type { DocumentInfo } from "@/contract";
import type { ChecklistItem } from "@/criteria";
import { documentFacts, documentsOf, missingRequired } from "@/web/lib/document-list";

export function MissingDocumentsWarning({ missing }: { missing: readonly ChecklistItem[] }) {
  if (missing.length === 0) return null;
  return (
    <div className="mb-4 border-l-8 border-amber-600 bg-amber-50 p-4">
      <p className="font-bold">
        <span aria-hidden="true">! </span>
        <span className="sr-only">Warning: </span>
        {missing.length === 1
          ? "1 required document is not attached:"
          : `${missing.length} required documents are not attached:`}
      </p>
      <ul className="list-disc pl-6">
        {missing.map((item) => (
          <li key={item.id}>{item.title}</li>
        ))}
      </ul>
    </div>
  );
}

export function DocumentsByItem({
  checklist,
  documents,
  headingId = "documents-title",
  title = "Supporting documents",
}: {
  checklist: readonly ChecklistItem[];
  documents: readonly DocumentInfo[];
  headingId?: string;
  title?: string;
}) {
  // Every document is listed: one whose items all left the checklist (an answer changed) too.
  const unlisted = documents.filter((doc) => !doc.items.some((id) => checklist.some((item) => item.id === id)));
  return (
    <section aria-labelledby={headingId} className="mb-8 break-inside-avoid">
      <h2 id={headingId} className="mb-2 text-2xl font-bold print:text-base">
        {title}
      </h2>
      <MissingDocumentsWarning missing={missingRequired(checklist, documents)} />
      <dl className="border-t border-slate-300">
        {checklist.map((item) => {
          const attached = documentsOf(item, documents);
          return (
            <div
              key={item.id}
              className="grid grid-cols-1 gap-1 border-b border-slate-300 py-3 sm:grid-cols-[18rem_1fr] sm:gap-4"
            >
              <dt className="font-bold">
                {item.title} <span className="font-normal text-slate-700">({item.criteria.join(", ")})</span>
              </dt>
              <dd>
                {attached.length === 0 ? (
                  <span className={item.required ? "font-bold text-red-700" : "text-slate-700"}>
                    {item.required ? "Missing: none attached" : "None attached (needed only if it applies)"}
                  </span>
                ) : (
                  <ul>
                    {attached.map((doc) => (
                      <li key={doc.id}>
                        <span className="break-all">{doc.fileName}</span>{" "}
                        <span className="text-slate-700">({documentFacts(doc)})</span>
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      {unlisted.length > 0 && (
        <>
          <h3 className="mt-4 text-lg font-bold">Attached to items no longer on the checklist</h3>
          <p className="text-slate-700">The answers changed since; they are still sent with the request.</p>
          <ul>
            {unlisted.map((doc) => (
              <li key={doc.id}>
                <span className="break-all">{doc.fileName}</span>{" "}
                <span className="text-slate-700">({documentFacts(doc)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
