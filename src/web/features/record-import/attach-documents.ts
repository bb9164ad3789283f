/**
 * Attaching the record's documents chosen on the review screen, one after the other: the bytes
 * read (inline, or from the FHIR server with the connection's token), then sent to the staff
 * member's draft through POST /api/draft/documents, which checks their content like any upload
 * (a refusal is reported in its own words). Each document's progress and outcome is reported;
 * one failing does not stop the others, and nothing else changes.
 */
import { draftDocumentsQuery, uploadDocument } from "@/web/api/draft-documents";
import { readAmending } from "@/web/lib/amending";
import { queryClient } from "@/web/lib/query-client";
import { readAttachmentBytes } from "./document-bytes";
import type { TakenDocument } from "./review-screen";
import type { Connection } from "./smart-launch";

export interface DocumentProgress {
  key: string;
  title: string;
  itemTitle: string;
  state: "waiting" | "reading" | "sending" | "attached" | "not-attached";
  /** While sending: 0–100. */
  percent?: number;
  /** Not attached: why, and what to do. */
  message?: string;
}

export async function attachTakenDocuments(
  documents: readonly TakenDocument[],
  connection: Connection | undefined,
  report: (key: string, progress: Partial<DocumentProgress>) => void,
): Promise<void> {
  if (documents.length === 0) return;
  const amends = readAmending()?.reference;
  for (const { attachment, item } of documents) {
    const key = attachment.key;
    report(key, { state: "reading" });
    const read = await readAttachmentBytes(attachment, connection);
    if (!read.ok) {
      report(key, { state: "not-attached", message: read.message });
      continue;
    }
    report(key, { state: "sending", percent: 0 });
    const file = new File([read.bytes], attachment.fileName, { type: attachment.mediaType ?? "" });
    const outcome = await uploadDocument(file, [item.id], amends, (sent, total) =>
      report(key, { percent: total === 0 ? 0 : Math.min(100, Math.round((sent / total) * 100)) }),
    ).done;
    switch (outcome.kind) {
      case "stored":
        report(key, { state: "attached", percent: 100 });
        break;
      case "refused":
        report(key, {
          state: "not-attached",
          message: outcome.refused.map((r) => r.message).join(" ") || outcome.error,
        });
        break;
      case "failed":
        report(key, { state: "not-attached", message: outcome.message });
        break;
      case "cancelled":
        report(key, { state: "not-attached", message: "The upload was stopped." });
        break;
    }
  }
  await queryClient.invalidateQueries({ queryKey: draftDocumentsQuery.queryKey });
}
