/**
 * The documents a submitted request carried, by checklist item, for its printed summary (#11): the
 * current version's documents only, the required items none supports named first. The same list
 * the wizard's summary prints before submission, so a printed request says what it was filed with.
 */
import type { RequestDocumentsAnswer } from "@/contract";
import { useRequestDocuments } from "@/web/api/request-documents";
import { DocumentsByItem } from "./documents-by-item";
import { LoadError, Loading } from "./query-state";

/** The documents the current (last) version carried: an amendment keeps earlier ones and may add more. */
export function currentDocuments(answer: RequestDocumentsAnswer): RequestDocumentsAnswer["documents"] {
  const carried = answer.versions.at(-1)?.documents;
  if (carried === undefined) return answer.documents;
  const ids = new Set(carried);
  return answer.documents.filter((doc) => ids.has(doc.id));
}

export function FiledDocumentsList({ answer }: { answer: RequestDocumentsAnswer }) {
  return (
    <DocumentsByItem
      checklist={answer.checklist}
      documents={currentDocuments(answer)}
      headingId="filed-documents-title"
      title="Supporting documents filed"
    />
  );
}

/** Fetches the request's documents (GET /api/requests/:reference/documents) and lists them. */
export function FiledDocumentsSummary({ reference }: { reference: string }) {
  const query = useRequestDocuments(reference);
  if (query.isPending) return <Loading what="the documents filed" />;
  if (query.isError) return <LoadError error={query.error} retry={() => void query.refetch()} />;
  return <FiledDocumentsList answer={query.data} />;
}
