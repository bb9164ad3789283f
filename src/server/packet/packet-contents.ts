/**
 * What goes into a request's packet, from its stored form: the cover's facts in words (labels from
 * the criteria library and the contract) and the current version's documents in checklist order (a
 * document supporting several items comes at the first of them; one whose items the checklist no
 * longer lists comes last), each named by the items it supports.
 */
import {
  CRITERIA,
  OUTCOME_LABELS,
  STATUS_LABELS,
  calendarDateIn,
  documentationChecklist,
  evaluate,
  formatDate,
} from "@/criteria";
import { REQUEST_STATUS_LABELS } from "@/contract";
import type { StoredDocument } from "../db/document-rows";
import type { StoredRequest } from "../db/store";
import type { PacketFacts } from "./build-packet";

const NOT_GIVEN = "Not given";

export function packetContents(
  stored: StoredRequest,
  carried: readonly StoredDocument[],
  timeZone: string,
): { facts: PacketFacts; documents: StoredDocument[]; items: Map<StoredDocument, string> } {
  // As the request's page: the evaluation re-run on the server, unless the stored document no longer validates.
  const evaluation = stored.documentProblems === undefined ? evaluate(stored.document) : stored.evaluation;
  const checklist = stored.documentProblems === undefined ? documentationChecklist(stored.document, evaluation) : [];
  const position = new Map(checklist.map((item, index) => [item.id, index]));
  const rank = (doc: StoredDocument) =>
    Math.min(...doc.info.items.map((id) => position.get(id) ?? Number.POSITIVE_INFINITY));
  // Array.prototype.sort is stable: documents of one item stay in upload order.
  const documents = [...carried].sort((a, b) => rank(a) - rank(b));
  const titles = new Map(checklist.map((item) => [item.id, item.title]));
  const items = new Map(documents.map((doc) => [doc, doc.info.items.map((id) => titles.get(id) ?? id).join("; ")]));
  const supported = new Set(carried.flatMap((doc) => doc.info.items));

  const member = stored.document.member;
  const name = [member?.firstName, member?.lastName].filter((part) => part !== undefined && part !== "").join(" ");
  const facts: PacketFacts = {
    reference: stored.reference,
    details: [
      ["Member", name === "" ? NOT_GIVEN : name],
      ["Member ID", member?.memberId ?? NOT_GIVEN],
      ["Date of birth", member?.dateOfBirth === undefined ? NOT_GIVEN : formatDate(member.dateOfBirth)],
      ["Practice", stored.practiceName],
      ["Received", formatDate(calendarDateIn(stored.receivedAt, timeZone))],
      ["Version", String(stored.version)],
      ["Review", stored.expedited ? "Expedited (decision in 72 hours)" : "Standard (decision in 7 days)"],
      ["Status", REQUEST_STATUS_LABELS[stored.status]],
      ["Outcome", OUTCOME_LABELS[evaluation.outcome]],
    ],
    criteria: evaluation.criteria.map((c) => ({
      id: c.id,
      title: CRITERIA[c.id].title,
      status: STATUS_LABELS[c.status],
    })),
    missing: checklist.filter((item) => item.required && !supported.has(item.id)).map((item) => item.title),
  };
  return { facts, documents, items };
}
