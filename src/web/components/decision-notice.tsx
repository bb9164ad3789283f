/** The printable notice of a decision, for the practice's records. */
import { CRITERIA, HCPCS_CODE, POLICY_ID, type RequestDetail } from "@/criteria";
import { BackLink, Button } from "./buttons";
import { formatDate, formatDateTime } from "./request-status";
import { useDocumentTitle } from "./use-document-title";

const TITLE = { approve: "Approval", deny: "Denial", request_info: "Request for more information" } as const;

export function DecisionNotice({ request, onBack }: { request: RequestDetail; onBack: () => void }) {
  useDocumentTitle(`Decision notice ${request.reference}`);
  const decision = request.decisions.at(-1);
  return (
    <article className="max-w-3xl print:max-w-none">
      <BackLink onClick={onBack}>Back to the request</BackLink>
      {decision === undefined ? (
        <p>No decision has been recorded for this request yet.</p>
      ) : (
        <>
          <p className="text-slate-700">
            Prior authorization · Policy {POLICY_ID} · Hemgenix (etranacogene dezaparvovec-drlb), HCPCS {HCPCS_CODE}
          </p>
          <h1 className="mt-2 text-3xl font-bold">Notice of decision: {TITLE[decision.kind]}</h1>
          <dl className="mt-4 grid grid-cols-[11rem_1fr] gap-y-1">
            <dt className="font-bold">Reference</dt>
            <dd>{request.reference}</dd>
            <dt className="font-bold">Practice</dt>
            <dd>{request.practiceName}</dd>
            <dt className="font-bold">Member</dt>
            <dd>
              {request.memberName ?? "—"} ({request.memberId ?? "no member ID"})
            </dd>
            <dt className="font-bold">Request received</dt>
            <dd>{formatDateTime(request.receivedAt)}</dd>
            <dt className="font-bold">Decided</dt>
            <dd>
              {formatDateTime(decision.decidedAt)} by {decision.decidedBy}, medical director review (version{" "}
              {decision.version})
            </dd>
          </dl>
          {decision.kind === "approve" && decision.authorizedFrom !== null && decision.authorizedThrough !== null && (
            <p className="mt-4 text-lg">
              Hemgenix is authorized from <strong>{formatDate(decision.authorizedFrom)}</strong> through{" "}
              <strong>{formatDate(decision.authorizedThrough)}</strong>: one dose of {HCPCS_CODE}.
            </p>
          )}
          {decision.kind === "deny" && (
            <>
              <p className="mt-4 text-lg">
                The request is denied because these criteria of policy {POLICY_ID} are not met:
              </p>
              <ul className="mt-2 list-disc pl-6">
                {decision.criteria.map((id) => (
                  <li key={id}>
                    {id} {CRITERIA[id].title}
                  </li>
                ))}
              </ul>
            </>
          )}
          {decision.message !== "" && <p className="mt-4 whitespace-pre-wrap">{decision.message}</p>}
          <Button className="mt-8" onClick={() => window.print()}>
            Print or save as PDF
          </Button>
        </>
      )}
    </article>
  );
}
