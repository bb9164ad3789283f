/** GET and POST /api/admin/practices (admins): every practice with its counts, and adding one. */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AdminPractice, PracticeInput, PracticeList } from "@/contract";
import { api } from "@/web/lib/api-client";

/** The key prefix of every practice query, for invalidation after a change. */
export const adminPracticesKey = ["admin", "practices"] as const;

export const adminPracticesQuery = () =>
  queryOptions({
    queryKey: [...adminPracticesKey, "list"],
    queryFn: () => api<PracticeList>("/api/admin/practices"),
  });

export const useAdminPractices = () => useQuery(adminPracticesQuery());

export function useAddPractice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PracticeInput) => api<AdminPractice>("/api/admin/practices", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: adminPracticesKey }),
  });
}
