/**
 * Reading back the JSON a store keeps (any engine): request documents, evaluations, a decision's
 * criteria. Nothing is taken on trust with `as`: a document goes through the criteria library's
 * one gate (`validateRequestDocument`), so a document stored under an older shape is recognised as
 * such instead of being evaluated unchecked; an evaluation and a decision's criteria through the
 * schemas of what the server reads of them.
 */
import { z } from "zod/mini";
import {
  CRITERION_IDS,
  OUTCOMES,
  validateRequestDocument,
  type CriterionId,
  type Evaluation,
  type FieldError,
  type RequestDocument,
} from "@/criteria";
import type { DocumentRequested, MissingDocument, ProvenanceEntry } from "@/contract";

/** A stored document as read today: valid under today's schema, or the stored value with what no longer validates. */
export type StoredDocument =
  { ok: true; document: RequestDocument } | { ok: false; document: RequestDocument; problems: FieldError[] };

/**
 * The document as stored. One that no longer validates (stored under an older shape) comes back
 * with its problems and the stored value as it is, to be shown, never evaluated.
 */
export function readStoredDocument(json: string): StoredDocument {
  const stored: unknown = JSON.parse(json);
  const result = validateRequestDocument(stored);
  if (result.ok) return { ok: true, document: result.document };
  // The stored value, unchecked: typed as a document only so it can be shown as one.
  return { ok: false, document: stored as RequestDocument, problems: result.errors };
}

/** A stored value that does not read: our own writing, damaged; a 500, never a guess. */
export class StoredDataError extends Error {
  constructor(what: string) {
    super(`A stored ${what} does not read as one`);
  }
}

const CRITERION_STATUSES = ["met", "not_met", "missing", "not_applicable"] as const;

/** What the server reads of a stored evaluation: its policy, outcome and each criterion's id, status and reason. */
const storedEvaluationSchema = z.looseObject({
  policy: z.string(),
  outcome: z.enum(OUTCOMES),
  medicalDirectorReview: z.literal(true),
  criteria: z.array(
    z.looseObject({ id: z.enum(CRITERION_IDS), status: z.enum(CRITERION_STATUSES), reason: z.string() }),
  ),
});

export function readStoredEvaluation(json: string): Evaluation {
  const result = storedEvaluationSchema.safeParse(JSON.parse(json));
  if (!result.success) throw new StoredDataError("evaluation");
  // The fields beyond those checked (dose, referral, validity dates) are shown as stored.
  return result.data;
}

const storedCriteriaSchema = z.array(z.enum(CRITERION_IDS));

const storedDocumentsRequestedSchema = z.array(z.object({ id: z.string(), title: z.string() }));

/** The documents a request for more information asked for. */
export function readStoredDocumentsRequested(json: string): DocumentRequested[] {
  const result = storedDocumentsRequestedSchema.safeParse(JSON.parse(json));
  if (!result.success) throw new StoredDataError("list of documents requested");
  return result.data;
}

/** The criteria a decision cited. */
export function readStoredCriteria(json: string): CriterionId[] {
  const result = storedCriteriaSchema.safeParse(JSON.parse(json));
  if (!result.success) throw new StoredDataError("list of criteria");
  return result.data;
}

const storedMissingSchema = z.array(z.object({ id: z.string(), title: z.string() }));

/** The documents a version was filed without (#11); undefined when the submit did not state them (NULL). */
export function readStoredMissingDocuments(json: string | null): MissingDocument[] | undefined {
  if (json === null) return undefined;
  const result = storedMissingSchema.safeParse(JSON.parse(json));
  if (!result.success) throw new StoredDataError("list of missing documents");
  return result.data;
}

const storedProvenanceSchema = z.array(
  z.object({
    path: z.string(),
    display: z.string(),
    source: z.object({ reference: z.string(), date: z.optional(z.string()), display: z.string() }),
  }),
);

/** The answers a version took from the patient's record (#12); undefined when none (NULL). */
export function readStoredProvenance(json: string | null): ProvenanceEntry[] | undefined {
  if (json === null) return undefined;
  const result = storedProvenanceSchema.safeParse(JSON.parse(json));
  if (!result.success) throw new StoredDataError("provenance");
  return result.data;
}

/** What is written for a version's provenance: NULL when there is none. */
export const provenanceColumn = (provenance: readonly ProvenanceEntry[] | undefined): string | null =>
  provenance === undefined || provenance.length === 0 ? null : JSON.stringify(provenance);
