// @vitest-environment node
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { document, eligible, fixtureNames, rawFixture } from "@fixtures";
import { docArb } from "../../fixtures/document-arbitrary";
import { fhirErrors } from "../../fixtures/fhir-validator";
import { validateRequestDocument, type RequestDocument } from "@/criteria";
import { cpPhar580Questionnaire, QUESTIONNAIRE_CANONICAL, QUESTIONNAIRE_URL } from "./questionnaire";
import { fromQuestionnaireResponse, toQuestionnaireResponse } from "./questionnaire-response";
import type { QuestionnaireResponseItem } from "./resources";

const validFixtures = fixtureNames().filter((name) => validateRequestDocument(rawFixture(name)).ok);

/** Every answered item of a response, by linkId (list entries' fields once per entry). */
function answers(items: QuestionnaireResponseItem[] = []): [string, unknown][] {
  return items.flatMap((item) => [
    ...(item.answer ?? []).map((answer): [string, unknown] => [item.linkId, Object.values(answer)[0]]),
    ...answers(item.item),
  ]);
}

describe("the CP.PHAR.580 Questionnaire", () => {
  const questionnaire = cpPhar580Questionnaire();

  it("is valid FHIR R4", () => {
    expect(fhirErrors(questionnaire)).toEqual([]);
  });

  it("has one group per page, linkIds that are document paths, and options for every choice", () => {
    expect(questionnaire.item.map((page) => page.linkId)).toEqual([
      "step:request",
      "step:member",
      "step:prescriber",
      "step:diagnosis",
      "step:prophylaxis",
      "step:exposure-days",
      "step:inhibitor",
      "step:liver",
      "step:gene-therapy",
      "step:dose",
    ]);
    const all = JSON.stringify(questionnaire);
    for (const linkId of ["member.dateOfBirth", "inhibitor.assays[].bethesdaUnits", "liver.enzymes.alt.upperLimit"]) {
      expect(all).toContain(`"linkId":"${linkId}"`);
    }
    const site = questionnaire.item[4]?.item?.[2]?.item?.[1];
    expect(site?.linkId).toBe("bleeds[].site");
    expect(site?.answerOption?.map((o) => o.valueCoding.code)).toContain("neck_throat");
    expect(site?.answerOption?.find((o) => o.valueCoding.code === "gastrointestinal")?.valueCoding.display).toBe(
      "gastrointestinal",
    );
  });

  it("asks the conditional questions when the wizard does", () => {
    const find = (linkId: string, items = questionnaire.item): (typeof questionnaire.item)[number] | undefined =>
      items
        .flatMap((item) => (item.linkId === linkId ? [item] : item.item ? [find(linkId, item.item)] : []))
        .find(Boolean);
    expect(find("aav5.titer")?.enableWhen).toMatchObject([
      { question: "aav5.result", operator: "=", answerCoding: { code: "detected" } },
    ]);
    expect(find("prescriber.hematologistConsulted")?.enableWhen?.[0]?.answerCoding?.code).toBe("other");
    expect(find("diagnosis.onFormulary")?.enableWhen?.[0]).toMatchObject({ answerBoolean: true });
    expect(find("bleeds")).toMatchObject({
      type: "group",
      repeats: true,
      enableWhen: [{ question: "bleedsOnRecord" }],
    });
  });

  it("is the same value every time", () => {
    expect(cpPhar580Questionnaire()).toEqual(questionnaire);
  });
});

