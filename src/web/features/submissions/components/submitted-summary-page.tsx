/** A submitted request's summary as its practice prints it: with reference, practice, received date, version and submitter, and the documents it carried by checklist item. */
import { useRequestDetail } from "@/web/api/request-detail";
import { LoadError, Loading } from "@/web/components/query-state";
import { FiledDocumentsSummary } from "@/web/components/filed-documents-summary";
import { RequestSummary } from "@/web/components/request-summary";
import { submissionFacts } from "@/web/components/submission-facts";
import { paths } from "@/web/lib/paths";

export function SubmittedSummaryPage({ reference }: { reference: string }) {
  const detail = useRequestDetail(reference);
  if (detail.isPending) return <Loading what="the request" />;
  if (detail.isError) return <LoadError error={detail.error} retry={() => void detail.refetch()} />;
  const request = detail.data;
  return (
    <RequestSummary
      document={request.document}
      evaluation={request.evaluation}
      backLabel="Back to the request"
      backHref={paths.request(request.reference)}
      title={`Summary of ${request.reference}`}
      submission={submissionFacts(request)}
      documents={<FiledDocumentsSummary reference={request.reference} />}
      provenance={request.versions.at(-1)?.provenance}
    />
  );
}
