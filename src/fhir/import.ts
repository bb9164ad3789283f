/**
 * The record import's public interface (issue 12): read a file as an R4 Bundle, then map one
 * patient's resources to proposed answers with their sources. Pure: no DOM, no Node, no clock.
 */
export type {
  RecordSource,
  ProposedAnswer,
  RecordProblemCode,
  RecordProblem,
  RecordImport,
  LocalCode,
  LocalCodes,
} from "./types";
export { readRecordBundle, RECORD_BUNDLE_TYPES } from "./bundle";
export { mapRecord } from "./map";
export { standardReadingOf } from "./map-observations";
export type { MapOptions } from "./map";
export { recordAttachments, acceptedMediaType, locateBytes } from "./attachments";
export type { RecordAttachment, AttachmentBytes, AttachmentOptions } from "./attachments";
