/** GET /api/requests: a page of requests (staff: their practice; reviewers and admins: all). */
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { QueueQuery, RequestPage } from "@/criteria";
import { api } from "@/web/lib/api-client";

export function requestListQuery(query: QueueQuery) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== "") params.set(key, String(value));
  return queryOptions({
    queryKey: ["requests", "list", query],
    queryFn: () => api<RequestPage>(`/api/requests?${params.toString()}`),
    placeholderData: keepPreviousData,
  });
}

export const useRequestList = (query: QueueQuery) => useQuery(requestListQuery(query));

/** The key prefix of every list page, for invalidation after a change. */
export const requestListsKey = ["requests", "list"] as const;
