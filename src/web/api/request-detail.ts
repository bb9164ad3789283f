/** GET /api/requests/:reference: one request with its evaluation, versions, decisions (and audit for reviewers). */
import { queryOptions, useQuery } from "@tanstack/react-query";
import type { RequestDetail } from "@/contract";
import { api } from "@/web/lib/api-client";

export const requestDetailQuery = (reference: string) =>
  queryOptions({
    queryKey: ["requests", "detail", reference],
    queryFn: () => api<RequestDetail>(`/api/requests/${encodeURIComponent(reference)}`),
  });

export const useRequestDetail = (reference: string) => useQuery(requestDetailQuery(reference));
