/** GET and POST /api/admin/users (admins): every account, and adding one. */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AdminUser, NewUserInput, UserList } from "@/contract";
import { api } from "@/web/lib/api-client";
import { adminPracticesQuery } from "./admin-practices";

/** The key prefix of every account query, for invalidation after a change. */
export const adminUsersKey = ["admin", "users"] as const;

export const adminUsersQuery = () =>
  queryOptions({
    queryKey: [...adminUsersKey, "list"],
    queryFn: () => api<UserList>("/api/admin/users"),
  });

export const useAdminUsers = () => useQuery(adminUsersQuery());

export function useAddUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewUserInput) => api<AdminUser>("/api/admin/users", { method: "POST", body }),
    // A new member of staff changes their practice's count of accounts.
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: adminUsersKey }),
        client.invalidateQueries({ queryKey: adminPracticesQuery().queryKey }),
      ]),
  });
}
