/**
 * A request document as a QuestionnaireResponse to the CP.PHAR.580 Questionnaire, and back.
 * Every field the document holds is answered, so the round trip gives back the same document
 * (tested as a property). Reading one back names each item that does not fit (its path, never
 * its value) and then validates the result as any request document is validated.
 */
import { validateRequestDocument, type FieldError, type RequestDocument } from "@/criteria";
import {
  QUESTIONNAIRE_CANONICAL,
  QUESTIONNAIRE_URL,
  QUESTION_PAGES,
  codeSystemOf,
  codingOf,
  type GroupNode,
  type ItemNode,
  type QuestionNode,
} from "./questionnaire";
import type {
  QuestionnaireResponse,
  QuestionnaireResponseAnswer,
  QuestionnaireResponseItem,
  Reference,
} from "./resources";

type Fields = Readonly<Record<string, unknown>>;

const isFields = (value: unknown): value is Fields =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function answerOf(node: QuestionNode, value: unknown): QuestionnaireResponseAnswer | undefined {
  switch (node.type) {
    case "boolean":
      return typeof value === "boolean" ? { valueBoolean: value } : undefined;
    case "decimal":
      return typeof value === "number" ? { valueDecimal: value } : undefined;
    case "integer":
      return typeof value === "number" ? { valueInteger: value } : undefined;
    case "date":
      return typeof value === "string" ? { valueDate: value } : undefined;
    case "string":
    case "text":
      return typeof value === "string" ? { valueString: value } : undefined;
    case "choice":
      return typeof value === "string" && node.options !== undefined
        ? { valueCoding: codingOf(node.linkId, node.options, value) }
        : undefined;
  }
}

function itemsOf(nodes: readonly ItemNode[], fields: Fields): QuestionnaireResponseItem[] {
  return nodes.flatMap((node): QuestionnaireResponseItem[] => {
    const value = fields[node.key];
    if (value === undefined) return [];
    const { linkId, text } = node;
    if (node.type === "group") {
      const entries = node.repeats === true ? (Array.isArray(value) ? value : []) : [value];
      return entries.filter(isFields).map((entry) => {
        const item = itemsOf(node.items, entry);
        return item.length === 0 ? { linkId, text } : { linkId, text, item };
      });
    }
    if (node.gate === true) {
      return Array.isArray(value) ? [{ linkId, text, answer: [{ valueBoolean: value.length > 0 }] }] : [];
    }
    const answer = answerOf(node, value);
    return answer === undefined ? [] : [{ linkId, text, answer: [answer] }];
  });
}

export interface ResponseOptions {
  /** `completed` for a submitted request; a request still being filled in is `in-progress` (the default). */
  status?: "in-progress" | "completed";
  id?: string;
  subject?: Reference;
}

/** The request document as answers to the CP.PHAR.580 Questionnaire (authored on its request date). */
export function toQuestionnaireResponse(
  document: RequestDocument,
  options: ResponseOptions = {},
): QuestionnaireResponse {
  const fields = document as Fields;
  const item = QUESTION_PAGES.flatMap((page) => {
    const answers = itemsOf(page.items, fields);
    return answers.length === 0 ? [] : [{ linkId: page.linkId, text: page.text, item: answers }];
  });
  return {
    resourceType: "QuestionnaireResponse",
    ...(options.id === undefined ? {} : { id: options.id }),
    questionnaire: QUESTIONNAIRE_CANONICAL,
    status: options.status ?? "in-progress",
    ...(options.subject === undefined ? {} : { subject: options.subject }),
    authored: document.requestDate,
    item,
  };
}

// ---------------------------------------------------------------------------------------------
// Back to a request document
// ---------------------------------------------------------------------------------------------

export type ResponseReading = { ok: true; document: RequestDocument } | { ok: false; problems: FieldError[] };

const VALUE_OF_TYPE: Readonly<Record<QuestionNode["type"], keyof QuestionnaireResponseAnswer>> = {
  boolean: "valueBoolean",
  decimal: "valueDecimal",
  integer: "valueInteger",
  date: "valueDate",
  string: "valueString",
  text: "valueString",
  choice: "valueCoding",
};

const EXPECTED_TYPE: Readonly<Record<QuestionNode["type"], string>> = {
  boolean: "boolean",
  decimal: "number",
  integer: "number",
  date: "string",
  string: "string",
  text: "string",
  choice: "object",
};

class Reader {
  readonly problems: FieldError[] = [];

