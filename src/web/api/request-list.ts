/**
 * A page of requests (staff: their practice; reviewers and admins: all): GET /api/requests, or
 * POST /api/requests/search when there is search text, so a member ID never goes in an address
 * (where browser caches and proxy logs would keep it).
 */
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import type { QueueQuery, RequestPage } from "@/contract";
import { navigate } from "@/web/lib/router";
import { ApiError, api } from "@/web/lib/api-client";

function fetchPage(query: QueueQuery): Promise<RequestPage> {
  const { q, ...filters } = query;
  const search = q?.trim() ?? "";
  if (search !== "")
    return api<RequestPage>("/api/requests/search", { method: "POST", body: { ...filters, q: search } });
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (value !== undefined && value !== "") params.set(key, String(value));
  const address = params.size === 0 ? "/api/requests" : `/api/requests?${params.toString()}`;
  return api<RequestPage>(address);
}

export function requestListQuery(query: QueueQuery) {
  return queryOptions({
    queryKey: ["requests", "list", query],
    queryFn: () => fetchPage(query),
    placeholderData: keepPreviousData,
  });
}

export const useRequestList = (query: QueueQuery) => useQuery(requestListQuery(query));

/** The key prefix of every list page, for invalidation after a change. */
export const requestListsKey = ["requests", "list"] as const;

/**
 * A cursor is opaque to the browser: only the server knows whether an address's cursor is one of
 * its own, made for this sort and these filters. When it refuses one (an edited or stale address),
 * the list starts again at its first page instead of showing an error.
 */
export function useRefusedCursorRestarts(error: Error | null, cursor: string | undefined, firstPage: string): void {
  const refused =
    cursor !== undefined &&
    error instanceof ApiError &&
    error.status === 400 &&
    error.errors.some((e) => e.path === "cursor");
  useEffect(() => {
    if (refused) navigate(firstPage, { replace: true });
  }, [refused, firstPage]);
}
