/**
 * CP.PHAR.580 as a FHIR R4 Questionnaire, generated from the request's pages (`STEPS`) and the
 * document's fields: one group per page, then groups and questions whose linkIds are the
 * document's paths (`member.dateOfBirth`; a list entry's fields as `bleeds[].date`, as in
 * FIELD_LABELS). The same table (`QUESTION_PAGES`) drives the QuestionnaireResponse both ways,
 * so the Questionnaire and the answers to it cannot drift apart. Pure: no clock, no I/O.
 */
import {
  AAV5_RESULT_LABELS,
  BLEED_SITE_LABELS,
  CONDITION_LABELS,
  FACTOR_IX_PRODUCT_LABELS,
  FIELD_LABELS,
  LINE_OF_BUSINESS_LABELS,
  REQUEST_TYPE_LABELS,
  SPECIALTY_LABELS,
  STEP_IDS,
  STEPS,
  STUDY_RESULT_LABELS,
  type StepId,
} from "@/criteria";
import type { Coding } from "./resources";

/** The Questionnaire's canonical identity: stable, whoever serves it (a canonical URL names, it need not resolve). */
export const QUESTIONNAIRE_ID = "cp-phar-580";
export const FHIR_BASE = "https://hemgenix-pa.example/fhir";
export const QUESTIONNAIRE_URL = `${FHIR_BASE}/Questionnaire/${QUESTIONNAIRE_ID}`;
/** Follows the request document's schemaVersion (1): a new document version is a new Questionnaire version. */
export const QUESTIONNAIRE_VERSION = "1.0.0";
export const QUESTIONNAIRE_CANONICAL = `${QUESTIONNAIRE_URL}|${QUESTIONNAIRE_VERSION}`;
/** Where the server answers with it. */
export const QUESTIONNAIRE_PATH = `/fhir/Questionnaire/${QUESTIONNAIRE_ID}`;

export type AnswerType = "string" | "text" | "date" | "decimal" | "integer" | "boolean" | "choice";

/** A choice's options: the document's spelling is the code, the shared label the display. */
export type Options = Readonly<Record<string, string>>;

export interface EnableWhen {
  question: string;
  operator: "exists" | "=";
  answerBoolean?: boolean;
  /** The code of an option of `question` (a choice). */
  answerCode?: string;
}

interface Conditional {
  linkId: string;
  /** The property of the document object this item fills. */
  key: string;
  text: string;
  enableWhen?: readonly EnableWhen[];
}

export interface QuestionNode extends Conditional {
  type: AnswerType;
  options?: Options;
  required?: boolean;
  /**
   * A yes/no asked before a list (`bleedsOnRecord`): not a document field. Yes with entries is
   * the list, no is the empty list, unanswered leaves the list absent. `key` names the list.
   */
  gate?: true;
}

export interface GroupNode extends Conditional {
  type: "group";
  repeats?: true;
  items: readonly ItemNode[];
}

export type ItemNode = QuestionNode | GroupNode;

export interface PageNode {
  linkId: `step:${StepId}`;
  text: string;
  /** Questions and groups of the document's top level. */
  items: readonly ItemNode[];
}

const label = (path: string): string => FIELD_LABELS[path] ?? path;
const keyOf = (linkId: string): string => linkId.slice(linkId.lastIndexOf(".") + 1);

function question(linkId: string, type: AnswerType, extra: Partial<QuestionNode> = {}): QuestionNode {
  return { linkId, key: keyOf(linkId), text: label(linkId), type, ...extra };
}

function group(linkId: string, items: readonly ItemNode[], extra: Partial<GroupNode> = {}): GroupNode {
  return { linkId, key: keyOf(linkId.replace(/\[\]$/, "")), text: label(linkId), type: "group", items, ...extra };
}

const equals = (question: string, answer: boolean | string): EnableWhen =>
  typeof answer === "boolean"
    ? { question, operator: "=", answerBoolean: answer }
    : { question, operator: "=", answerCode: answer };

const WEIGHT_UNITS: Options = { kg: "Kilograms (kg)", lb: "Pounds (lb)" };

const lab = (name: "alt" | "ast" | "alp" | "totalBilirubin"): GroupNode =>
  group(`liver.enzymes.${name}`, [
    question(`liver.enzymes.${name}.value`, "decimal"),
    question(`liver.enzymes.${name}.upperLimit`, "decimal"),
  ]);

