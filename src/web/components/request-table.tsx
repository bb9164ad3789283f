/**
 * A page of requests as a table, with pagination; used by staff ("My requests") and reviewers (the
 * queue). Pagination follows the GOV.UK pattern: a labelled nav with Previous and Next links (each
 * left out where there is no such page); the links carry the server's opaque cursor.
 */
import type { ReactNode } from "react";
import type { RequestPage } from "@/contract";
import { AppLink } from "./app-link";
import { StatusTag, formatDateTime, outcomeShort } from "./request-status";

function PageLink({ href, rel, children }: { href: string; rel: "prev" | "next"; children: ReactNode }) {
  return (
    <AppLink to={href} rel={rel} className="text-lg font-bold underline">
      {children}
    </AppLink>
  );
}

export function RequestTable({
  page,
  linkTo,
  caption,
  pageHref,
}: {
  page: RequestPage;
  linkTo: (reference: string) => string;
  caption: string;
  /** Where the page a cursor leads to is shown. */
  pageHref: (cursor: string) => string;
}) {
  // The count is exact; while requests arrive during a walk the page number can pass it.
  const pages = Math.max(page.page, Math.ceil(page.total / page.pageSize));
  return (
    <>
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-900">
            <th scope="col" className="py-2 pr-3">
              Reference
            </th>
            <th scope="col" className="py-2 pr-3">
              Member
            </th>
            <th scope="col" className="py-2 pr-3">
              Status
            </th>
            <th scope="col" className="py-2 pr-3">
              Outcome
            </th>
            <th scope="col" className="py-2 pr-3">
              Received
            </th>
            <th scope="col" className="py-2">
              Due
            </th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((item) => (
            <tr
              key={item.reference}
              className={`border-b border-slate-200 align-top ${item.overdue ? "bg-red-50" : ""}`}
            >
              <th scope="row" className="py-2 pr-3">
                <AppLink to={linkTo(item.reference)} className="font-bold underline">
                  {item.reference}
                </AppLink>
                {item.expedited && <span className="block text-sm font-bold">Expedited</span>}
                {item.version > 1 && " "}
                {item.version > 1 && (
                  <span className="mt-1 block w-fit border-2 border-slate-900 px-1 text-sm font-bold">
                    Resubmitted (version {item.version})
                  </span>
                )}
              </th>
              <td className="py-2 pr-3">
                <bdi>{item.memberName ?? "—"}</bdi>
                <span className="block text-sm text-slate-600">{item.memberId ?? "no member ID"}</span>
              </td>
              <td className="py-2 pr-3">
                <StatusTag status={item.status} />
              </td>
              <td className="py-2 pr-3">{outcomeShort(item.outcome)}</td>
              <td className="py-2 pr-3">{formatDateTime(item.receivedAt)}</td>
              <td className="py-2">
                {formatDateTime(item.dueAt)}
                {item.overdue && <strong className="block text-red-700">Overdue</strong>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center gap-6 print:hidden">
        {page.previous !== null && (
          <PageLink href={pageHref(page.previous)} rel="prev">
            <span aria-hidden="true">‹ </span>Previous page
          </PageLink>
        )}
        <p>
          Page {page.page} of {pages} ({page.total} request{page.total === 1 ? "" : "s"})
        </p>
        {page.next !== null && (
          <PageLink href={pageHref(page.next)} rel="next">
            Next page<span aria-hidden="true"> ›</span>
          </PageLink>
        )}
      </nav>
    </>
  );
}
