/** Every account, with a filter, and the way to add one. */
import { useDeferredValue, useState } from "react";
import { ROLE_LABELS, type AdminUser } from "@/contract";
import { AppLink } from "@/web/components/app-link";
import { Empty, LoadError, Loading } from "@/web/components/query-state";
import { useDocumentTitle } from "@/web/components/use-document-title";
import { paths } from "@/web/lib/paths";
import { useAdminUsers } from "../api/admin-users";
import { AdminNav, FlashBanner } from "./admin-chrome";

const matches = (user: AdminUser, text: string): boolean =>
  [user.name, user.email, user.practiceName ?? "", ROLE_LABELS[user.role]].some((v) => v.toLowerCase().includes(text));

const accounts = (n: number): string => `${n} ${n === 1 ? "account" : "accounts"}`;

export function AccountsPage() {
  useDocumentTitle("Accounts");
  const users = useAdminUsers();
  const [filter, setFilter] = useState("");
  const text = useDeferredValue(filter.trim().toLowerCase());
  const shown = users.data?.users.filter((u) => text === "" || matches(u, text)) ?? [];

  return (
    <div>
      <AdminNav current="accounts" />
      <FlashBanner />
      <h1 className="mb-6 text-3xl font-bold">Accounts</h1>
      <AppLink
        to={paths.newAccount()}
        className="mb-8 inline-block border-b-4 border-slate-900/40 bg-green-800 px-4 py-2 text-lg font-bold text-white no-underline hover:bg-green-900"
      >
        Add an account
      </AppLink>
      {users.isPending ? (
        <Loading what="the accounts" />
      ) : users.isError ? (
        <LoadError error={users.error} retry={() => void users.refetch()} />
      ) : (
        <>
          <div className="mb-6">
            <label htmlFor="account-filter" className="mb-1 block text-lg font-bold">
              Find an account
            </label>
            <p id="account-filter-hint" className="mb-2 text-slate-600">
              By name, email address, role or practice
            </p>
            <input
              id="account-filter"
              type="search"
              aria-describedby="account-filter-hint"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              className="block w-full max-w-md border-2 border-slate-900 px-2 py-1.5 text-lg"
            />
          </div>
          <p role="status" className="mb-2">
            {shown.length === users.data.users.length
              ? accounts(shown.length)
              : `${shown.length} of ${accounts(users.data.users.length)}`}
          </p>
          {shown.length === 0 ? (
            <Empty>No account matches “{filter.trim()}”.</Empty>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left">
                <caption className="sr-only">Accounts</caption>
                <thead>
                  <tr className="border-b-2 border-slate-900">
                    <th scope="col" className="py-2 pr-4">
                      Name
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      Email address
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      Role
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      Practice
                    </th>
                    <th scope="col" className="py-2">
                      Status
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((user) => (
                    <tr key={user.id} className="border-b border-slate-300">
                      <td className="py-2 pr-4">
                        <AppLink to={paths.account(user.id)}>{user.name}</AppLink>
                      </td>
                      <td className="py-2 pr-4 break-all">{user.email}</td>
                      <td className="py-2 pr-4">{ROLE_LABELS[user.role]}</td>
                      <td className="py-2 pr-4">{user.practiceName ?? "—"}</td>
                      <td className="py-2">
                        {user.active ? (
                          "Active"
                        ) : (
                          <strong className="bg-slate-200 px-2 py-0.5 text-slate-900">Deactivated</strong>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