const study = (name: "ultrasound" | "elastography"): GroupNode =>
  group(`liver.${name}`, [
    question(`liver.${name}.date`, "date"),
    question(`liver.${name}.result`, "choice", { options: STUDY_RESULT_LABELS }),
  ]);

/** What each page asks, in the wizard's order, with the wizard's conditions (`enableWhen`). */
const PAGE_ITEMS: Readonly<Record<StepId, readonly ItemNode[]>> = {
  request: [
    question("requestType", "choice", { options: REQUEST_TYPE_LABELS, required: true }),
    question("requestDate", "date", { required: true }),
    question("lineOfBusiness", "choice", { options: LINE_OF_BUSINESS_LABELS, required: true }),
  ],
  member: [
    group("member", [
      question("member.firstName", "string"),
      question("member.lastName", "string"),
      question("member.memberId", "string"),
      question("member.dateOfBirth", "date"),
      group("member.weight", [
        question("member.weight.value", "decimal"),
        question("member.weight.unit", "choice", { options: WEIGHT_UNITS }),
      ]),
    ]),
  ],
  prescriber: [
    group("prescriber", [
      question("prescriber.name", "string"),
      question("prescriber.npi", "string"),
      question("prescriber.specialty", "choice", { options: SPECIALTY_LABELS }),
      question("prescriber.hematologistConsulted", "boolean", {
        enableWhen: [equals("prescriber.specialty", "other")],
      }),
    ]),
  ],
  diagnosis: [
    group("diagnosis", [
      question("diagnosis.condition", "choice", { options: CONDITION_LABELS }),
      // The wizard shows these two once a diagnosis is chosen, but keeps an imported value without
      // one (and I.A.4 reads the activity whatever the diagnosis): no condition here.
      question("diagnosis.icd10", "string"),
      question("diagnosis.factorIxActivityPercent", "decimal"),
      question("diagnosis.otherDescription", "text", { enableWhen: [equals("diagnosis.condition", "other")] }),
      question("diagnosis.recentLabelChange", "boolean", { enableWhen: [equals("diagnosis.condition", "other")] }),
      question("diagnosis.onFormulary", "boolean", { enableWhen: [equals("diagnosis.recentLabelChange", true)] }),
    ]),
  ],
  prophylaxis: [
    group("prophylaxis", [
      question("prophylaxis.product", "choice", { options: FACTOR_IX_PRODUCT_LABELS }),
      question("prophylaxis.startDate", "date"),
      question("prophylaxis.adherenceDocumented", "boolean"),
    ]),
    { ...question("bleedsOnRecord", "boolean"), key: "bleeds", text: "Any bleeding episodes on record?", gate: true },
    group(
      "bleeds[]",
      [
        question("bleeds[].date", "date"),
        question("bleeds[].site", "choice", { options: BLEED_SITE_LABELS }),
        question("bleeds[].spontaneous", "boolean"),
      ],
      { linkId: "bleeds", text: label("bleeds"), repeats: true, enableWhen: [equals("bleedsOnRecord", true)] },
    ),
  ],
  "exposure-days": [question("exposureDays", "integer")],
  inhibitor: [
    group("inhibitor", [
      question("inhibitor.historyOfInhibitor", "boolean"),
      {
        ...question("inhibitor.assaysOnRecord", "boolean"),
        key: "assays",
        text: "Any inhibitor assays on record?",
        gate: true,
      },
      group(
        "inhibitor.assays[]",
        [question("inhibitor.assays[].date", "date"), question("inhibitor.assays[].bethesdaUnits", "decimal")],
        {
          linkId: "inhibitor.assays",
          text: label("inhibitor.assays"),
          repeats: true,
          enableWhen: [equals("inhibitor.assaysOnRecord", true)],
        },
      ),
    ]),
  ],
  liver: [
    group("liver", [
      group("liver.enzymes", [
        question("liver.enzymes.date", "date"),
        lab("alt"),
        lab("ast"),
        lab("alp"),
        lab("totalBilirubin"),
      ]),
      study("ultrasound"),
      study("elastography"),
      // The wizard asks this while I.A.8.c applies: a recent abnormal result, enzymes above their
      // limits included. enableWhen cannot compare two answers (ALT with its limit), so it is
      // always enabled here rather than hidden when it is needed.
      question("liver.hepatologistAttestation", "boolean"),
    ]),
  ],
  "gene-therapy": [
    question("priorGeneTherapy", "boolean"),
    group("aav5", [
      question("aav5.result", "choice", { options: AAV5_RESULT_LABELS }),
      question("aav5.titer", "decimal", { enableWhen: [equals("aav5.result", "detected")] }),
    ]),
  ],
  dose: [group("dose", [question("dose.requestedGcPerKg", "decimal")])],
};

