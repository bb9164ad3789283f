/**
 * While staff amend a request sent back for more information, the reviewer's message stays in
 * view above every page of the wizard, with the documents it asked for, so what is asked for is
 * read where it is answered.
 */
import { useState } from "react";
import { useRequestDetail } from "@/web/api/request-detail";
import { DocumentsRequested } from "@/web/components/documents-requested";
import { readAmending } from "@/web/lib/amending";

export function AmendmentMessage() {
  const [amending] = useState(readAmending);
  if (amending === undefined) return null;
  return <Message reference={amending.reference} />;
}

function Message({ reference }: { reference: string }) {
  const detail = useRequestDetail(reference);
  if (detail.data?.status !== "more_info_requested") return null;
  const asked = [...detail.data.decisions].reverse().find((d) => d.kind === "request_info");
  if (asked === undefined) return null;
  return (
    <section
      aria-labelledby="amendment-message-title"
      className="mb-6 border-l-8 border-purple-800 bg-purple-50 p-4 print:hidden"
    >
      <h2 id="amendment-message-title" className="text-xl font-bold">
        Amending request {reference}: the reviewer asked for more information
      </h2>
      <p className="mt-2 whitespace-pre-wrap">{asked.message}</p>
      <DocumentsRequested documents={asked.documentsRequested} />
      <p className="mt-2 text-slate-700">
        {asked.decidedBy} · Change the answers this concerns
        {asked.documentsRequested.length > 0 && " and attach the documents named"}, then resubmit from the summary.
      </p>
    </section>
  );
}
