/**
 * The documents part of "Check your answers" and of the summary (#11): every document by checklist
 * item, the required items none supports named first. The self-check lists what will be needed.
 */
import { documentationChecklist, type ChecklistItem, type Evaluation, type RequestDocument } from "@/criteria";
import { useDraftEvidence } from "@/web/api/draft-evidence";
import { useSession } from "@/web/api/session";
import { DocumentsByItem } from "@/web/components/documents-by-item";
import { LoadError, Loading } from "@/web/components/query-state";
import { useChecklist } from "../../hooks/use-checklist";
import { WhatYouWillNeed } from "./step-documents";

function Documents({ checklist }: { checklist: readonly ChecklistItem[] }) {
  const session = useSession();
  const staff = session.data?.user.role === "staff";
  const evidence = useDraftEvidence(staff);
  if (checklist.length === 0 || session.isPending) return null;
  if (!staff) return <WhatYouWillNeed items={checklist} />;
  if (evidence.error !== null) return <LoadError error={evidence.error} retry={evidence.retry} />;
  if (evidence.isPending) return <Loading what="the documents attached" />;
  return <DocumentsByItem checklist={checklist} documents={[...evidence.kept, ...evidence.documents]} />;
}

/** On "Check your answers": the answers as typed. */
export function CheckDocuments() {
  return <Documents checklist={useChecklist()} />;
}

/** On the summary: the validated request. */
export function SummaryDocuments({ document, evaluation }: { document: RequestDocument; evaluation: Evaluation }) {
  return <Documents checklist={documentationChecklist(document, evaluation)} />;
}
