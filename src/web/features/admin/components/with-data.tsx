/** Loads one account, or the practices, with the usual loading and error states, then renders with the data. */
import type { ReactNode } from "react";
import type { AdminPractice, AdminUserDetail } from "@/contract";
import { LoadError, Loading } from "@/web/components/query-state";
import { useAdminPractices } from "../api/admin-practices";
import { useAdminUser } from "../api/admin-user";

export function WithAccount({ id, children }: { id: number; children: (account: AdminUserDetail) => ReactNode }) {
  const account = useAdminUser(id);
  if (account.isPending) return <Loading what="the account" />;
  if (account.isError) return <LoadError error={account.error} retry={() => void account.refetch()} />;
  return <>{children(account.data)}</>;
}

export function WithPractices({ children }: { children: (practices: AdminPractice[]) => ReactNode }) {
  const practices = useAdminPractices();
  if (practices.isPending) return <Loading what="the practices" />;
  if (practices.isError) return <LoadError error={practices.error} retry={() => void practices.refetch()} />;
  return <>{children(practices.data.practices)}</>;
}
