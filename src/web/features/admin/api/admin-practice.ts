/** GET and PATCH /api/admin/practices/:id (admins): one practice with its history, and renaming it. */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AdminPractice, AdminPracticeDetail, PracticeInput } from "@/contract";
import { api } from "@/web/lib/api-client";
import { adminPracticesKey } from "./admin-practices";
import { adminUsersKey } from "./admin-users";

export const adminPracticeQuery = (id: number) =>
  queryOptions({
    queryKey: [...adminPracticesKey, "one", id],
    queryFn: () => api<AdminPracticeDetail>(`/api/admin/practices/${id}`),
  });

export const useAdminPractice = (id: number) => useQuery(adminPracticeQuery(id));

export function useRenamePractice(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PracticeInput) => api<AdminPractice>(`/api/admin/practices/${id}`, { method: "PATCH", body }),
    // The practice (its name and history), the list and the account lists (they show the name) reload.
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: adminPracticesKey }),
        client.invalidateQueries({ queryKey: adminUsersKey }),
      ]),
  });
}