describe("a request document as a QuestionnaireResponse", () => {
  it.each(validFixtures)("%s: valid R4, and read back as the same document", (name) => {
    const doc = document(name);
    const response = toQuestionnaireResponse(doc);
    expect(fhirErrors(response)).toEqual([]);
    expect(response.questionnaire).toBe(QUESTIONNAIRE_CANONICAL);
    expect(fromQuestionnaireResponse(JSON.parse(JSON.stringify(response)))).toEqual({ ok: true, document: doc });
  });

  it("the validator does refuse a broken response (so a clean one means something)", () => {
    // Medplum checks types, formats, cardinality and invariants (not terminology bindings).
    const response = toQuestionnaireResponse(eligible());
    expect(fhirErrors({ ...response, status: 1 }).join("\n")).toContain("status");
    expect(fhirErrors({ ...response, authored: "2026-13-45" }).join("\n")).toContain("authored");
    const both = { ...response, item: [{ linkId: "x", answer: [{ valueBoolean: true }], item: [{ linkId: "y" }] }] };
    expect(fhirErrors(both).join("\n")).toContain("qrs-1");
  });

  it("answers each field with its value and type", () => {
    const found = answers(toQuestionnaireResponse(eligible()).item);
    expect(found).toContainEqual(["member.dateOfBirth", "1985-04-12"]);
    expect(found).toContainEqual(["exposureDays", 220]);
    expect(found).toContainEqual(["inhibitor.assays[].bethesdaUnits", 0.2]);
    expect(found).toContainEqual(["bleedsOnRecord", true]);
    expect(found).toContainEqual([
      "prophylaxis.product",
      { system: expect.stringContaining("prophylaxis.product") as unknown, code: "Alprolix", display: "Alprolix" },
    ]);
  });

  it("keeps an empty list apart from an unanswered one", () => {
    const none = eligible((doc) => (doc.bleeds = []));
    const unanswered = eligible((doc) => delete doc.bleeds);
    expect(answers(toQuestionnaireResponse(none).item)).toContainEqual(["bleedsOnRecord", false]);
    expect(answers(toQuestionnaireResponse(unanswered).item).map(([id]) => id)).not.toContain("bleedsOnRecord");
    expect(fromQuestionnaireResponse(toQuestionnaireResponse(none))).toEqual({ ok: true, document: none });
    expect(fromQuestionnaireResponse(toQuestionnaireResponse(unanswered))).toEqual({ ok: true, document: unanswered });
  });

  it("round trip: any valid document → QuestionnaireResponse (valid R4) → the same document", () => {
    fc.assert(
      fc.property(docArb, (raw) => {
        const doc = raw as RequestDocument;
        const response = toQuestionnaireResponse(doc, { status: "completed" });
        expect(fhirErrors(response)).toEqual([]);
        expect(fromQuestionnaireResponse(JSON.parse(JSON.stringify(response)))).toEqual({ ok: true, document: doc });
      }),
      { numRuns: 150 },
    );
  });
});

describe("a QuestionnaireResponse that does not fit", () => {
  const base = () => toQuestionnaireResponse(eligible()) as unknown as { item: QuestionnaireResponseItem[] };
  const problems = (input: unknown) => {
    const read = fromQuestionnaireResponse(input);
    return read.ok ? [] : read.problems;
  };

  it("another resource, or answers to another Questionnaire", () => {
    expect(problems({ resourceType: "Patient" })).toEqual([
      { path: "", message: "This is not a FHIR QuestionnaireResponse (resourceType)." },
    ]);
    expect(problems({ ...base(), questionnaire: "http://example.org/Questionnaire/other" })[0]?.message).toContain(
      QUESTIONNAIRE_URL,
    );
    expect(problems({ ...base(), questionnaire: `${QUESTIONNAIRE_URL}|0.9` })).toHaveLength(1);
    expect(fromQuestionnaireResponse({ ...base(), questionnaire: QUESTIONNAIRE_URL }).ok).toBe(true);
  });

  it("unknown linkIds, wrong answer types, codes outside the options: each named by path, never by value", () => {
    const response = base();
    const member = response.item[1]?.item?.[0];
    member?.item?.push({ linkId: "member.shoeSize", answer: [{ valueInteger: 44 }] });
    const dob = member?.item?.find((i) => i.linkId === "member.dateOfBirth");
    if (dob) dob.answer = [{ valueString: "1985-04-12" }];
    const product = response.item[4]?.item?.[0]?.item?.[0];
    if (product) product.answer = [{ valueCoding: { code: "Hemlibra" } }];
    const found = problems(response);
    expect(found).toEqual([
      { path: "member.dateOfBirth", message: "member.dateOfBirth must be answered with a valueDate." },
      { path: "member", message: "member.shoeSize is not a question of the Questionnaire in member." },
      {
        path: "prophylaxis.product",
        message: expect.stringMatching(
          /^prophylaxis.product must be one of the Questionnaire's codes \(Alprolix, /,
        ) as unknown,
      },
    ]);
    expect(JSON.stringify(found)).not.toContain("1985-04-12");
    expect(JSON.stringify(found)).not.toContain("Hemlibra");
  });

  it("a list said to be empty that has entries; two answers to one question", () => {
    const response = base();
    const gate = response.item[4]?.item?.find((i) => i.linkId === "bleedsOnRecord");
    if (gate) gate.answer = [{ valueBoolean: false }];
    const days = response.item[5]?.item?.[0];
    if (days) days.answer = [{ valueInteger: 1 }, { valueInteger: 2 }];
    expect(problems(response).map((p) => p.path)).toEqual(["bleeds", "exposureDays"]);
  });

  it("a document the contract refuses: the contract's own paths and messages", () => {
    const response = base();
    const npi = response.item[2]?.item?.[0]?.item?.find((i) => i.linkId === "prescriber.npi");
    if (npi) npi.answer = [{ valueString: "1234567890" }];
    expect(problems(response)).toEqual([{ path: "prescriber.npi", message: expect.any(String) as unknown }]);
  });
});
