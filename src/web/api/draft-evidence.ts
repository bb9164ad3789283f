/**
 * The documents the request in the wizard carries so far (#11): this draft's (a new request's, or
 * the amendment's when amending) and, when amending, the request's filed ones, which it keeps.
 */
import { useState } from "react";
import type { DocumentInfo } from "@/contract";
import { readAmending } from "@/web/lib/amending";
import { forDraft, useDraftDocuments } from "./draft-documents";
import { useRequestDocuments } from "./request-documents";

export interface DraftEvidence {
  /** The amended request's reference; undefined for a new request. */
  amends: string | undefined;
  /** This draft's documents (removable). */
  documents: DocumentInfo[];
  /** The amended request's filed documents (kept). */
  kept: DocumentInfo[];
  isPending: boolean;
  error: Error | null;
  retry: () => void;
}

export function useDraftEvidence(enabled: boolean): DraftEvidence {
  const [amending] = useState(readAmending);
  const amends = amending?.reference;
  const draft = useDraftDocuments(enabled);
  const filed = useRequestDocuments(enabled ? amends : undefined);
  return {
    amends,
    documents: forDraft(draft.data?.documents ?? [], amends),
    kept: filed.data?.documents ?? [],
    isPending: enabled && (draft.isPending || (amends !== undefined && filed.isPending)),
    error: draft.error ?? filed.error,
    retry: () => {
      void draft.refetch();
      if (amends !== undefined) void filed.refetch();
    },
  };
}
