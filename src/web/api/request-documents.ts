/** GET /api/requests/:reference/documents: a request's documents, the checklist they answer, what is missing. */
import { queryOptions, useQuery } from "@tanstack/react-query";
import type { RequestDocumentsAnswer } from "@/contract";
import { api } from "@/web/lib/api-client";

export const requestDocumentsQuery = (reference: string) =>
  queryOptions({
    queryKey: ["requests", "documents", reference],
    queryFn: () => api<RequestDocumentsAnswer>(`/api/requests/${encodeURIComponent(reference)}/documents`),
  });

export const useRequestDocuments = (reference: string) => useQuery(requestDocumentsQuery(reference));
