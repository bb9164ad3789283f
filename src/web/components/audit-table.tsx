/** An audit trail as a table (when, who, what): a request's on its review page, an account's on its page. */
import { auditActionText } from "@/criteria";
import { type AuditRecord } from "@/contract";
import { formatDateTime } from "./request-status";

export function AuditTable({ events, caption }: { events: readonly AuditRecord[]; caption: string }) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event, index) => (
          <tr key={index} className="border-t border-slate-200 align-top">
            <td className="pr-2">{formatDateTime(event.at)}</td>
            <td className="pr-2">{event.user}</td>
            {/* A detail may hold a long URI or code with no spaces: it wraps anywhere rather than push the page sideways. */}
            <td className="wrap-anywhere">
              {auditActionText(event.action)}
              {event.detail !== "" ? ` (${event.detail})` : ""}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
