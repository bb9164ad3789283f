/**
 * One account as a GOV.UK summary list: each row says what is set and links to the page that
 * changes it. Accounts are deactivated, never deleted (their requests and decisions keep the name).
 */
import type { ReactNode } from "react";
import { ROLE_LABELS, type AdminUserDetail } from "@/contract";
import { useSession } from "@/web/api/session";
import { AppLink, BackTo } from "@/web/components/app-link";
import { AuditTable } from "@/web/components/audit-table";
import { Loading } from "@/web/components/query-state";
import { formatDateTime } from "@/web/components/request-status";
import { useDocumentTitle } from "@/web/components/use-document-title";
import { paths, type AccountChange } from "@/web/lib/paths";
import { AdminNav, FlashBanner } from "./admin-chrome";
import { WithAccount } from "./with-data";

function Row({ label, value, change }: { label: string; value: ReactNode; change?: { to: string; text: string } }) {
  return (
    <div className="border-b border-slate-300 py-3 sm:flex sm:gap-6">
      <dt className="font-bold sm:w-1/4">{label}</dt>
      <dd className="sm:flex-1">{value}</dd>
      <dd className="sm:w-1/4 sm:text-right">
        {change !== undefined && (
          <AppLink to={change.to}>
            {change.text}
            <span className="sr-only"> ({label.toLowerCase()})</span>
          </AppLink>
        )}
      </dd>
    </div>
  );
}

const dateOf = (iso: string): string =>
  new Date(iso).toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric" });

function Account({ account, self }: { account: AdminUserDetail; self: boolean }) {
  useDocumentTitle(account.name);
  const change = (which: AccountChange) => paths.changeAccount(account.id, which);
  return (
    <div className="max-w-4xl">
      <AdminNav current="accounts" onSubPage />
      <BackTo to={paths.accounts()}>Accounts</BackTo>
      <FlashBanner />
      <h1 className="mb-6 text-3xl font-bold">
        {account.name}
        {self && <span className="ml-3 text-xl font-normal text-slate-600"> (you)</span>}
      </h1>
      <dl className="mb-8 border-t border-slate-300">
        <Row label="Full name" value={account.name} change={{ to: change("details"), text: "Change" }} />
        <Row label="Email address" value={<span className="break-all">{account.email}</span>} />
        <Row
          label="Role"
          value={ROLE_LABELS[account.role]}
          {...(!self && { change: { to: change("details"), text: "Change" } })}
        />
        {account.role === "staff" && (
          <Row
            label="Practice"
            value={account.practiceName ?? "—"}
            change={{ to: change("details"), text: "Change" }}
          />
        )}
        <Row label="Password" value="Set" change={{ to: change("password"), text: "Set a new password" }} />
        <Row
          label="Status"
          value={account.active ? "Active" : "Deactivated: cannot sign in"}
          {...(!self && {
            change: { to: change("status"), text: account.active ? "Deactivate" : "Reactivate" },
          })}
        />
        <Row label="Added" value={dateOf(account.createdAt)} />
        <Row
          label="Last signed in"
          value={account.lastSignedInAt === null ? "Never" : formatDateTime(account.lastSignedInAt)}
        />
      </dl>
      <p className="mb-10 text-slate-700">
        An email address cannot be changed: add an account with the new address and deactivate this one.
      </p>
      <section aria-labelledby="history-title">
        <h2 id="history-title" className="mb-2 text-2xl font-bold">
          History
        </h2>
        {account.history.length === 0 ? (
          <p>Nothing recorded yet.</p>
        ) : (
          <AuditTable events={account.history} caption="Changes to this account, newest first" />
        )}
      </section>
    </div>
  );
}

export function AccountPage({ id }: { id: number }) {
  const session = useSession();
  // Whose account it is decides what is offered: wait to know who is signed in.
  if (session.isPending) return <Loading what="your account" />;
  return (
    <WithAccount id={id}>{(account) => <Account account={account} self={session.data?.user.id === id} />}</WithAccount>
  );
}
