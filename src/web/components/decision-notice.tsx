/**
 * The printable notice of a decision, for the practice's records (and its fax): who it is about,
 * who prescribed, what was decided and on which criteria, what is authorized (period, dose, vials),
 * who decided, and how to ask a question or appeal.
 */
import type { ReactNode } from "react";
import { APPROVAL, CRITERIA, HCPCS_CODE, POLICY_ID, doseInWords, formatDate, formatPeriod } from "@/criteria";
import { type RequestDetail } from "@/contract";
import { BackLink, Button } from "./buttons";
import { formatDateTime, formatDayOf } from "./request-status";
import { useDocumentTitle } from "./use-document-title";

const TITLE = { approve: "Approval", deny: "Denial", request_info: "Request for more information" } as const;
const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const DECIDED = { approve: "Approved", deny: "Denied", request_info: "More information requested" } as const;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-bold">{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** `back`: the page "Back to the request" leads to, as a real link. */
export function DecisionNotice({ request, back }: { request: RequestDetail; back: string }) {
  useDocumentTitle(`Decision notice ${request.reference}`);
  const decision = request.decisions.at(-1);
  const doc = request.document;
  const member = doc.member;
  const name = [member?.firstName, member?.lastName].filter(Boolean).join(" ") || "Not answered";
  return (
    <article className="max-w-3xl print:max-w-none print:text-[10.5pt]">
      <BackLink href={back}>Back to the request</BackLink>
      {decision === undefined ? (
        <p>No decision has been recorded for this request yet.</p>
      ) : (
        <>
          <p className="text-slate-700">
            Prior authorization · Policy {POLICY_ID} · Hemgenix (etranacogene dezaparvovec-drlb), HCPCS {HCPCS_CODE}
          </p>
          <h1 className="mt-2 text-3xl font-bold print:text-2xl">Notice of decision: {TITLE[decision.kind]}</h1>
          <dl className="mt-4 grid grid-cols-[8rem_1fr] gap-x-2 gap-y-1 sm:grid-cols-[11rem_1fr]">
            <Fact label="Reference">{request.reference}</Fact>
            <Fact label="Practice">{request.practiceName}</Fact>
            <Fact label="Member">{name}</Fact>
            <Fact label="Date of birth">
              {member?.dateOfBirth === undefined ? "Not answered" : formatDate(member.dateOfBirth)}
            </Fact>
            <Fact label="Member ID">{member?.memberId ?? "Not answered"}</Fact>
            <Fact label="Prescriber">{doc.prescriber?.name ?? "Not answered"}</Fact>
            <Fact label="Prescriber NPI">{doc.prescriber?.npi ?? "Not answered"}</Fact>
            <Fact label="Request received">{formatDateTime(request.receivedAt)}</Fact>
            <Fact label="Decision">
              {DECIDED[decision.kind]} on {formatDayOf(decision.decidedAt)} (version {decision.version} of the request)
            </Fact>
            <Fact label="Reviewer">{decision.decidedBy}, medical director</Fact>
          </dl>

          {decision.kind === "approve" && (
            <section aria-labelledby="authorized-title" className="mt-6">
              <h2 id="authorized-title" className="text-xl font-bold">
                What is authorized
              </h2>
              <dl className="mt-2 grid grid-cols-[8rem_1fr] gap-x-2 gap-y-1 sm:grid-cols-[11rem_1fr]">
                <Fact label="Period">
                  {decision.authorizedFrom !== null && decision.authorizedThrough !== null
                    ? formatPeriod({ from: decision.authorizedFrom, through: decision.authorizedThrough })
                    : `${APPROVAL.durationMonths} months from the decision`}
                </Fact>
                <Fact label="Dose">
                  {capitalized(doseInWords(doc, request.evaluation))}, HCPCS {HCPCS_CODE}
                </Fact>
                <Fact label="Criteria">Section I.A of policy {POLICY_ID}, reviewed by the medical director</Fact>
              </dl>
            </section>
          )}
          {decision.kind === "deny" && (
            <section aria-labelledby="criteria-title" className="mt-6">
              <h2 id="criteria-title" className="text-xl font-bold">
                Criteria not met
              </h2>
              <p className="mt-2">The request is denied because these criteria of policy {POLICY_ID} are not met:</p>
              <ul className="mt-2 list-disc pl-6">
                {decision.criteria.map((id) => (
                  <li key={id}>
                    {id} {CRITERIA[id].title}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {decision.message !== "" && (
            <section aria-labelledby="message-title" className="mt-6">
              <h2 id="message-title" className="text-xl font-bold">
                {decision.kind === "deny"
                  ? "Reasons"
                  : decision.kind === "request_info"
                    ? "What is needed"
                    : "Reviewer's note"}
              </h2>
              <p className="mt-2 whitespace-pre-wrap">{decision.message}</p>
            </section>
          )}

          <section aria-labelledby="next-title" className="mt-6 break-inside-avoid">
            <h2 id="next-title" className="text-xl font-bold">
              Questions and appeals
            </h2>
            <p className="mt-2">
              To ask a question about this decision, contact the health plan&apos;s pharmacy prior authorization team
              and quote reference {request.reference}. The prescriber may ask to discuss the decision with the reviewing
              medical director (a peer-to-peer review).
            </p>
            <p className="mt-2">
              To appeal, the member, or the prescriber on the member&apos;s behalf, sends a written appeal quoting
              reference {request.reference}, with any new documentation, to the health plan&apos;s appeals department
              within the time the member&apos;s plan documents allow.
              {decision.kind === "request_info" &&
                " No appeal is needed for a request for more information: amend and resubmit the request."}
            </p>
          </section>
          <Button className="mt-8" onClick={() => window.print()}>
            Print or save as PDF
          </Button>
        </>
      )}
    </article>
  );
}
