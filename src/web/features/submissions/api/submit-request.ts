/** POST /api/requests (a new request) and POST /api/requests/:reference/versions (an amended one). */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { RequestDocument } from "@/criteria";
import type {
  AmendAnswer,
  MissingDocumentsConflict,
  OpenRequestConflict,
  ProvenanceEntry,
  SubmitAnswer,
} from "@/contract";
import { stopAmending } from "@/web/lib/amending";
import { ApiError, api } from "@/web/lib/api-client";
import { recordSubmitted } from "@/web/lib/submission";
import { draftSavesSettled, holdDraftSaves, serverDraftQuery } from "@/web/api/draft";
import { draftDocumentsQuery } from "@/web/api/draft-documents";
import { requestDetailQuery } from "@/web/api/request-detail";
import { requestDocumentsQuery } from "@/web/api/request-documents";
import { requestListsKey } from "@/web/api/request-list";

export interface SubmitInput {
  document: RequestDocument;
  expedited: boolean;
  idempotencyKey: string;
  /** The member's open request the person was warned about and chose to file beside. */
  confirmDuplicateOf?: string;
  /** The required documents the person confirmed submitting without (#11; the server checks the list). */
  confirmedMissingDocuments: string[];
  /** The answers still as filled from the patient's record (#12); the server checks each names an answer. */
  provenance: ProvenanceEntry[];
}

/** The member's open request a submit was refused for (409), if that is why. */
export function openRequestOf(error: unknown): OpenRequestConflict["openRequest"] | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const open = (error.body as Partial<OpenRequestConflict> | undefined)?.openRequest;
  return typeof open?.reference === "string" && typeof open.receivedAt === "string" ? open : undefined;
}

/** The required documents the server found missing when it refused a submit's confirmation (409), if that is why. */
export function missingDocumentsOf(error: unknown): MissingDocumentsConflict["missingDocuments"] | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const missing = (error.body as Partial<MissingDocumentsConflict> | undefined)?.missingDocuments;
  return Array.isArray(missing) ? missing : undefined;
}

export function useSubmitRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: SubmitInput) => {
      // No draft save may land after the filing (which ends the draft): one would bring the filed
      // request back, to be resumed and filed again. So saves wait, and one on its way lands first.
      const release = holdDraftSaves();
      try {
        await draftSavesSettled(client);
        const answer = await api<SubmitAnswer>("/api/requests", { method: "POST", body: input });
        // Before the hold ends: from now on this browser's request is filed, not a draft.
        recordSubmitted({ ...answer, document: JSON.stringify(input.document) });
        return answer;
      } finally {
        release();
      }
    },
    onSuccess: () => {
      // The server ended the draft with the filing, and filed its documents.
      client.setQueryData(serverDraftQuery.queryKey, null);
      return Promise.all([
        client.invalidateQueries({ queryKey: requestListsKey }),
        client.invalidateQueries({ queryKey: draftDocumentsQuery.queryKey }),
      ]);
    },
    // A refusal for missing documents: what is attached may have changed elsewhere; read it again.
    onError: (error) => {
      if (missingDocumentsOf(error) !== undefined)
        void client.invalidateQueries({ queryKey: draftDocumentsQuery.queryKey });
    },
  });
}

export function useAmendRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: {
      reference: string;
      document: RequestDocument;
      expectedRowVersion: number;
      confirmedMissingDocuments: string[];
      provenance: ProvenanceEntry[];
    }) => {
      const release = holdDraftSaves();
      try {
        await draftSavesSettled(client);
        const answer = await api<AmendAnswer>(`/api/requests/${encodeURIComponent(input.reference)}/versions`, {
          method: "POST",
          body: {
            document: input.document,
            expectedRowVersion: input.expectedRowVersion,
            confirmedMissingDocuments: input.confirmedMissingDocuments,
            provenance: input.provenance,
          },
        });
        stopAmending();
        recordSubmitted({ reference: answer.reference, document: JSON.stringify(input.document) });
        return answer;
      } finally {
        release();
      }
    },
    onSuccess: (_data, input) =>
      Promise.all([
        client.invalidateQueries({ queryKey: serverDraftQuery.queryKey }),
        client.invalidateQueries({ queryKey: requestListsKey }),
        client.invalidateQueries({ queryKey: requestDetailQuery(input.reference).queryKey }),
        // The amendment filed its new documents with the version.
        client.invalidateQueries({ queryKey: draftDocumentsQuery.queryKey }),
        client.invalidateQueries({ queryKey: requestDocumentsQuery(input.reference).queryKey }),
      ]),
    onError: (error, input) => {
      if (missingDocumentsOf(error) === undefined) return;
      void client.invalidateQueries({ queryKey: draftDocumentsQuery.queryKey });
      void client.invalidateQueries({ queryKey: requestDocumentsQuery(input.reference).queryKey });
    },
  });
}
