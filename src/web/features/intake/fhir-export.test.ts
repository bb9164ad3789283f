/**
 * The Questionnaire's enableWhen mirrors what the wizard asks: a request as the wizard makes it
 * (any valid document, through the wizard's form and back) never answers a question its
 * conditions disable. And the wizard's export is the shared mapping's, refusing what the document does.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eligible } from "@fixtures";
import { docArb } from "../../../../fixtures/document-arbitrary";
import { validateRequestDocument, type RequestDocument } from "@/criteria";
import { cpPhar580Questionnaire, type QuestionnaireItem } from "@/fhir/questionnaire";
import { fromQuestionnaireResponse, toQuestionnaireResponse } from "@/fhir/questionnaire-response";
import type { QuestionnaireResponseAnswer, QuestionnaireResponseItem } from "@/fhir/resources";
import { fromDocument, toDocument } from "./draft";
import { fhirExport } from "./fhir-export";

const questionnaire = cpPhar580Questionnaire();
const definitions = new Map<string, QuestionnaireItem>();
const collect = (items: QuestionnaireItem[]): void =>
  items.forEach((item) => {
    definitions.set(item.linkId, item);
    collect(item.item ?? []);
  });
collect(questionnaire.item);

/** Every answered item of a response with its answer (the lists' questions once per entry). */
function answered(items: QuestionnaireResponseItem[] = []): [string, QuestionnaireResponseAnswer | undefined][] {
  return items.flatMap((item) => [[item.linkId, item.answer?.[0]] as const, ...answered(item.item)]);
}

/** The linkIds answered while their enableWhen (read as R4 defines it, "any") disables them. */
function answeredWhileDisabled(items: QuestionnaireResponseItem[] | undefined): string[] {
  const all = answered(items);
  const answerOf = (linkId: string) => all.find(([id, answer]) => id === linkId && answer !== undefined)?.[1];
  const enabled = (linkId: string): boolean => {
    const conditions = definitions.get(linkId)?.enableWhen;
    if (conditions === undefined) return true;
    return conditions.some((condition) => {
      const answer = enabled(condition.question) ? answerOf(condition.question) : undefined;
      if (condition.operator === "exists") return (answer !== undefined) === condition.answerBoolean;
      if (condition.answerCoding !== undefined) return answer?.valueCoding?.code === condition.answerCoding.code;
      return answer?.valueBoolean === condition.answerBoolean;
    });
  };
  return [...new Set(all.map(([id]) => id).filter((id) => !enabled(id)))];
}

/** A document as the wizard would hold it: into the form and back. */
function throughWizard(doc: RequestDocument): RequestDocument {
  const result = validateRequestDocument(toDocument(fromDocument(doc)));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.document;
}

describe("the Questionnaire's conditions and the wizard", () => {
  it("a request as the wizard makes it answers no question its conditions disable", () => {
    fc.assert(
      fc.property(docArb, (raw) => {
        const response = toQuestionnaireResponse(throughWizard(raw as RequestDocument));
        expect(answeredWhileDisabled(response.item)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("the check does see a disabled answer (a titer with AAV5 not detected)", () => {
    const doc = eligible((d) => (d.aav5 = { result: "not_detected", titer: 300 }));
    expect(answeredWhileDisabled(toQuestionnaireResponse(doc).item)).toEqual(["aav5.titer"]);
  });
});

describe("fhirExport (the wizard's Export as FHIR)", () => {
  it("makes the QuestionnaireResponse and the Bundle of the answers", () => {
    const made = fhirExport(eligible(), "questionnaire-response");
    if (!made.ok) throw new Error("refused");
    expect(made.fileName).toBe("hemgenix-questionnaire-response.json");
    expect(fromQuestionnaireResponse(JSON.parse(made.json))).toEqual({ ok: true, document: eligible() });
    const bundle = fhirExport(eligible(), "claim-bundle");
    expect(bundle.ok && (JSON.parse(bundle.json) as { resourceType: string }).resourceType).toBe("Bundle");
  });

  it("refuses answers the document does not accept, with the document's paths", () => {
    const made = fhirExport({ ...eligible(), exposureDays: -1 }, "claim-bundle");
    expect(made.ok ? [] : made.errors.map((e) => e.path)).toEqual(["exposureDays"]);
  });
});
