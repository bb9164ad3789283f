/** POST /api/requests (a new request) and POST /api/requests/:reference/versions (an amended one). */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { RequestDocument } from "@/criteria";
import { api } from "@/web/lib/api-client";
import { requestDetailQuery } from "./request-detail";
import { requestListsKey } from "./request-list";

export interface SubmitInput {
  document: RequestDocument;
  expedited: boolean;
  idempotencyKey: string;
}

export function useSubmitRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SubmitInput) => api<{ reference: string }>("/api/requests", { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: requestListsKey }),
  });
}

export function useAmendRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { reference: string; document: RequestDocument; expectedRowVersion: number }) =>
      api<{ reference: string; rowVersion: number }>(`/api/requests/${encodeURIComponent(input.reference)}/versions`, {
        method: "POST",
        body: { document: input.document, expectedRowVersion: input.expectedRowVersion },
      }),
    onSuccess: (_data, input) =>
      Promise.all([
        client.invalidateQueries({ queryKey: requestListsKey }),
        client.invalidateQueries({ queryKey: requestDetailQuery(input.reference).queryKey }),
      ]),
  });
}
