/**
 * The printable summary for submission: what a reviewer reads in two minutes. The print
 * stylesheet drops navigation and buttons; what is left is the request, the evaluation and the
 * attestation and signature lines.
 */
import type { ReactNode } from "react";
import {
  documentationChecklist,
  formatDatesIn,
  CRITERIA,
  HCPCS_CODE,
  ICD10_HEMOPHILIA_B,
  LINE_OF_BUSINESS_LABELS,
  OUTCOME_LABELS,
  POLICY_ID,
  POLICY_VERSION,
  REQUEST_TYPE_LABELS,
  SPECIALTY_LABELS,
  STATUS_LABELS,
  formatDate,
  formatGenomeCopies,
  type CriterionId,
  type EvidenceItem,
  type Evaluation,
  type RequestDocument,
} from "@/criteria";
import type { ProvenanceEntry } from "@/contract";
import { BackLink, Button } from "@/web/components/buttons";
import { documentCount } from "@/web/components/document-evidence";
import { ProvenanceList } from "@/web/components/provenance-list";
import { formatDateTime, formatDayOf } from "@/web/components/request-status";
import { useDocumentTitle } from "@/web/components/use-document-title";

/** What the plan's records say about a submitted request; printed at the top and on the attestation. */
export interface SubmissionFacts {
  reference: string;
  practiceName: string;
  receivedAt: string;
  version: number;
  /** Who submitted this version, and when. */
  submittedBy: string;
  submittedAt: string;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[11rem_1fr] gap-2 border-b border-slate-200 py-1 print:py-0.5">
      <dt className="font-bold">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function RequestSummary({
  document: doc,
  evaluation,
  onBack,
  backLabel = "Back to check your answers",
  backHref,
  title = "Summary for submission",
  submission,
  evidence,
  documentCounts,
  lead,
  documents,
  provenance,
}: {
  document: RequestDocument;
  evaluation: Evaluation;
  /** The wizard's "back" (it moves the wizard, not only the address); pages outside it give `backHref`. */
  onBack?: () => void;
  backLabel?: string;
  /** Where "back" leads, as a real link (else the wizard's back address, or a button calling `onBack`). */
  backHref?: string;
  title?: string;
  /** Once submitted: reference, practice, received date and version on top, the submitter on the attestation. */
  submission?: SubmissionFacts;
  /** The values behind each criterion (the reviewer's view: `criterionEvidence`). */
  evidence?: Readonly<Record<CriterionId, readonly EvidenceItem[]>>;
  /** Documents attached per criterion (a submitted request's, from its checklist); shown on screen, not printed. */
  documentCounts?: Readonly<Partial<Record<CriterionId, number>>>;
  /** Shown first, under the back link (a resubmission's changes). */
  lead?: ReactNode;
  /** The documents attached, by checklist item (#11); without it, the list of what to attach. */
  documents?: ReactNode;
  /** The answers filled from the patient's record and not edited since (#12); printed when there are any. */
  provenance?: readonly ProvenanceEntry[] | undefined;
}) {
  useDocumentTitle(title);
  const member = doc.member;
  const prescriber = doc.prescriber;
  const dose = evaluation.dose;
  return (
    <article className="text-base print:text-[10pt]">
      <BackLink onClick={onBack} href={backHref}>
        {backLabel}
      </BackLink>
      {lead}
      <header className="border-b-4 border-slate-900 pb-2">
        <p className="text-slate-700">
          Policy {POLICY_ID} ({POLICY_VERSION}) · Hemgenix (etranacogene dezaparvovec-drlb) · HCPCS {HCPCS_CODE}
        </p>
        <h1 className="text-3xl font-bold print:text-xl">Prior authorization request summary</h1>
        {submission !== undefined && (
          <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
            <div>
              <dt className="inline font-bold">Reference: </dt>
              <dd className="inline">{submission.reference}</dd>
            </div>
            <div>
              <dt className="inline font-bold">Practice: </dt>
              <dd className="inline">{submission.practiceName}</dd>
            </div>
            <div>
              <dt className="inline font-bold">Received: </dt>
              <dd className="inline">{formatDateTime(submission.receivedAt)}</dd>
            </div>
            <div>
              <dt className="inline font-bold">Version: </dt>
              <dd className="inline">{submission.version}</dd>
            </div>
          </dl>
        )}
      </header>

      <section aria-labelledby="outcome-title" className="mt-4 border-4 border-slate-900 p-3 print:p-2">
        <h2 id="outcome-title" className="text-xl font-bold print:text-base">
          Outcome: {OUTCOME_LABELS[evaluation.outcome]}
        </h2>
        {evaluation.approval !== undefined && (
          <p>
            Approval that would apply after medical director review: {evaluation.approval.durationMonths} months,{" "}
            {evaluation.approval.doses} dose of {HCPCS_CODE}.
          </p>
        )}
        {evaluation.referral !== undefined && (
          <p>
            Refer under policy <span className="font-bold">{evaluation.referral.policy}</span>:{" "}
            {formatDatesIn(evaluation.referral.reason)}.
          </p>
        )}
        {evaluation.validThrough !== undefined && (
          <p>
            <span className="font-bold">Valid until {formatDate(evaluation.validThrough)}</span>: labs and studies in
            this request stay within their windows until then.
          </p>
        )}
        <p>Every request under this policy requires medical director review.</p>
      </section>

      <div className="mt-4 grid gap-6 md:grid-cols-2 print:grid-cols-2 print:gap-4">
        <section aria-labelledby="request-title">
          <h2 id="request-title" className="text-xl font-bold print:text-base">
            Request
          </h2>
          <dl>
            <Row label="Request type">{REQUEST_TYPE_LABELS[doc.requestType]}</Row>
            <Row label="Request date">{formatDate(doc.requestDate)}</Row>
            <Row label="Line of business">{LINE_OF_BUSINESS_LABELS[doc.lineOfBusiness]}</Row>
            <Row label="Diagnosis">
              {doc.diagnosis?.condition === "congenital_hemophilia_b"
                ? `Congenital hemophilia B, ICD-10 ${doc.diagnosis.icd10 ?? ICD10_HEMOPHILIA_B}`
                : doc.diagnosis?.condition === "other"
                  ? `Other: ${doc.diagnosis.otherDescription ?? "not described"}`
                  : "Not answered"}
            </Row>
            <Row label="Drug">Hemgenix, HCPCS {HCPCS_CODE}</Row>
          </dl>
        </section>
        <section aria-labelledby="people-title">
          <h2 id="people-title" className="text-xl font-bold print:text-base">
            Member and prescriber
          </h2>
          <dl>
            <Row label="Member">
              <bdi>{[member?.firstName, member?.lastName].filter(Boolean).join(" ") || "Not answered"}</bdi>
            </Row>
            <Row label="Member ID">{member?.memberId ?? "Not answered"}</Row>
            <Row label="Date of birth">
              {member?.dateOfBirth === undefined ? "Not answered" : formatDate(member.dateOfBirth)}
            </Row>
            <Row label="Weight">
              {member?.weight?.value === undefined
                ? "Not answered"
                : `${member.weight.value} ${member.weight.unit ?? ""}`}
              {dose !== undefined && member?.weight?.unit === "lb" ? ` (${dose.weightKg} kg)` : ""}
            </Row>
            <Row label="Prescriber">{prescriber?.name ?? "Not answered"}</Row>
            <Row label="NPI">{prescriber?.npi ?? "Not answered"}</Row>
            <Row label="Specialty">
              {prescriber?.specialty === undefined ? "Not answered" : SPECIALTY_LABELS[prescriber.specialty]}
            </Row>
          </dl>
        </section>
      </div>

      <section aria-labelledby="criteria-title" className="mt-4">
        <h2 id="criteria-title" className="text-xl font-bold print:text-base">
          Criteria (section I.A)
        </h2>
        <table className="mt-1 w-full border-collapse text-left">
          <thead>
            <tr className="border-b-2 border-slate-900">
              <th scope="col" className="w-20 py-1">
                Criterion
              </th>
              <th scope="col" className="w-28 py-1">
                Status
              </th>
              <th scope="col" className="py-1">
                Evidence
              </th>
            </tr>
          </thead>
          <tbody>
            {evaluation.criteria.map((criterion) => (
              <tr key={criterion.id} className="break-inside-avoid border-b border-slate-200 align-top">
                <th scope="row" className="py-1 pr-2 font-bold print:py-0.5">
                  {criterion.id}
                </th>
                <td className="py-1 pr-2 font-bold whitespace-nowrap print:py-0.5">
                  {STATUS_LABELS[criterion.status]}
                </td>
                <td className="py-1 print:py-0.5">
                  <span className="block text-slate-700">{CRITERIA[criterion.id].title}</span>
                  {formatDatesIn(criterion.reason)}
                  {evidence !== undefined && (
                    <ul aria-label={`Values for ${criterion.id}`} className="mt-1 text-sm">
                      {evidence[criterion.id].map((item) => (
                        <li key={item.label}>
                          <span className="font-bold">{item.label}:</span> {item.value}
                        </li>
                      ))}
                    </ul>
                  )}
                  {documentCounts !== undefined && (
                    <p className="mt-1 text-sm font-bold print:hidden">
                      {criterion.id}: {documentCount(documentCounts[criterion.id] ?? 0)}
                      {documentCounts[criterion.id] === undefined && (
                        <span className="font-normal"> (none on the documentation checklist)</span>
                      )}
                    </p>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="dose-title" className="mt-4 break-inside-avoid">
        <h2 id="dose-title" className="text-xl font-bold print:text-base">
          Dose
        </h2>
        {dose === undefined ? (
          <p>Weight not entered: the dose cannot be calculated.</p>
        ) : (
          <p>
            {dose.weightKg} kg × {formatGenomeCopies(doc.dose?.requestedGcPerKg ?? dose.maxGcPerKg)} gc/kg ={" "}
            {formatGenomeCopies(dose.requestedTotalGc ?? dose.maxTotalGc)} genome copies; {dose.volumeMl} mL;{" "}
            {dose.vials} vials
            {dose.kitVials !== undefined ? ` (${dose.kitVials}-vial kit)` : " (more than the largest 48-vial kit)"}.
            Maximum {formatGenomeCopies(dose.maxTotalGc)} genome copies.
          </p>
        )}
      </section>

      {documents !== undefined ? (
        <div className="mt-4">{documents}</div>
      ) : (
        <section aria-labelledby="attach-title" className="mt-4 break-inside-avoid">
          <h2 id="attach-title" className="text-xl font-bold print:text-base">
            Documentation to attach
          </h2>
          <ul className="list-disc pl-6">
            {documentationChecklist(doc, evaluation).map((item) => (
              <li key={item.id}>
                {item.title} <span className="text-slate-700">({item.criteria.join(", ")})</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <ProvenanceList provenance={provenance} />

      <section aria-labelledby="sign-title" className="mt-6 break-inside-avoid print:mt-3">
        <h2 id="sign-title" className="text-xl font-bold print:text-base">
          Attestation
        </h2>
        <p>I attest that the information in this request is accurate and supported by the attached documentation.</p>
        <dl className="mt-6 grid grid-cols-[8rem_1fr] gap-y-6 print:mt-4 print:gap-y-5">
          <dt className="font-bold">Signature</dt>
          <dd className="border-b border-slate-900" />
          <dt className="font-bold">Name</dt>
          <dd className="border-b border-slate-900">{submission?.submittedBy}</dd>
          <dt className="font-bold">Date</dt>
          <dd className="border-b border-slate-900">
            {submission === undefined ? undefined : formatDayOf(submission.submittedAt)}
          </dd>
        </dl>
      </section>

      <div className="mt-8 print:hidden">
        <Button onClick={() => window.print()}>Print or save as PDF</Button>
      </div>
    </article>
  );
}
