/**
 * The member's other requests, above the decision: Hemgenix is given once (II.A), so a reviewer
 * must see an approval (or another open request) for the same member before deciding this one.
 */
import type { SameMemberRequest } from "@/contract";
import { AppLink } from "@/web/components/app-link";
import { StatusTag, formatDayOf } from "@/web/components/request-status";
import { paths } from "@/web/lib/paths";

export function SameMemberRequests({ requests }: { requests: readonly SameMemberRequest[] }) {
  if (requests.length === 0) return null;
  const approved = requests.find((r) => r.status === "approved");
  return (
    <section
      aria-labelledby="same-member-title"
      className={`border-l-8 p-4 ${approved !== undefined ? "border-red-700 bg-red-50" : "border-amber-600 bg-amber-50"}`}
    >
      <h2 id="same-member-title" className="text-xl font-bold">
        Other requests for this member
      </h2>
      {approved !== undefined && (
        <p className="mt-2 font-bold">
          {approved.reference} is approved. Hemgenix is given once (II.A): this request cannot be approved.
        </p>
      )}
      <ul className="mt-2 space-y-1">
        {requests.map((r) => (
          <li key={r.reference}>
            <AppLink to={paths.review(r.reference)}>{r.reference}</AppLink> <StatusTag status={r.status} /> · received{" "}
            {formatDayOf(r.receivedAt)} · {r.practiceName}
          </li>
        ))}
      </ul>
    </section>
  );
}
