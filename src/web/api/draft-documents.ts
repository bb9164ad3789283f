/**
 * The staff member's draft documents (#11; the contract is src/contract/documents.ts):
 * GET /api/draft/documents, POST (an upload, by XMLHttpRequest for its progress), PATCH (what one
 * supports), DELETE (remove before submission). A new request's and an amendment's live side by
 * side on the server; `forDraft` keeps those of the draft in the wizard.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { DocumentInfo, DocumentsAnswer, DocumentsRefusal, RefusedFile } from "@/contract";
import { api, csrfHeaders, reportSessionEnded } from "@/web/lib/api-client";

export const draftDocumentsQuery = queryOptions({
  queryKey: ["draft", "documents"],
  queryFn: () => api<DocumentsAnswer>("/api/draft/documents"),
  staleTime: 0,
});

/** The documents of the draft in the wizard: an amendment's of `amends`, else the new request's. */
export const forDraft = (documents: readonly DocumentInfo[], amends: string | undefined): DocumentInfo[] =>
  documents.filter((doc) => doc.amends === (amends ?? null));

export const useDraftDocuments = (enabled = true) => useQuery({ ...draftDocumentsQuery, enabled });

export function useRemoveDraftDocument() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<undefined>(`/api/draft/documents/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSettled: () => client.invalidateQueries({ queryKey: draftDocumentsQuery.queryKey }),
  });
}

export function useSetDocumentItems() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, items }: { id: string; items: string[] }) =>
      api<DocumentInfo>(`/api/draft/documents/${encodeURIComponent(id)}`, { method: "PATCH", body: { items } }),
    onSettled: () => client.invalidateQueries({ queryKey: draftDocumentsQuery.queryKey }),
  });
}

export type UploadOutcome =
  | { kind: "stored"; documents: DocumentInfo[] }
  | { kind: "refused"; refused: RefusedFile[]; error: string }
  | { kind: "failed"; message: string }
  | { kind: "cancelled" };

export interface Upload {
  done: Promise<UploadOutcome>;
  cancel: () => void;
}

const NO_CONNECTION = "The upload did not reach the server. Check the connection and attach the file again.";

/**
 * Sends one file to the draft (or the amendment of `amends`) as supporting `items`, reporting the
 * bytes sent. Never rejects: a refusal, a failure or a cancel is an outcome.
 */
export function uploadDocument(
  file: File,
  items: readonly string[],
  amends: string | undefined,
  onProgress: (sent: number, total: number) => void,
): Upload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadOutcome>((resolve) => {
    const url = `/api/draft/documents${amends === undefined ? "" : `?amends=${encodeURIComponent(amends)}`}`;
    xhr.open("POST", url);
    xhr.withCredentials = true;
    xhr.setRequestHeader("accept", "application/json");
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onabort = () => resolve({ kind: "cancelled" });
    xhr.onerror = () => resolve({ kind: "failed", message: NO_CONNECTION });
    xhr.onload = () => {
      let body: Partial<DocumentsAnswer & DocumentsRefusal> & { errors?: { message: string }[] } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // Not JSON (a proxy's page): answered below from the status.
      }
      if (xhr.status === 201 && Array.isArray(body.documents)) resolve({ kind: "stored", documents: body.documents });
      else if (Array.isArray(body.refused) && body.refused.length > 0)
        resolve({ kind: "refused", refused: body.refused, error: body.error ?? "" });
      else {
        if (xhr.status === 401) reportSessionEnded();
        resolve({
          kind: "failed",
          message:
            body.error ?? body.errors?.[0]?.message ?? `The server answered ${xhr.status}. Attach the file again.`,
        });
      }
    };
    const form = new FormData();
    form.append("items", items.join(","));
    form.append("file", file, file.name);
    xhr.send(form);
  });
  return { done, cancel: () => xhr.abort() };
}
