/**
 * The record's documents that could go along as supporting documents (#12, with #11): each
 * DocumentReference's attachments, where their bytes are (inline `data`, or a `url` on the same
 * FHIR server), whether the upload accepts their type, and a checklist item when the record's
 * codes clearly say which one. Pure: no DOM, no Node, no clock; nothing here reads the bytes.
 *
 * A suggestion comes only from a procedure code the import already reads for that study
 * (LIVER_STUDIES: CPT / SNOMED CT for the hepatic ultrasound and the elastography), found in the
 * DocumentReference's `type` or `context.event` ("the main clinical acts documented", FHIR R4
 * DocumentReference.context.event). Generic document types such as LOINC 11502-2 "Laboratory
 * report" or 18748-4 "Diagnostic imaging study" say too little to choose an item: the person does.
 */
import type { Attachment, CodeableConcept, DocumentReference, Resource } from "@medplum/fhirtypes";
import { DOCUMENT_MEDIA_TYPES, DOCUMENT_TYPE_LABELS, type DocumentMediaType } from "@/contract";
import { LIVER_STUDIES, SYSTEMS } from "./codes";
import { codingsOf, dayOf, hasCode, referenceTo } from "./record";
import { resolveOnServer } from "./same-server";

/** Where an attachment's bytes are. */
export type AttachmentBytes =
  /** Inline, base64 (FHIR `Attachment.data`). */
  | { kind: "inline"; data: string }
  /** On the FHIR server the record was read from: an absolute URL to fetch with its token. */
  | { kind: "server"; url: string }
  /** Not reachable from here, with why (in words for the person). */
  | { kind: "unreachable"; reason: string };

export interface RecordAttachment {
  /** Stable within one record: "DocumentReference/abc#0" (the attachment's place in `content`). */
  key: string;
  /** "DocumentReference/abc" */
  reference: string;
  /** The attachment's title, else the document's description or type, else its reference. */
  title: string;
  description?: string;
  /** YYYY-MM-DD: the attachment's creation, else the document's date. */
  date?: string;
  /** The LOINC document type code, when the document has one. */
  loincType?: { code: string; display?: string };
  contentType?: string;
  /** In bytes, as the record says (`Attachment.size`). */
  size?: number;
  /** The accepted type it is said to be; undefined: not one the request accepts. */
  mediaType?: DocumentMediaType;
  bytes: AttachmentBytes;
  /** A file name to upload it under: the title, cleaned, with the type's extension. */
  fileName: string;
  /** The checklist item the codes clearly name, if any (a suggestion: the person chooses). */
  suggestedItem?: "liver-ultrasound" | "liver-elastography";
  /** Why it cannot be taken along (type not accepted, bytes out of reach), in words; undefined: it can. */
  notAccepted?: string;
}

export interface AttachmentOptions {
  /** The FHIR base the record came from (no trailing slash); undefined for a Bundle file. */
  serverBase?: string;
}

const EXTENSIONS: Readonly<Record<DocumentMediaType, string>> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/tiff": "tif",
};

/** "application/pdf; charset=…" → "application/pdf"; "image/jpg" is JPEG as some systems write it. */
export function acceptedMediaType(contentType: string | undefined): DocumentMediaType | undefined {
  const bare = contentType?.split(";")[0]?.trim().toLowerCase();
  const normal = bare === "image/jpg" || bare === "image/pjpeg" ? "image/jpeg" : bare;
  return DOCUMENT_MEDIA_TYPES.find((type) => type === normal);
}

/** Where the bytes are: inline data, a `Binary/…` or same-server URL, or out of reach (and why). */
export function locateBytes(attachment: Attachment, serverBase: string | undefined): AttachmentBytes {
  if (typeof attachment.data === "string" && attachment.data !== "") return { kind: "inline", data: attachment.data };
  const url = attachment.url;
  if (typeof url !== "string" || url.trim() === "")
    return { kind: "unreachable", reason: "the record holds neither the document nor its address" };
  if (serverBase === undefined)
    return {
      kind: "unreachable",
      reason:
        "a file can only carry a document inside it; this one is kept on the EHR's server: connect to the server to take it along",
    };
  // The server's token goes to that server only.
  const absolute = resolveOnServer(url.trim(), serverBase);
  if (absolute === undefined)
    return {
      kind: "unreachable",
      reason: "its address is not on the record's server, which is the only one this app signs in to",
    };
  return { kind: "server", url: absolute };
}

