/**
 * A submitted request's documents, listed by checklist item (title, file name, type, pages, size,
 * the version that first carried it), with the missing required items named first. Opening one
 * shows it in the viewer on the same page (loaded on first use); closing gives focus back to the
 * button that opened it. The reviewer's page and the practice's own request page both use it.
 */
import { Suspense, lazy, useEffect, useRef, useState } from "react";
import { DOCUMENT_TYPE_LABELS, type DocumentInfo, type RequestDocumentsAnswer } from "@/contract";
import { useRequestDocuments } from "@/web/api/request-documents";
import { documentDownloadUrl, documentsOffChecklist, formatSize, pagesText } from "./document-evidence";
import { LoadError, Loading } from "./query-state";

const DocumentViewer = lazy(() => import("./document-viewer").then((m) => ({ default: m.DocumentViewer })));

export function RequestDocuments({ reference }: { reference: string }) {
  const query = useRequestDocuments(reference);
  return (
    <section aria-labelledby="documents-title" className="mt-8 print:hidden">
      <h2 id="documents-title" className="mb-2 text-2xl font-bold">
        Supporting documents
      </h2>
      {query.isPending ? (
        <Loading what="the documents" />
      ) : query.isError ? (
        <LoadError error={query.error} retry={() => void query.refetch()} />
      ) : (
        <DocumentsByItem answer={query.data} />
      )}
    </section>
  );
}

export function DocumentsByItem({ answer }: { answer: RequestDocumentsAnswer }) {
  const [open, setOpen] = useState<DocumentInfo>();
  const opener = useRef<HTMLButtonElement | null>(null);
  // Once the viewer has gone, focus returns to the button that opened it (which stays in the list).
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open === undefined && wasOpen.current) opener.current?.focus();
    wasOpen.current = open !== undefined;
  }, [open]);

  const byId = new Map(answer.documents.map((doc) => [doc.id, doc]));
  const missing = answer.checklist.filter((item) => answer.missing.includes(item.id));
  const offChecklist = documentsOffChecklist(answer);
  const openButton = (doc: DocumentInfo) => (
    <DocumentRow
      key={doc.id}
      document={doc}
      onOpen={(button) => {
        opener.current = button;
        setOpen(doc);
      }}
    />
  );

  return (
    <>
      <p className="mb-4">
        {answer.documents.length === 0
          ? "No document is attached to this request."
          : `${answer.documents.length} ${answer.documents.length === 1 ? "document" : "documents"} attached.`}
      </p>
      {missing.length > 0 && (
        <div className="mb-4 border-l-8 border-amber-600 bg-amber-50 p-3">
          <h3 className="text-lg font-bold">Required documents missing</h3>
          <ul className="list-disc pl-6">
            {missing.map((item) => (
              <li key={item.id}>
                {item.title} <span className="text-slate-700">({item.criteria.join(", ")})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {open !== undefined && (
        <Suspense fallback={<Loading what="the document viewer" />}>
          <DocumentViewer key={open.id} document={open} onClose={() => setOpen(undefined)} />
        </Suspense>
      )}
      <ul className="space-y-4">
        {answer.checklist.map((item) => (
          <li key={item.id} className="border-b border-slate-200 pb-3">
            <h3 className="font-bold">
              {item.title} <span className="font-normal text-slate-700">({item.criteria.join(", ")})</span>
            </h3>
            {item.documents.length === 0 ? (
              <p className={answer.missing.includes(item.id) ? "font-bold text-red-800" : "text-slate-700"}>
                {answer.missing.includes(item.id) ? "Missing: no document attached" : "No document attached"}
                {!item.required && " (needed only if it applies)"}
              </p>
            ) : (
              <ul className="mt-1 space-y-1">
                {item.documents.flatMap((id) => {
                  const doc = byId.get(id);
                  return doc === undefined ? [] : [openButton(doc)];
                })}
              </ul>
            )}
          </li>
        ))}
        {offChecklist.length > 0 && (
          <li className="border-b border-slate-200 pb-3">
            <h3 className="font-bold">Other documents (for items no longer on the checklist)</h3>
            <ul className="mt-1 space-y-1">{offChecklist.map(openButton)}</ul>
          </li>
        )}
      </ul>
    </>
  );
}

function DocumentRow({
  document: doc,
  onOpen,
}: {
  document: DocumentInfo;
  onOpen: (button: HTMLButtonElement) => void;
}) {
  return (
    <li className="flex flex-wrap items-baseline gap-x-3">
      <button
        type="button"
        onClick={(event) => onOpen(event.currentTarget)}
        className="text-left font-bold break-all text-blue-800 underline"
      >
        Open {doc.fileName}
      </button>
      <span className="text-slate-700">
        {DOCUMENT_TYPE_LABELS[doc.mediaType]} · {pagesText(doc.pages)} · {formatSize(doc.size)}
        {doc.version !== null && ` · added in version ${doc.version}`}
      </span>
      <a href={documentDownloadUrl(doc.id)} download={doc.fileName} className="underline">
        Download <span className="sr-only">{doc.fileName}</span>
      </a>
    </li>
  );
}
