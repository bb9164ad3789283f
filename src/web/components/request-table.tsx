/** A page of requests as a table, with pagination; used by staff ("My requests") and reviewers (the queue). */
import type { RequestPage } from "@/criteria";
import { navigate } from "@/web/app/router";
import { Button } from "./buttons";
import { StatusTag, formatDateTime, outcomeShort } from "./request-status";

export function RequestTable({
  page,
  linkTo,
  caption,
  onPage,
}: {
  page: RequestPage;
  linkTo: (reference: string) => string;
  caption: string;
  onPage: (page: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
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
                <a
                  href={linkTo(item.reference)}
                  className="font-bold underline"
                  onClick={(event) => {
                    event.preventDefault();
                    navigate(linkTo(item.reference));
                  }}
                >
                  {item.reference}
                </a>
                {item.expedited && <span className="block text-sm font-bold">Expedited</span>}
              </th>
              <td className="py-2 pr-3">
                {item.memberName ?? "—"}
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
      <nav aria-label="Pages" className="mt-4 flex items-center gap-4">
        <Button variant="secondary" disabled={page.page <= 1} onClick={() => onPage(page.page - 1)}>
          Previous page
        </Button>
        <span>
          Page {page.page} of {pages} ({page.total} request{page.total === 1 ? "" : "s"})
        </span>
        <Button variant="secondary" disabled={page.page >= pages} onClick={() => onPage(page.page + 1)}>
          Next page
        </Button>
      </nav>
    </>
  );
}
