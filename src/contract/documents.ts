/**
 * Supporting documents (#11): the HTTP contract for attaching the evidence behind each criterion.
 *
 * - `POST   /api/draft/documents[?amends=HGX-…]` multipart/form-data: one `items` field (the
 *   checklist item ids the files support, comma-separated) and one or more `file` parts. All or
 *   nothing: 201 `DocumentsAnswer` with every file stored, or a 4xx `DocumentsRefusal` naming each
 *   refused file, and nothing stored. `amends` attaches to the amendment of that request (sent back
 *   for more information) instead of a new request.
 * - `GET    /api/draft/documents` → `DocumentsAnswer`: the signed-in staff member's draft documents
 *   (new request and amendment alike; each says what it `amends`).
 * - `PATCH  /api/draft/documents/:id` JSON `DocumentItemsBody` → `DocumentInfo`: what a draft
 *   document supports. Filed documents cannot be changed (409).
 * - `DELETE /api/draft/documents/:id` → 204. Filed documents cannot be removed (409).
 * - `GET    /api/requests/:reference/documents` → `RequestDocumentsAnswer`: the request's
 *   documents and which ones each version carried.
 * - `GET    /api/documents/:id/view` the viewable form, inline (a TIFF's PDF rendering);
 *   `GET /api/documents/:id/download` the original, as an attachment. Both audited on a filed one.
 *
 * Reading a document is authorised as reading its request (another practice: 404; signed out: 401);
 * a draft document only by the staff member whose draft it is. Pure: no Node, no DOM.
 */
import { z } from "zod/mini";
import type { ChecklistItem } from "@/criteria";
import { REFERENCE_PATTERN, checklistItemIdSchema } from "./api";

/** The types accepted, recognised by their content (never by the name or the browser's type). */
export const DOCUMENT_MEDIA_TYPES = ["application/pdf", "image/png", "image/jpeg", "image/tiff"] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

export const DOCUMENT_TYPE_LABELS: Readonly<Record<DocumentMediaType, string>> = {
  "application/pdf": "PDF",
  "image/png": "PNG",
  "image/jpeg": "JPEG",
  "image/tiff": "TIFF",
};

/** What the refusals say is accepted. */
export const ACCEPTED_DOCUMENTS = "PDF, PNG, JPEG or TIFF files of up to 25 MB";

export const DOCUMENT_LIMITS = {
  /** One file. */
  maxFileBytes: 25 * 1024 * 1024,
  /** Every document of one request together (and so one upload). */
  maxRequestBytes: 150 * 1024 * 1024,
  /** Documents on one request. */
  maxFiles: 40,
  /** Checklist items one document supports. */
  maxItems: 20,
  /** A file name as shown (longer names are cut). */
  maxNameLength: 200,
} as const;

export const documentItemsSchema = z
  .array(checklistItemIdSchema)
  .check(z.minLength(1), z.maxLength(DOCUMENT_LIMITS.maxItems));

/** PATCH /api/draft/documents/:id. */
export const documentItemsBodySchema = z.object({ items: documentItemsSchema });
export type DocumentItemsBody = z.infer<typeof documentItemsBodySchema>;

/** The query of POST /api/draft/documents. */
export const documentUploadQuerySchema = z.object({
  amends: z.optional(z.string().check(z.regex(REFERENCE_PATTERN))),
});

/** A document's id in addresses: random, 22 characters of base64url. */
export const DOCUMENT_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export interface DocumentInfo {
  id: string;
  /** As the person's computer named it: text to show (escaped), never a path. */
  fileName: string;
  /** The original's type, from its content. */
  mediaType: DocumentMediaType;
  /** What `/view` serves: the original's type, or application/pdf for a TIFF's rendering. */
  viewType: DocumentMediaType;
  size: number;
  /** SHA-256 of the original, hex. */
  sha256: string;
  pages: number;
  /** The checklist items it supports. */
  items: string[];
  uploadedAt: string;
  /** draft: still in the staff member's draft (removable); filed: part of a request (kept). */
  state: "draft" | "filed";
  /** A draft document of an amendment: the request amended. */
  amends: string | null;
  /** A filed document: the version that first carried it. */
  version: number | null;
}

/** POST (201) and GET /api/draft/documents. */
export interface DocumentsAnswer {
  documents: DocumentInfo[];
}

/** One refused file and why (its name, and what is accepted). */
export interface RefusedFile {
  fileName: string;
  message: string;
}

/** A refused upload (4xx): nothing of it was stored. */
export interface DocumentsRefusal {
  error: string;
  refused: RefusedFile[];
}

/** GET /api/requests/:reference/documents. */
export interface RequestDocumentsAnswer {
  documents: DocumentInfo[];
  /** Each version and the documents it carried (ids, in upload order). */
  versions: { version: number; documents: string[] }[];
  /**
   * The current version's checklist (from its document and evaluation, re-run on the server), each
   * item with the ids of the documents attached to it; `missing` lists the required items none supports.
   */
  checklist: (ChecklistItem & { documents: string[] })[];
  missing: string[];
}
