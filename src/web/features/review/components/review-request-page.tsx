/**
 * One request for a reviewer: the same summary the wizard prints (with the evaluation re-run on
 * the server, and a note when it differs from the one at submission) with the documents behind
 * each criterion, the documents by checklist item (opened in a viewer on the page), the decision
 * form, the decisions and versions, and the audit trail.
 */
import { useState } from "react";
import { criterionEvidence, type DecisionKind } from "@/criteria";
import { useRequestDetail } from "@/web/api/request-detail";
import { useRequestDocuments } from "@/web/api/request-documents";
import { useSession } from "@/web/api/session";
import { AppLink } from "@/web/components/app-link";
import { Button } from "@/web/components/buttons";
import { DecisionList } from "@/web/components/decision-list";
import { documentCountsByCriterion } from "@/web/components/document-evidence";
import { RequestDocuments } from "@/web/components/request-documents";
import { LoadError, Loading } from "@/web/components/query-state";
import { PacketLink } from "@/web/components/packet-link";
import { RequestSummary } from "@/web/components/request-summary";
import { AuditTable } from "@/web/components/audit-table";
import { StatusTag, formatDateTime, outcomeShort } from "@/web/components/request-status";
import { submissionFacts } from "@/web/components/submission-facts";
import { paths } from "@/web/lib/paths";
import { useStartReview } from "../api/decide";
import { DecisionForm } from "./decision-form";
import { DecisionRecorded } from "./decision-recorded";
import { SameMemberRequests } from "./same-member";
import { VersionChangesSection } from "./version-changes";
import { FhirExportLinks } from "@/web/components/fhir-export-links";
import { FiledDocumentsList } from "@/web/components/filed-documents-summary";
import { SubmittedWithout } from "@/web/components/submitted-without";

export function ReviewRequestPage({ reference }: { reference: string }) {
  const detail = useRequestDetail(reference);
  const documents = useRequestDocuments(reference);
  const startReview = useStartReview();
  /** The decision just recorded here (for this request only: the page may be reused for another). */
  const [recorded, setRecorded] = useState<{ reference: string; kind: DecisionKind }>();
  // Admins read everything; only reviewers decide.
  const canDecide = useSession().data?.user.role === "reviewer";
  if (detail.isPending) return <Loading what="the request" />;
  if (detail.isError) return <LoadError error={detail.error} retry={() => void detail.refetch()} />;
  const request = detail.data;
  const open = canDecide && (request.status === "submitted" || request.status === "in_review");
  return (
    <div className="grid gap-8 xl:grid-cols-[minmax(0,1fr)_24rem]">
      <div>
        <div className="mb-4 flex flex-wrap items-center gap-4 print:hidden">
          <p className="text-lg">
            {request.reference} <StatusTag status={request.status} /> · received {formatDateTime(request.receivedAt)} ·
            due {formatDateTime(request.dueAt)}
            {request.expedited && <strong> · expedited</strong>}
            {request.overdue && <strong className="text-red-700"> · overdue</strong>}
          </p>
        </div>
        {request.evaluationChanged && (
          <p role="note" className="mb-4 border-l-8 border-amber-600 bg-amber-50 p-3 print:hidden">
            The evaluation re-run today differs from the one at submission (
            {outcomeShort(request.evaluationAtSubmission.outcome).toLowerCase()} then): labs may have gone stale since.
            The summary shows today&apos;s evaluation.
          </p>
        )}
        <RequestSummary
          document={request.document}
          evaluation={request.evaluation}
          backLabel="Back to the queue"
          backHref={paths.queue()}
          title={`Review ${request.reference}`}
          submission={submissionFacts(request)}
          provenance={request.versions.at(-1)?.provenance}
          evidence={criterionEvidence(request.document, request.evaluation)}
          documentCounts={documents.data === undefined ? undefined : documentCountsByCriterion(documents.data)}
          // Printed only: on screen the documents are listed (with the viewer) below the summary.
          documents={
            documents.data && (
              <div className="hidden print:block">
                <FiledDocumentsList answer={documents.data} />
              </div>
            )
          }
          lead={
            request.changes !== undefined && (
              <VersionChangesSection changes={request.changes} version={request.version} />
            )
          }
        />
        <RequestDocuments reference={reference} />
        <SubmittedWithout version={request.versions.find((v) => v.version === request.version)} />
      </div>
      <aside className="space-y-8 print:hidden">
        {canDecide && request.status === "submitted" && (
          <Button
            variant="secondary"
            disabled={startReview.isPending}
            onClick={() => startReview.mutate({ reference, expectedRowVersion: request.rowVersion })}
          >
            Start review
          </Button>
        )}
        {startReview.isError && (
          <p role="alert" className="font-bold text-red-700">
            {startReview.error.message}
          </p>
        )}
        <FhirExportLinks reference={request.reference} />
        <SameMemberRequests requests={request.sameMember} />
        <PacketLink reference={reference} />
        {recorded?.reference === reference ? (
          <DecisionRecorded reference={reference} kind={recorded.kind} />
        ) : (
          open && (
            <DecisionForm
              key={request.rowVersion}
              request={request}
              onRecorded={(kind) => setRecorded({ reference, kind })}
            />
          )
        )}
        <section aria-labelledby="decisions-title">
          <h2 id="decisions-title" className="mb-2 text-2xl font-bold">
            Decisions
          </h2>
          <DecisionList decisions={request.decisions} />
          {request.decisions.length > 0 && (
            <AppLink to={paths.reviewNotice(reference)} className="mt-2 inline-block underline">
              Printable decision notice
            </AppLink>
          )}
        </section>
        <section aria-labelledby="versions-title">
          <h2 id="versions-title" className="mb-2 text-2xl font-bold">
            Versions
          </h2>
          <ol className="list-decimal pl-6">
            {request.versions.map((v) => (
              <li key={v.version}>
                Version {v.version}, {formatDateTime(v.submittedAt)}, {v.submittedBy}: {outcomeShort(v.outcome)}
                <SubmittedWithout version={v} inline />
              </li>
            ))}
          </ol>
        </section>
        {request.audit !== undefined && (
          <section aria-labelledby="audit-title">
            <h2 id="audit-title" className="mb-2 text-2xl font-bold">
              Audit trail
            </h2>
            <AuditTable events={request.audit} caption="Every read and change of this request" />
          </section>
        )}
      </aside>
    </div>
  );
}
