// @vitest-environment node
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { document, eligible, fixtureNames, rawFixture } from "@fixtures";
import { docArb } from "../../fixtures/document-arbitrary";
import { fhirErrors } from "../../fixtures/fhir-validator";
import { validateRequestDocument, type RequestDocument } from "@/criteria";
import type { DocumentInfo } from "@/contract";
import { fromQuestionnaireResponse } from "./questionnaire-response";
import { hexToBase64Url, toPasBundle, uuidFrom, type PasBundle } from "./pas-bundle";

const validFixtures = fixtureNames().filter((name) => validateRequestDocument(rawFixture(name)).ok);

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

const DOCUMENTS: DocumentInfo[] = [
  {
    id: "AAAAAAAAAAAAAAAAAAAAAA",
    fileName: "liver panel.pdf",
    mediaType: "application/pdf",
    viewType: "application/pdf",
    size: 48_213,
    sha256: sha256("liver panel"),
    pages: 2,
    items: ["liver-enzymes"],
    uploadedAt: "2026-11-20T15:04:05.123Z",
    state: "filed",
    amends: null,
    version: 1,
  },
  {
    id: "BBBBBBBBBBBBBBBBBBBBBB",
    fileName: "ultrasound.tiff",
    mediaType: "image/tiff",
    viewType: "application/pdf",
    size: 1_200_000,
    sha256: sha256("ultrasound"),
    pages: 1,
    items: ["liver-imaging"],
    uploadedAt: "2026-11-21T09:00:00.000Z",
    state: "filed",
    amends: null,
    version: 1,
  },
];

function resources(bundle: PasBundle) {
  const byType = (type: string) => bundle.entry.filter((e) => e.resource.resourceType === type).map((e) => e.resource);
  return { byType, one: (type: string) => byType(type)[0] as Record<string, unknown> };
}

/** Every error of the Bundle and of each of its resources on its own. */
const errorsOf = (bundle: PasBundle) => [
  ...fhirErrors(bundle),
  ...bundle.entry.flatMap((e) => fhirErrors(e.resource).map((m) => `${e.resource.resourceType} ${m}`)),
];

describe("the PAS-style request Bundle", () => {
  it.each(validFixtures)("%s: valid R4, with and without documents", (name) => {
    expect(errorsOf(toPasBundle(document(name)))).toEqual([]);
    expect(
      errorsOf(toPasBundle(document(name), { reference: "HGX-2026-000123", expedited: true, documents: DOCUMENTS })),
    ).toEqual([]);
  });

  it("valid R4 for any valid document", () => {
    fc.assert(
      fc.property(docArb, fc.option(fc.boolean(), { nil: undefined }), (raw, expedited) => {
        expect(errorsOf(toPasBundle(raw as RequestDocument, { expedited, documents: DOCUMENTS }))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("a Claim for preauthorization of J1411 for D67, the prescriber by NPI, the member, the plan", () => {
    const bundle = toPasBundle(eligible(), { reference: "HGX-2026-000123", expedited: false, documents: DOCUMENTS });
    const { one } = resources(bundle);
    expect(bundle.type).toBe("collection");
    expect(bundle.entry[0]?.resource.resourceType).toBe("Claim");
    const claim = one("Claim");
    expect(claim).toMatchObject({
      status: "active",
      use: "preauthorization",
      type: { coding: [{ code: "professional" }] },
      created: "2026-11-27",
      priority: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/processpriority", code: "normal" }] },
      identifier: [{ value: "HGX-2026-000123" }],
      diagnosis: [
        { diagnosisCodeableConcept: { coding: [{ system: "http://hl7.org/fhir/sid/icd-10-cm", code: "D67" }] } },
      ],
      item: [{ productOrService: { coding: [{ code: "J1411" }] }, informationSequence: [1, 2, 3] }],
    });
    const urlOf = (type: string) => bundle.entry.find((e) => e.resource.resourceType === type)?.fullUrl;
    expect(claim.patient).toEqual({ reference: urlOf("Patient") });
    expect(claim.provider).toEqual({ reference: urlOf("Practitioner") });
    expect(claim.insurer).toEqual({ reference: urlOf("Organization") });
    expect(one("Practitioner")).toMatchObject({
      identifier: [{ system: "http://hl7.org/fhir/sid/us-npi", value: eligible().prescriber?.npi }],
    });
    expect(one("Patient")).toMatchObject({
      identifier: [{ value: "U1234567" }],
      name: [{ family: "Example", given: ["Ada"] }],
      birthDate: "1985-04-12",
    });
    expect(one("Coverage")).toMatchObject({ subscriberId: "U1234567", beneficiary: claim.patient });
    expect(toPasBundle(eligible(), { expedited: true }).entry[0]?.resource).toMatchObject({
      priority: { coding: [{ code: "stat" }] },
    });
  });

  it("supportingInfo points at the QuestionnaireResponse (the same request) and a DocumentReference per document", () => {
    const bundle = toPasBundle(eligible(), {
      reference: "HGX-2026-000123",
      documents: DOCUMENTS,
      origin: "https://pa.example.org",
    });
    const { one, byType } = resources(bundle);
    const info = one("Claim").supportingInfo as { valueReference: { reference: string } }[];
    const target = (i: number) => bundle.entry.find((e) => e.fullUrl === info[i]?.valueReference.reference)?.resource;
    expect(target(0)?.resourceType).toBe("QuestionnaireResponse");
    expect(fromQuestionnaireResponse(target(0))).toEqual({ ok: true, document: eligible() });
    expect(target(0)).toMatchObject({ status: "completed", subject: one("Claim").patient });
    expect([target(1), target(2)]).toEqual(byType("DocumentReference"));
    expect(target(1)).toMatchObject({
      status: "current",
      date: "2026-11-20T15:04:05.123Z",
      identifier: [
        { system: "urn:ietf:rfc:3986", value: `ni:///sha-256;${hexToBase64Url(DOCUMENTS[0]?.sha256 ?? "")}` },
      ],
      content: [
        {
          attachment: {
            contentType: "application/pdf",
            size: 48_213,
            title: "liver panel.pdf",
            url: "https://pa.example.org/api/documents/AAAAAAAAAAAAAAAAAAAAAA/download",
          },
        },
      ],
    });
    expect(JSON.stringify(bundle)).not.toContain('"hash"');
  });

  it("before submission: priority not chosen yet, an in-progress response, no reference", () => {
    const bundle = toPasBundle(eligible());
    const { one } = resources(bundle);
    expect(one("Claim").priority).toEqual({ text: expect.stringContaining("Not chosen yet") as unknown });
    expect(one("QuestionnaireResponse").status).toBe("in-progress");
    expect(bundle).not.toHaveProperty("identifier");
  });

  it("the same request gives the same Bundle; another gives other names", () => {
    const a = toPasBundle(eligible(), { documents: DOCUMENTS });
    expect(toPasBundle(eligible(), { documents: DOCUMENTS })).toEqual(a);
    const urls = a.entry.map((e) => e.fullUrl);
    expect(new Set(urls).size).toBe(urls.length);
    for (const url of urls)
      expect(url).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const b = toPasBundle(eligible((doc) => (doc.exposureDays = 221)));
    expect(b.entry[0]?.fullUrl).not.toBe(a.entry[0]?.fullUrl);
    expect(uuidFrom("x")).toBe(uuidFrom("x"));
  });

  it("hexToBase64Url is base64url without padding", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const buffer = Buffer.from(bytes);
        expect(hexToBase64Url(buffer.toString("hex"))).toBe(buffer.toString("base64url"));
      }),
    );
  });
});
