/** The decisions on a request, newest last, with their reasons and authorization. */
import { CRITERIA, formatDate } from "@/criteria";
import { type DecisionRecord } from "@/contract";
import { formatDateTime } from "./request-status";

const KIND: Readonly<Record<DecisionRecord["kind"], string>> = {
  approve: "Approved",
  deny: "Denied",
  request_info: "More information requested",
};

export function DecisionList({ decisions }: { decisions: readonly DecisionRecord[] }) {
  if (decisions.length === 0) return <p>No decision yet.</p>;
  return (
    <ol className="space-y-4">
      {decisions.map((d) => (
        <li key={`${d.decidedAt}-${d.kind}`} className="border-l-4 border-slate-400 pl-4">
          <p className="font-bold">
            {KIND[d.kind]} on {formatDateTime(d.decidedAt)} by {d.decidedBy} (version {d.version})
          </p>
          {d.authorizedFrom !== null && d.authorizedThrough !== null && (
            <p>
              Authorized from {formatDate(d.authorizedFrom)} through {formatDate(d.authorizedThrough)}: one dose of
              J1411.
            </p>
          )}
          {d.criteria.length > 0 && (
            <ul className="list-disc pl-6">
              {d.criteria.map((id) => (
                <li key={id}>
                  {id} {CRITERIA[id].title}
                </li>
              ))}
            </ul>
          )}
          {d.message !== "" && <p className="whitespace-pre-wrap">{d.message}</p>}
          {d.documentsRequested.length > 0 && (
            <>
              <p className="font-bold">Documents asked for:</p>
              <ul className="list-disc pl-6">
                {d.documentsRequested.map((doc) => (
                  <li key={doc.id}>{doc.title}</li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