  problem(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  /** The answer of a question, or undefined (with a problem) when it has none that fits. */
  answer(node: QuestionNode, raw: Fields, path: string): unknown {
    const field = VALUE_OF_TYPE[node.type];
    const answers = raw.answer;
    if (raw.item !== undefined) this.problem(path, `${node.linkId} is a question: it has answers, not items.`);
    if (!Array.isArray(answers) || answers.length !== 1 || !isFields(answers[0])) {
      this.problem(path, `${node.linkId} must have exactly one answer (a ${field}).`);
      return undefined;
    }
    const answer = answers[0];
    const extra = Object.keys(answer).filter((key) => key.startsWith("value") && key !== field);
    const value = answer[field];
    if (extra.length > 0 || typeof value !== EXPECTED_TYPE[node.type]) {
      this.problem(path, `${node.linkId} must be answered with a ${field}.`);
      return undefined;
    }
    if (node.type !== "choice") return value;
    const coding = isFields(value) ? value : {};
    const code = coding.code;
    const known = typeof code === "string" && node.options !== undefined && Object.hasOwn(node.options, code);
    const systemFits = coding.system === undefined || coding.system === codeSystemOf(node.linkId);
    if (!known || !systemFits) {
      const codes = Object.keys(node.options ?? {}).join(", ");
      this.problem(
        path,
        `${node.linkId} must be one of the Questionnaire's codes (${codes}) of ${codeSystemOf(node.linkId)}.`,
      );
      return undefined;
    }
    return code;
  }

  /** Fills `target` from `items` answering `nodes` (the questions allowed at this place). */
  fill(items: unknown, nodes: readonly ItemNode[], target: Record<string, unknown>, prefix: string): void {
    if (items === undefined) return;
    if (!Array.isArray(items)) {
      this.problem(prefix, `${prefix === "" ? "The response's" : `${prefix}'s`} item must be a list.`);
      return;
    }
    const gates = new Map<string, boolean>();
    for (const raw of items) {
      const linkId = isFields(raw) ? raw.linkId : undefined;
      const node = nodes.find((candidate) => candidate.linkId === linkId);
      if (!isFields(raw) || typeof linkId !== "string" || node === undefined) {
        const where = prefix === "" ? "at the top of a page" : `in ${prefix}`;
        this.problem(
          prefix,
          `${typeof linkId === "string" ? linkId : "An item without a linkId"} is not a question of the Questionnaire ${where}.`,
        );
        continue;
      }
      const path = prefix === "" ? node.key : `${prefix}.${node.key}`;
      if (node.type === "group") {
        this.group(node, raw, target, path);
        continue;
      }
      if (node.gate === true ? gates.has(node.key) : Object.hasOwn(target, node.key)) {
        this.problem(path, `${node.linkId} is answered more than once.`);
        continue;
      }
      const value = this.answer(node, raw, path);
      if (value === undefined) continue;
      if (node.gate === true) gates.set(node.key, value as boolean);
      else target[node.key] = value;
    }
    for (const [list, onRecord] of gates) {
      const entries = target[list];
      if (!onRecord && Array.isArray(entries) && entries.length > 0) {
        this.problem(
          `${prefix === "" ? "" : `${prefix}.`}${list}`,
          `${list} has entries, but the question before it says none are on record.`,
        );
      } else if (!onRecord) {
        target[list] = [];
      }
    }
  }

  private group(node: GroupNode, raw: Fields, target: Record<string, unknown>, path: string): void {
    if (raw.answer !== undefined) this.problem(path, `${node.linkId} is a group: it has items, not answers.`);
    const entry: Record<string, unknown> = {};
    if (node.repeats === true) {
      const list = Array.isArray(target[node.key]) ? (target[node.key] as unknown[]) : [];
      target[node.key] = list;
      this.fill(raw.item, node.items, entry, `${path}.${list.length}`);
      list.push(entry);
      return;
    }
    if (Object.hasOwn(target, node.key)) {
      this.problem(path, `${node.linkId} appears more than once.`);
      return;
    }
    this.fill(raw.item, node.items, entry, path);
    target[node.key] = entry;
  }
}

/**
 * The request document a QuestionnaireResponse to CP.PHAR.580 describes, or every reason it does
 * not fit: another resource or Questionnaire, an unknown linkId, an answer of the wrong type or
 * outside the options, or a document the contract refuses (paths as the contract names them).
 */
export function fromQuestionnaireResponse(input: unknown): ResponseReading {
  const reader = new Reader();
  if (!isFields(input) || input.resourceType !== "QuestionnaireResponse") {
    return { ok: false, problems: [{ path: "", message: "This is not a FHIR QuestionnaireResponse (resourceType)." }] };
  }
  const canonical = typeof input.questionnaire === "string" ? input.questionnaire : "";
  const [url, version] = canonical.split("|");
  if (url !== QUESTIONNAIRE_URL || (version !== undefined && canonical !== QUESTIONNAIRE_CANONICAL)) {
    return {
      ok: false,
      problems: [{ path: "", message: `The response must answer the Questionnaire ${QUESTIONNAIRE_CANONICAL}.` }],
    };
  }
  const document: Record<string, unknown> = { schemaVersion: 1 };
  const pages = Array.isArray(input.item) ? input.item : [];
  if (input.item !== undefined && !Array.isArray(input.item)) reader.problem("", "The response's item must be a list.");
  const seen = new Set<string>();
  for (const raw of pages) {
    const linkId = isFields(raw) ? raw.linkId : undefined;
    const page = QUESTION_PAGES.find((candidate) => candidate.linkId === linkId);
    if (!isFields(raw) || page === undefined || seen.has(page.linkId)) {
      const name = typeof linkId === "string" ? linkId : "An item without a linkId";
      reader.problem(
        "",
        page === undefined ? `${name} is not a page of the Questionnaire.` : `${name} appears more than once.`,
      );
      continue;
    }
    seen.add(page.linkId);
    reader.fill(raw.item, page.items, document, "");
  }
  if (reader.problems.length > 0) return { ok: false, problems: reader.problems };
  const result = validateRequestDocument(document);
  return result.ok ? { ok: true, document: result.document } : { ok: false, problems: result.errors };
}
