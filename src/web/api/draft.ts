/**
 * GET/PUT/DELETE /api/draft: a signed-in staff member's wizard draft, kept on the server too.
 * Each save carries a stamp this browser chose, so it can tell its own save from another
 * computer's. Saves can be held (while a submit is on its way) so none lands after the filing.
 */
import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { DraftAmends, DraftAnswer } from "@/contract";
import { api } from "@/web/lib/api-client";

export const serverDraftQuery = queryOptions({
  queryKey: ["draft"],
  queryFn: async (): Promise<DraftAnswer | null> => (await api<DraftAnswer | undefined>("/api/draft")) ?? null,
  staleTime: 0,
  refetchOnWindowFocus: false,
});

/** Read afresh whenever the wizard opens: another computer may have saved since. */
export const useServerDraft = (enabled: boolean) =>
  useQuery({ ...serverDraftQuery, enabled, refetchOnMount: "always" });

const DRAFT_MUTATIONS = ["draft"] as const;

export interface DraftSave {
  draft: unknown;
  stamp: string;
  amends: DraftAmends | null;
}

export function useSaveServerDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: [...DRAFT_MUTATIONS, "save"],
    mutationFn: (save: DraftSave) => api<undefined>("/api/draft", { method: "PUT", body: save }),
    // What was saved is now the server's copy.
    onSuccess: (_data, save) => {
      const saved: DraftAnswer = { ...save, updatedAt: new Date().toISOString() };
      client.setQueryData(serverDraftQuery.queryKey, saved);
    },
  });
}

export function useDeleteServerDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: [...DRAFT_MUTATIONS, "delete"],
    mutationFn: () => api<undefined>("/api/draft", { method: "DELETE" }),
    onSuccess: () => client.setQueryData(serverDraftQuery.queryKey, null),
  });
}

let holds = 0;

/** While held, the wizard sends no draft to the server (a submit is on its way). Returns the release. */
export function holdDraftSaves(): () => void {
  holds += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds -= 1;
  };
}

export const draftSavesHeld = (): boolean => holds > 0;

/** Resolves once no draft save or delete is on its way (at most a few seconds). */
export async function draftSavesSettled(client: QueryClient, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (client.isMutating({ mutationKey: [...DRAFT_MUTATIONS] }) > 0 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
