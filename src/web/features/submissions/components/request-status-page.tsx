/**
 * A submitted request as its practice sees it: status, decisions and their reasons, versions, and
 * its documents by checklist item (opened in the same viewer as the reviewer's). When more
 * information is requested it can be amended and resubmitted as a new version; the documents the
 * reviewer asked for are named.
 */
import { useState } from "react";
import type { RequestDocument } from "@/criteria";
import { AppLink } from "@/web/components/app-link";
import { useRequestDetail } from "@/web/api/request-detail";
import { Button } from "@/web/components/buttons";
import { DecisionList } from "@/web/components/decision-list";
import { DocumentsRequested } from "@/web/components/documents-requested";
import { RequestDocuments } from "@/web/components/request-documents";
import { LoadError, Loading } from "@/web/components/query-state";
import { PacketLink } from "@/web/components/packet-link";
import { StatusTag, formatDateTime, outcomeShort } from "@/web/components/request-status";
import { useDocumentTitle } from "@/web/components/use-document-title";
import { startAmending } from "@/web/lib/amending";
import { paths } from "@/web/lib/paths";
import { FhirExportLinks } from "@/web/components/fhir-export-links";

export function RequestStatusPage({
  reference,
  onAmend,
  hasUnsavedAnswers,
}: {
  reference: string;
  /** Loads the document into the wizard (replacing what this browser holds) and opens it. */
  onAmend: (document: RequestDocument) => void;
  /** Whether this browser holds answers that amending would replace: asked about first, in the page. */
  hasUnsavedAnswers: () => boolean;
}) {
  useDocumentTitle(`Request ${reference}`);
  const detail = useRequestDetail(reference);
  const [askingToReplace, setAskingToReplace] = useState(false);
  if (detail.isPending) return <Loading what="the request" />;
  if (detail.isError) return <LoadError error={detail.error} retry={() => void detail.refetch()} />;
  const request = detail.data;
  const latestInfoRequest = [...request.decisions].reverse().find((d) => d.kind === "request_info");
  const amend = () => {
    onAmend(request.document);
    startAmending({ reference: request.reference, rowVersion: request.rowVersion });
  };
  return (
    <div className="max-w-3xl">
      <p className="text-lg text-slate-600">Request {request.reference}</p>
      <h1 className="mb-4 text-3xl font-bold">
        <bdi>{request.memberName ?? "Request"}</bdi> <StatusTag status={request.status} />
      </h1>
      <dl className="mb-6 grid grid-cols-[10rem_1fr] gap-y-1">
        <dt className="font-bold">Received</dt>
        <dd>{formatDateTime(request.receivedAt)}</dd>
        <dt className="font-bold">Due</dt>
        <dd>
          {formatDateTime(request.dueAt)}
          {request.expedited ? " (expedited)" : ""}
        </dd>
        <dt className="font-bold">Outcome</dt>
        <dd>{outcomeShort(request.evaluation.outcome)}</dd>
        <dt className="font-bold">Version</dt>
        <dd>{request.version}</dd>
      </dl>
      {request.status === "more_info_requested" && latestInfoRequest !== undefined && (
        <section aria-labelledby="info-title" className="mb-6 border-l-8 border-purple-800 bg-purple-50 p-4">
          <h2 id="info-title" className="text-xl font-bold">
            More information requested
          </h2>
          <p className="mt-2 whitespace-pre-wrap">{latestInfoRequest.message}</p>
          <DocumentsRequested documents={latestInfoRequest.documentsRequested} />
          {askingToReplace ? (
            <div
              role="alertdialog"
              aria-labelledby="replace-title"
              className="mt-4 border-4 border-red-700 bg-white p-4"
            >
              <h3
                id="replace-title"
                ref={(heading) => heading?.focus()}
                tabIndex={-1}
                className="text-lg font-bold focus:outline-none"
              >
                Replace the request in progress in this browser?
              </h3>
              <p className="mt-2">
                Amending opens this request in the wizard in place of the answers this browser holds; they cannot be
                brought back. Export them first to keep a copy.
              </p>
              <div className="mt-3 flex flex-wrap gap-4">
                <Button variant="warning" onClick={amend}>
                  Yes, replace them and amend
                </Button>
                <Button variant="secondary" onClick={() => setAskingToReplace(false)}>
                  No, keep them
                </Button>
              </div>
            </div>
          ) : (
            <Button className="mt-4" onClick={() => (hasUnsavedAnswers() ? setAskingToReplace(true) : amend())}>
              Amend and resubmit
            </Button>
          )}
        </section>
      )}
      <p className="mb-6">
        <AppLink to={paths.requestSummary(request.reference)} className="font-bold underline">
          Summary as submitted (to print or save as PDF)
        </AppLink>
      </p>
      <FhirExportLinks reference={request.reference} />
      <PacketLink reference={request.reference} />
      <h2 className="mb-2 text-2xl font-bold">Decisions</h2>
      <DecisionList decisions={request.decisions} />
      {request.decisions.length > 0 && (
        <p className="mt-3">
          <AppLink to={paths.requestNotice(request.reference)} className="font-bold underline">
            Decision notice (to print or save as PDF)
          </AppLink>
        </p>
      )}
      <h2 className="mt-6 mb-2 text-2xl font-bold">Versions</h2>
      <ol className="list-decimal pl-6">
        {request.versions.map((v) => (
          <li key={v.version}>
            Version {v.version}: submitted {formatDateTime(v.submittedAt)} by {v.submittedBy};{" "}
            {outcomeShort(v.outcome).toLowerCase()}
            {v.missingDocuments !== undefined && v.missingDocuments.length > 0 && (
              <>; submitted without (confirmed): {v.missingDocuments.map((m) => m.title).join("; ")}</>
            )}
          </li>
        ))}
      </ol>
      <RequestDocuments reference={request.reference} />
    </div>
  );
}