export const QUESTION_PAGES: readonly PageNode[] = STEP_IDS.map((id) => ({
  linkId: `step:${id}` as const,
  text: STEPS[id].title,
  items: PAGE_ITEMS[id],
}));

/** The code system of a choice's codes: one per question, named by its linkId. */
export const codeSystemOf = (linkId: string): string => `${FHIR_BASE}/CodeSystem/${linkId}`;

export const codingOf = (linkId: string, options: Options, code: string): Coding => ({
  system: codeSystemOf(linkId),
  code,
  display: options[code] ?? code,
});

/** Every question and group by linkId, with the choices' options (for reading answers back). */
export function itemIndex(): Map<string, ItemNode> {
  const index = new Map<string, ItemNode>();
  const visit = (node: ItemNode) => {
    index.set(node.linkId, node);
    if (node.type === "group") node.items.forEach(visit);
  };
  QUESTION_PAGES.forEach((page) => page.items.forEach(visit));
  return index;
}

// ---------------------------------------------------------------------------------------------
// The Questionnaire resource
// ---------------------------------------------------------------------------------------------

export interface QuestionnaireItem {
  linkId: string;
  text: string;
  type: AnswerType | "group";
  required?: boolean;
  repeats?: boolean;
  enableWhen?: {
    question: string;
    operator: string;
    answerBoolean?: boolean;
    answerCoding?: Coding;
  }[];
  enableBehavior?: "any" | "all";
  answerOption?: { valueCoding: Coding }[];
  item?: QuestionnaireItem[];
}

export interface Questionnaire {
  resourceType: "Questionnaire";
  id: string;
  url: string;
  version: string;
  name: string;
  title: string;
  status: "active";
  subjectType: ["Patient"];
  publisher: string;
  description: string;
  code: Coding[];
  item: QuestionnaireItem[];
}

function enableWhenOf(conditions: readonly EnableWhen[] | undefined, index: Map<string, ItemNode>) {
  if (conditions === undefined) return {};
  const enableWhen = conditions.map(({ question, operator, answerBoolean, answerCode }) => {
    if (answerCode === undefined) return { question, operator, answerBoolean };
    const target = index.get(question);
    const options = target?.type === "choice" ? target.options : undefined;
    if (options === undefined) throw new Error(`enableWhen on ${question}: not a choice`);
    return { question, operator, answerCoding: codingOf(question, options, answerCode) };
  });
  return enableWhen.length > 1 ? { enableWhen, enableBehavior: "any" as const } : { enableWhen };
}

function itemOf(node: ItemNode, index: Map<string, ItemNode>): QuestionnaireItem {
  const common = { linkId: node.linkId, text: node.text, ...enableWhenOf(node.enableWhen, index) };
  if (node.type === "group") {
    return {
      ...common,
      type: "group",
      ...(node.repeats === true ? { repeats: true } : {}),
      item: node.items.map((child) => itemOf(child, index)),
    };
  }
  const { options } = node;
  return {
    ...common,
    type: node.type,
    ...(node.required === true ? { required: true } : {}),
    ...(options === undefined
      ? {}
      : { answerOption: Object.keys(options).map((code) => ({ valueCoding: codingOf(node.linkId, options, code) })) }),
  };
}

/** The Questionnaire itself: the same value every time (no date, no clock). */
export function cpPhar580Questionnaire(): Questionnaire {
  const index = itemIndex();
  return {
    resourceType: "Questionnaire",
    id: QUESTIONNAIRE_ID,
    url: QUESTIONNAIRE_URL,
    version: QUESTIONNAIRE_VERSION,
    name: "HemgenixCPPHAR580",
    title: "Hemgenix (etranacogene dezaparvovec-drlb) prior authorization, policy CP.PHAR.580",
    status: "active",
    subjectType: ["Patient"],
    publisher: "Hemgenix prior authorization intake",
    description:
      "The questions of a prior authorization request for Hemgenix (HCPCS J1411) under clinical policy " +
      "CP.PHAR.580, one group per page of the request. Each linkId is the path of the field in the request " +
      "document (contract version 1); list entries' fields are written with [] (bleeds[].date).",
    code: [{ system: "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", code: "J1411" }],
    item: QUESTION_PAGES.map((page) => ({
      linkId: page.linkId,
      text: page.text,
      type: "group",
      item: page.items.map((node) => itemOf(node, index)),
    })),
  };
}
