/** POST /api/requests/:reference/start-review and /decision (reviewers). */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CriterionId, DecisionKind } from "@/criteria";
import type { DecisionAnswer, StartReviewAnswer } from "@/contract";
import { api } from "@/web/lib/api-client";
import { requestDetailQuery } from "@/web/api/request-detail";
import { requestListsKey } from "@/web/api/request-list";

function useInvalidateRequest() {
  const client = useQueryClient();
  return (reference: string) =>
    Promise.all([
      client.invalidateQueries({ queryKey: requestListsKey }),
      client.invalidateQueries({ queryKey: requestDetailQuery(reference).queryKey }),
    ]);
}

export function useStartReview() {
  const invalidate = useInvalidateRequest();
  return useMutation({
    mutationFn: (input: { reference: string; expectedRowVersion: number }) =>
      api<StartReviewAnswer>(`/api/requests/${encodeURIComponent(input.reference)}/start-review`, {
        method: "POST",
        body: { expectedRowVersion: input.expectedRowVersion },
      }),
    onSettled: (_data, _error, input) => invalidate(input.reference),
  });
}

export interface DecisionInput {
  reference: string;
  kind: DecisionKind;
  criteria: CriterionId[];
  message: string;
  /** request_info: the checklist items whose documents are missing or unreadable. */
  documents: string[];
  expectedRowVersion: number;
}

/** Refreshes only on success: after a refusal (409) the reviewer reads why, then reloads. */
export function useDecide() {
  const invalidate = useInvalidateRequest();
  return useMutation({
    mutationFn: ({ reference, ...body }: DecisionInput) =>
      api<DecisionAnswer>(`/api/requests/${encodeURIComponent(reference)}/decision`, {
        method: "POST",
        body,
      }),
    onSuccess: (_data, input) => invalidate(input.reference),
  });
}

export const useReloadRequest = useInvalidateRequest;