const STUDY_ITEMS = [
  ["liver-ultrasound", LIVER_STUDIES.ultrasound],
  ["liver-elastography", LIVER_STUDIES.elastography],
] as const;

function suggestion(concepts: readonly CodeableConcept[]): RecordAttachment["suggestedItem"] {
  const found = STUDY_ITEMS.filter(([, entries]) => concepts.some((concept) => hasCode(concept, entries)));
  // Both named (one report of both studies): the person says which item, or both, it supports.
  return found.length === 1 ? found[0]?.[0] : undefined;
}

/** A file name from the title: letters, digits, spaces, dots and dashes, with the type's extension. */
function fileNameOf(title: string, mediaType: DocumentMediaType | undefined): string {
  const stem =
    title
      .replace(/[^\p{L}\p{N} ._-]+/gu, " ")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 120) || "document";
  if (mediaType === undefined) return stem;
  const extension = EXTENSIONS[mediaType];
  return stem.toLowerCase().endsWith(`.${extension}`) ? stem : `${stem}.${extension}`;
}

function attachmentsOf(document: DocumentReference, options: AttachmentOptions): RecordAttachment[] {
  if (document.status === "entered-in-error") return [];
  const reference = referenceTo(document);
  const loinc = codingsOf(document.type).find((c) => c.system === SYSTEMS.loinc && typeof c.code === "string");
  const suggested = suggestion([
    ...(document.type === undefined ? [] : [document.type]),
    ...(document.context?.event ?? []),
  ]);
  const typeName = document.type?.text ?? loinc?.display;
  return (document.content ?? []).flatMap((content, index) => {
    const attachment = content.attachment;
    if (typeof attachment !== "object") return [];
    const mediaType = acceptedMediaType(attachment.contentType);
    const bytes = locateBytes(attachment, options.serverBase);
    const title = [attachment.title, document.description, typeName].find(
      (t): t is string => typeof t === "string" && t.trim() !== "",
    );
    const notAccepted =
      mediaType === undefined
        ? `its type (${attachment.contentType ?? "not given"}) is not accepted: ${Object.values(DOCUMENT_TYPE_LABELS).join(", ")} only`
        : bytes.kind === "unreachable"
          ? bytes.reason
          : undefined;
    const date = dayOf(attachment.creation) ?? dayOf(document.date);
    return [
      {
        key: `${reference}#${index}`,
        reference,
        title: title ?? reference,
        ...(typeof document.description === "string" && document.description !== title
          ? { description: document.description }
          : {}),
        ...(date === undefined ? {} : { date }),
        ...(loinc?.code === undefined
          ? {}
          : { loincType: { code: loinc.code, ...(loinc.display === undefined ? {} : { display: loinc.display }) } }),
        ...(attachment.contentType === undefined ? {} : { contentType: attachment.contentType }),
        ...(typeof attachment.size === "number" ? { size: attachment.size } : {}),
        ...(mediaType === undefined ? {} : { mediaType }),
        bytes,
        fileName: fileNameOf(title ?? reference.replace("/", "-"), mediaType),
        ...(suggested === undefined ? {} : { suggestedItem: suggested }),
        ...(notAccepted === undefined ? {} : { notAccepted }),
      },
    ];
  });
}

/** Every attachment of the record's DocumentReferences, newest first (undated last), in record order otherwise. */
export function recordAttachments(resources: readonly Resource[], options: AttachmentOptions = {}): RecordAttachment[] {
  const all = resources
    .filter((r): r is DocumentReference => r.resourceType === "DocumentReference")
    .flatMap((document) => attachmentsOf(document, options));
  return all
    .map((attachment, order) => ({ attachment, order }))
    .sort((a, b) => (b.attachment.date ?? "").localeCompare(a.attachment.date ?? "") || a.order - b.order)
    .map(({ attachment }) => attachment);
}
