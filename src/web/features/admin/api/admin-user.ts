/** GET and PATCH /api/admin/users/:id (admins): one account, and changing it. */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AdminUser, AdminUserDetail, UserChange } from "@/contract";
import { sessionQuery } from "@/web/api/session";
import { api } from "@/web/lib/api-client";
import { adminPracticesKey } from "./admin-practices";
import { adminUsersKey } from "./admin-users";

export const adminUserQuery = (id: number) =>
  queryOptions({
    queryKey: [...adminUsersKey, "one", id],
    queryFn: () => api<AdminUserDetail>(`/api/admin/users/${id}`),
  });

export const useAdminUser = (id: number) => useQuery(adminUserQuery(id));

export function useChangeUser(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: UserChange) => api<AdminUser>(`/api/admin/users/${id}`, { method: "PATCH", body: change }),
    // The answer has no history: the account is read again, with the change in its history.
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: adminUsersKey }),
        client.invalidateQueries({ queryKey: adminPracticesKey }),
        // An admin renaming themselves sees the new name in the header at once.
        client.invalidateQueries({ queryKey: sessionQuery.queryKey }),
      ]),
  });
}
