/** GET/PUT /api/draft: a signed-in staff member's wizard draft, kept on the server too. */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/web/lib/api-client";

export interface ServerDraft {
  draft: unknown;
  updatedAt: string;
}

export const serverDraftQuery = queryOptions({
  queryKey: ["draft"],
  queryFn: async (): Promise<ServerDraft | null> => (await api<ServerDraft | undefined>("/api/draft")) ?? null,
  staleTime: Infinity,
});

export const useServerDraft = (enabled: boolean) => useQuery({ ...serverDraftQuery, enabled });

export function useSaveServerDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (draft: unknown) => api<undefined>("/api/draft", { method: "PUT", body: { draft } }),
    // What was saved is now the server's copy: never offer it back as something different.
    onSuccess: (_data, draft) => {
      const saved: ServerDraft = { draft, updatedAt: new Date().toISOString() };
      client.setQueryData(serverDraftQuery.queryKey, () => saved);
    },
  });
}
