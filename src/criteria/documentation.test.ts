/** The documentation checklist: what each fixture needs, and how the list follows the answers. */
import { describe, expect, it } from "vitest";
import { document, eligible, fixtureNames, rawFixture } from "@fixtures";
import {
  CRITERION_IDS,
  checkRequest,
  documentationChecklist,
  evaluate,
  isChecklistItemId,
  type ChecklistItem,
  type RequestDocument,
} from "@/criteria";

const checklist = (doc: RequestDocument) => documentationChecklist(doc, evaluate(doc));
const ids = (doc: RequestDocument) => checklist(doc).map((i) => i.id);
const byId = (doc: RequestDocument, id: string): ChecklistItem | undefined => checklist(doc).find((i) => i.id === id);

const ELIGIBLE_IDS = [
  "diagnosis-factor-ix",
  "prophylaxis-records",
  "bleed-records",
  "exposure-days",
  "inhibitor-assay-1",
  "liver-panel",
  "liver-ultrasound",
  "liver-elastography",
  "aav5-antibody",
  "weight",
];

describe("documentationChecklist", () => {
  it("lists, for the eligible request, one document per piece of evidence, every one required, in criterion order", () => {
    const list = checklist(eligible());
    expect(list.map((i) => i.id)).toEqual(ELIGIBLE_IDS);
    expect(list.every((i) => i.required)).toBe(true);
    expect(list.find((i) => i.id === "diagnosis-factor-ix")?.criteria).toEqual(["I.A.1", "I.A.4"]);
    expect(list.find((i) => i.id === "liver-ultrasound")?.criteria).toEqual(["I.A.8.b"]);
    expect(list.find((i) => i.id === "weight")?.criteria).toEqual(["I.A.11"]);
    // Criterion order: the first criterion of each item never goes backwards.
    const order = list.map((i) => CRITERION_IDS.indexOf(i.criteria[0] ?? "I.A.1"));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("asks for the hematologist's consultation note only when the prescriber is not a hematologist (I.A.2)", () => {
    expect(byId(eligible(), "hematology-consult")).toBeUndefined();
    const other = document("non-hematologist-consulted-weight-lb");
    expect(other.prescriber?.specialty).toBe("other");
    expect(byId(other, "hematology-consult")).toEqual({
      id: "hematology-consult",
      title: "Hematologist's consultation note",
      criteria: ["I.A.2"],
      required: true,
    });
    // Not answered yet: shown as possibly needed, not required.
    const unanswered = eligible((doc) => {
      if (doc.prescriber !== undefined) delete doc.prescriber.specialty;
    });
    expect(byId(unanswered, "hematology-consult")).toMatchObject({ required: false });
    // Answering "hematology" removes it.
    const answered = eligible((doc) => {
      if (doc.prescriber !== undefined) doc.prescriber.specialty = "hematology";
    });
    expect(byId(answered, "hematology-consult")).toBeUndefined();
  });

  it("asks for one lab report per inhibitor assay entered, dated, for I.A.7.b and I.A.7.c; a second assay adds one", () => {
    const one = eligible();
    expect(one.inhibitor?.assays).toHaveLength(1);
    const two = eligible((doc) => {
      doc.inhibitor?.assays?.push({ date: "2026-09-01", bethesdaUnits: 0.2 });
    });
    const reports = checklist(two).filter((i) => i.id.startsWith("inhibitor-assay-"));
    expect(reports.map((i) => i.id)).toEqual(["inhibitor-assay-1", "inhibitor-assay-2"]);
    expect(reports[1]?.title).toBe("Inhibitor (Bethesda) assay lab report 2 of 2, 1 Sep 2026");
    expect(reports.every((i) => i.criteria.join() === "I.A.7.b,I.A.7.c")).toBe(true);
    // None entered: the report is still expected (I.A.7.b needs an assay).
    const none = document("no-inhibitor-assays-on-record");
    expect(
      checklist(none)
        .filter((i) => i.id.startsWith("inhibitor-assay-"))
        .map((i) => i.title),
    ).toEqual(["Inhibitor (Bethesda) assay lab report"]);
  });

  it("asks for the hepatologist's attestation only when I.A.8.c applies", () => {
    expect(byId(eligible(), "hepatologist-attestation")).toBeUndefined();
    for (const name of [
      "abnormal-liver-attested",
      "abnormal-liver-unattested",
      "abnormal-ultrasound-unanswered-attestation",
    ]) {
      const doc = document(name);
      expect(evaluate(doc).criteria.find((c) => c.id === "I.A.8.c")?.status, name).not.toBe("not_applicable");
      expect(byId(doc, "hepatologist-attestation"), name).toMatchObject({ criteria: ["I.A.8.c"], required: true });
    }
  });

  it("needs nothing for continued therapy (II.A), and only the diagnosis records for a referral (I.B)", () => {
    expect(checklist(document("continuation"))).toEqual([]);
    for (const name of fixtureNames().filter((n) => n.startsWith("refer-")))
      expect(ids(document(name)), name).toEqual(["diagnosis-factor-ix"]);
  });

  it("for every valid fixture: unique ids, criteria that exist, every applicable I.A criterion but 7.a and 9 backed by a document", () => {
    for (const name of fixtureNames()) {
      const result = checkRequest(rawFixture(name));
      if ("errors" in result) continue;
      const doc = document(name);
      const list = checklist(doc);
      const listIds = list.map((i) => i.id);
      expect(new Set(listIds).size, name).toBe(listIds.length);
      for (const i of list) for (const id of i.criteria) expect(CRITERION_IDS, name).toContain(id);
      if (result.outcome === "not_authorized" || result.outcome === "refer") continue;
      // 7.a (no inhibitor history) and 9 (no prior gene therapy) are attested absences, not documents.
      const backed = new Set(list.filter((i) => i.required).flatMap((i) => i.criteria));
      for (const c of result.criteria)
        if (c.status !== "not_applicable" && !["I.A.3", "I.A.7.a", "I.A.9", "I.A.2"].includes(c.id))
          expect(backed.has(c.id), `${name}: ${c.id}`).toBe(true);
    }
  });

  it("makes only ids isChecklistItemId knows (what a document may say it supports), for every fixture and answer", () => {
    const answers = [
      eligible(),
      eligible((d) => {
        d.prescriber = { ...d.prescriber, specialty: "other" };
      }),
      eligible((d) => {
        d.liver = { ...d.liver, enzymes: { ...d.liver?.enzymes, alt: { value: 90, upperLimit: 56 } } };
      }),
      eligible((d) => {
        d.inhibitor = {
          ...d.inhibitor,
          assays: Array.from({ length: 500 }, (_, i) => ({ date: "2026-10-02", bethesdaUnits: i % 2 ? 0.2 : 0.1 })),
        };
      }),
      ...fixtureNames()
        .filter((name) => !("errors" in checkRequest(rawFixture(name))))
        .map((name) => document(name)),
    ];
    const made = new Set(answers.flatMap(ids));
    expect(made).toContain("hematology-consult");
    expect(made).toContain("hepatologist-attestation");
    expect(made).toContain("inhibitor-assay-500");
    for (const id of made) expect(isChecklistItemId(id), id).toBe(true);
  });

  it("knows no other id: made-up, out of range or malformed", () => {
    for (const id of [
      "weird-item",
      "inhibitor-assay-0",
      "inhibitor-assay-501",
      "inhibitor-assay-1000",
      "inhibitor-assay-01",
      "weight ",
      "",
    ])
      expect(isChecklistItemId(id), id).toBe(false);
  });
});
