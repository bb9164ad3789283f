/**
 * After "Fill the request": each document taken from the record, being read, sent, attached or
 * not (with why). The answers are already filled whatever happens here; a document not attached
 * can be attached from its wizard page.
 */
import type { DocumentProgress } from "./attach-documents";

const inWords = (d: DocumentProgress): string => {
  switch (d.state) {
    case "waiting":
      return "Waiting";
    case "reading":
      return "Reading it from the record…";
    case "sending":
      return `Sending: ${d.percent ?? 0}%`;
    case "attached":
      return `Attached, supporting: ${d.itemTitle}`;
    case "not-attached":
      return `Not attached. ${d.message ?? ""}`;
  }
};

export function DocumentsProgress({ documents }: { documents: readonly DocumentProgress[] }) {
  if (documents.length === 0) return null;
  const done = documents.every((d) => d.state === "attached" || d.state === "not-attached");
  const failed = documents.filter((d) => d.state === "not-attached").length;
  return (
    <section aria-labelledby="record-documents-progress" className="mb-6">
      <h2 id="record-documents-progress" className="mb-2 text-2xl font-bold">
        Documents from the record
      </h2>
      <ul className="mb-4 border-t border-slate-300">
        {documents.map((d) => (
          <li key={d.key} className="border-b border-slate-300 py-3">
            <span className="block font-bold">{d.title}</span>
            <span className={d.state === "not-attached" ? "font-bold text-red-700" : ""}>{inWords(d)}</span>
          </li>
        ))}
      </ul>
      <p role="status" className="text-lg">
        {!done
          ? "Attaching the documents…"
          : failed === 0
            ? `${documents.length === 1 ? "The document was" : `All ${documents.length} documents were`} attached to the request.`
            : `${failed} of ${documents.length} ${documents.length === 1 ? "document was" : "documents were"} not attached. The answers filled above are kept; attach ${failed === 1 ? "it" : "them"} from the wizard's pages.`}
      </p>
    </section>
  );
}
