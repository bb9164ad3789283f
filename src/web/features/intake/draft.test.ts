import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { document, eligible, fixtureNames, npiFrom } from "@fixtures";
import {
  BLEED_SITES,
  FACTOR_IX_PRODUCTS,
  LINES_OF_BUSINESS,
  evaluate,
  validateRequestDocument,
  type RequestDocument,
} from "@/criteria";
import { emptyDraft, fromDocument, restoreDraft, toDocument, type Draft } from "./draft";
import { draftSchema } from "./draft-schema";
import { datePartsFromIso } from "@/web/lib/date-parts";

const REQUEST_DATE = "2026-11-27";

/** A draft with the required answers given, changed by `change`. */
function draftWith(change: (draft: Draft) => void = () => undefined): Draft {
  const draft = emptyDraft(REQUEST_DATE);
  draft.lineOfBusiness = "commercial";
  change(draft);
  return draft;
}

function valid(input: unknown): RequestDocument {
  const result = validateRequestDocument(input);
  if (!result.ok) throw new Error(`invalid: ${JSON.stringify(result.errors)} for ${JSON.stringify(input)}`);
  return result.document;
}

function errorsOf(input: unknown): { path: string; message: string }[] {
  const result = validateRequestDocument(input);
  return result.ok ? [] : result.errors;
}

/** Import then export: the document the wizard would send for an imported one. */
const roundTrip = (doc: RequestDocument): unknown => toDocument(fromDocument(doc));

// -------------------------------------------------------------------------------------------------
// Round trip: fixtures
// -------------------------------------------------------------------------------------------------

const VALID_FIXTURES = fixtureNames().filter((name) => !name.startsWith("invalid-"));

describe("fromDocument then toDocument (import, then export)", () => {
  it("has valid fixtures to check", () => {
    expect(VALID_FIXTURES.length).toBeGreaterThan(20);
    expect(VALID_FIXTURES).toContain("eligible");
  });

  it.each(VALID_FIXTURES)("keeps fixture %s valid and evaluated exactly as the original", (name) => {
    const original = valid(document(name));
    const result = validateRequestDocument(roundTrip(original));
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (result.ok) expect(evaluate(result.document)).toEqual(evaluate(original));
  });

  it("gives back the eligible example field for field", () => {
    expect(roundTrip(eligible())).toEqual(eligible());
  });

  it("keeps an ICD-10 code other than D67 (its evaluation asks for the code to be corrected)", () => {
    const original = eligible((doc) => {
      if (doc.diagnosis !== undefined) doc.diagnosis.icd10 = "D68.1";
    });
    const back = valid(roundTrip(original));
    expect(back.diagnosis?.icd10).toBe("D68.1");
    expect(evaluate(back)).toEqual(evaluate(original));
  });

  it("keeps a requested dose just above the maximum above it (precision is not lost)", () => {
    // 2.0000000000001e13 is more than 2e13, so I.A.11 is not met.
    const original = eligible((doc) => {
      doc.dose = { requestedGcPerKg: 2.0000000000001e13 };
    });
    expect(evaluate(original).outcome).toBe("does_not_meet");
    const back = valid(roundTrip(original));
    expect(back.dose?.requestedGcPerKg).toBe(2.0000000000001e13);
    expect(evaluate(back)).toEqual(evaluate(original));
  });

  it("evaluates any requested dose as the original does (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e9, max: 1e15, noNaN: true, noDefaultInfinity: true }), (requested) => {
        const original = eligible((doc) => {
          doc.dose = { requestedGcPerKg: requested };
        });
        expect(evaluate(valid(roundTrip(original)))).toEqual(evaluate(original));
      }),
      { numRuns: 200 },
    );
  });

  it("does not invent a weight unit for a weight recorded without one", () => {
    const original = eligible((doc) => {
      doc.member = { ...doc.member, weight: { value: 80 } };
    });
    expect(evaluate(valid(roundTrip(original)))).toEqual(evaluate(original));
  });

  it("evaluates liver enzymes recorded as an empty entry as the original does", () => {
    const original = eligible((doc) => {
      doc.liver = { ...doc.liver, enzymes: {} };
    });
    expect(evaluate(valid(roundTrip(original)))).toEqual(evaluate(original));
  });
});

// -------------------------------------------------------------------------------------------------
// Round trip: property over documents of the schema's shape
// -------------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const daysBefore = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);

/** Numbers as found in real requests: up to `decimals` decimal places. */
const decimal = (min: number, max: number, decimals: number): fc.Arbitrary<number> => {
  const scale = 10 ** decimals;
  return fc.integer({ min: Math.ceil(min * scale), max: Math.floor(max * scale) }).map((n) => n / scale);
};

const partial = (model: Record<string, fc.Arbitrary<unknown>>) => fc.record(model, { requiredKeys: [] });

/**
 * Documents of the schema's shape: every optional part present or absent, dates real and on or
 * before the request date, values in range. Answers that only mean something under a condition
 * (consulted only for another specialty, factor IX % only for hemophilia B, the label-change
 * questions only for another diagnosis, formulary only after a label change, titer only when
 * detected) appear only under it: the wizard asks them only then. The ICD-10 code is the one the
 * wizard writes; other codes, doses beyond 12 significant digits, unitless weights and empty
 * enzyme entries have their own tests above.
 */
function documentArb(requestDate: string): fc.Arbitrary<Record<string, unknown>> {
  const date = fc.integer({ min: 0, max: 365 * 40 }).map((days) => daysBefore(requestDate, days));
  const recent = fc.integer({ min: 0, max: 200 }).map((days) => daysBefore(requestDate, days));
  const someDate = fc.oneof(recent, date);
  const bool = fc.boolean();

  const prescriber = fc.oneof(
    partial({
      name: fc.constantFrom("Dr. Example", "Dr. Who"),
      npi: fc.integer({ min: 0, max: 999_999_999 }).map((n) => npiFrom(String(n).padStart(9, "0"))),
      specialty: fc.constant("hematology"),
    }),
    fc.record(
      {
        name: fc.constant("Dr. Other"),
        specialty: fc.constant("other"),
        hematologistConsulted: bool,
      },
      { requiredKeys: ["specialty"] },
    ),
  );
  const diagnosis = fc.oneof(
    partial({
      condition: fc.constant("congenital_hemophilia_b"),
      icd10: fc.constant("D67"),
      factorIxActivityPercent: decimal(0, 200, 2),
    }).map((d) => (d.condition === undefined ? { ...d, icd10: undefined } : d)),
    fc
      .record(
        {
          condition: fc.constant("other"),
          otherDescription: fc.constantFrom("Acquired factor IX deficiency", "Pediatric use"),
          recentLabelChange: bool,
          onFormulary: bool,
        },
        { requiredKeys: ["condition"] },
      )
      .map((d) => (d.recentLabelChange === true ? d : { ...d, onFormulary: undefined })),
  );
  const lab = partial({ value: decimal(0, 400, 1), upperLimit: decimal(0.1, 300, 1) }).filter(
    (l) => Object.keys(l).length > 0,
  );
  const study = partial({ date: someDate, result: fc.constantFrom("normal", "abnormal") });
  const aav5 = fc.oneof(
    partial({ result: fc.constant("not_detected") }),
    fc.record(
      { result: fc.constant("detected"), titer: fc.oneof(fc.integer({ min: 1, max: 5000 }), decimal(0.5, 900, 1)) },
      { requiredKeys: ["result"] },
    ),
  );
  const dose = partial({
    requestedGcPerKg: fc.oneof(
      fc.constantFrom(2e13, 1e13, 2.1e13, 1.5e13, 1.99e13, 2.01e13),
      fc.integer({ min: 1, max: 400 }).map((n) => n * 1e11),
    ),
  });

  const model: Record<string, fc.Arbitrary<unknown>> = {
    schemaVersion: fc.constant(1),
    requestType: fc.constantFrom("initial", "continuation"),
    requestDate: fc.constant(requestDate),
    lineOfBusiness: fc.constantFrom(...LINES_OF_BUSINESS),
    member: partial({
      firstName: fc.constantFrom("Ada", "José", "Mary Ann"),
      lastName: fc.constantFrom("Example", "O'Neil"),
      memberId: fc.constantFrom("U1234567", "M-42"),
      dateOfBirth: date,
      weight: fc.record({ value: decimal(0.1, 400, 1), unit: fc.constantFrom("kg", "lb") }),
    }),
    prescriber,
    diagnosis,
    prophylaxis: partial({
      product: fc.constantFrom(...FACTOR_IX_PRODUCTS),
      startDate: date,
      adherenceDocumented: bool,
    }),
    bleeds: fc.array(partial({ date: someDate, site: fc.constantFrom(...BLEED_SITES), spontaneous: bool }), {
      maxLength: 3,
    }),
    exposureDays: fc.integer({ min: 0, max: 2000 }),
    inhibitor: partial({
      historyOfInhibitor: bool,
      assays: fc.array(partial({ date: someDate, bethesdaUnits: decimal(0, 5, 2) }), { maxLength: 3 }),
    }),
    liver: partial({
      enzymes: fc
        .record({ date: recent, alt: lab, ast: lab, alp: lab, totalBilirubin: lab }, { requiredKeys: [] })
        .filter((e) => Object.keys(e).length > 0),
      ultrasound: study,
      elastography: study,
      hepatologistAttestation: bool,
    }),
    priorGeneTherapy: bool,
    aav5,
    dose,
  };
  return fc
    .record(model, { requiredKeys: ["schemaVersion", "requestType", "requestDate", "lineOfBusiness"] })
    .map((doc) => JSON.parse(JSON.stringify(doc)) as Record<string, unknown>); // drops undefined keys
}

/** The eligible example with its numbers varied, so eligible documents are drawn too. */
const eligibleArb: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    weight: fc.record({ value: decimal(30, 220, 1), unit: fc.constantFrom("kg", "lb") }),
    factorIx: decimal(0, 2, 2),
    exposureDays: fc.integer({ min: 150, max: 2000 }),
    bethesdaUnits: decimal(0, 0.59, 2),
    titer: fc.integer({ min: 1, max: 678 }),
    dose: fc.integer({ min: 1, max: 200 }).map((n) => n * 1e11),
    unanswered: fc.subarray(["exposureDays", "priorGeneTherapy", "bleeds", "liver", "aav5"] as const, {
      maxLength: 2,
    }),
  })
  .map(({ weight, factorIx, exposureDays, bethesdaUnits, titer, dose, unanswered }) => {
    const doc = eligible((d) => {
      d.member = { ...d.member, weight };
      d.diagnosis = { ...d.diagnosis, factorIxActivityPercent: factorIx };
      d.exposureDays = exposureDays;
      d.inhibitor = { historyOfInhibitor: false, assays: [{ date: "2026-10-02", bethesdaUnits }] };
      d.aav5 = { result: "detected", titer };
      d.dose = { requestedGcPerKg: dose };
      for (const key of unanswered) delete d[key];
    });
    return JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
  });

const docArb = fc.oneof(
  { arbitrary: eligibleArb, weight: 1 },
  {
    arbitrary: fc
      .constantFrom("2026-11-27", "2026-05-31", "2028-02-29", "2027-01-01")
      .chain((requestDate) => documentArb(requestDate)),
    weight: 4,
  },
);

describe("fromDocument then toDocument, for any document of the schema's shape", () => {
  it("gives a valid document that evaluates exactly as the original", () => {
    fc.assert(
      fc.property(docArb, (raw) => {
        const original = valid(raw);
        const result = validateRequestDocument(roundTrip(original));
        expect(result.ok ? [] : result.errors).toEqual([]);
        if (result.ok) expect(evaluate(result.document)).toEqual(evaluate(original));
      }),
      { numRuns: 400 },
    );
  });

  it("draws every outcome (the generator is not stuck on one)", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(docArb, (raw) => {
        seen.add(evaluate(valid(raw)).outcome);
      }),
      { numRuns: 400, seed: 580 },
    );
    expect([...seen].sort()).toEqual(["does_not_meet", "incomplete", "meets_criteria", "not_authorized", "refer"]);
  });
});

// -------------------------------------------------------------------------------------------------
// toDocument
// -------------------------------------------------------------------------------------------------

describe("toDocument", () => {
  it("leaves every blank answer out (an empty draft is only its required fields and the default dose)", () => {
    expect(toDocument(draftWith())).toEqual({
      schemaVersion: 1,
      requestType: "initial",
      requestDate: REQUEST_DATE,
      lineOfBusiness: "commercial",
      dose: { requestedGcPerKg: 2e13 },
    });
  });

  it("leaves out a blank required answer too, so validation says it is required", () => {
    const doc = toDocument(draftWith((d) => (d.requestDate = datePartsFromIso(""))));
    expect(doc).not.toHaveProperty("requestDate");
    expect(errorsOf(doc)).toEqual([{ path: "requestDate", message: "Request date is required" }]);
  });

  it("treats whitespace-only text as blank and trims text", () => {
    const doc = toDocument(
      draftWith((d) => {
        d.member.firstName = "   ";
        d.member.lastName = "  Example ";
        d.prescriber.name = "\t";
        d.exposureDays = "  ";
        d.member.weight.value = " ";
        d.liver.enzymes.alt = { value: " ", upperLimit: "" };
        d.dose.requestedGcPerKg = "";
      }),
    );
    expect(doc.member).toEqual({ lastName: "Example" });
    expect(doc).not.toHaveProperty("prescriber");
    expect(doc).not.toHaveProperty("exposureDays");
    expect(doc).not.toHaveProperty("liver");
    expect(doc).not.toHaveProperty("dose");
  });

  it("turns yes and no into true and false, and blank into absent", () => {
    const doc = toDocument(
      draftWith((d) => {
        d.priorGeneTherapy = "no";
        d.prophylaxis.adherenceDocumented = "yes";
        d.inhibitor.historyOfInhibitor = "";
      }),
    );
    expect(doc.priorGeneTherapy).toBe(false);
    expect(doc.prophylaxis).toEqual({ adherenceDocumented: true });
    expect(doc).not.toHaveProperty("inhibitor");
  });

  it('records "no bleeds on record" as an empty list and a blank answer as absent, whatever the list holds', () => {
    const bleed = { date: datePartsFromIso("2025-09-14"), site: "joint", spontaneous: "yes" } as const;
    expect(toDocument(draftWith((d) => ((d.bleedsOnRecord = "no"), (d.bleeds = [{ ...bleed }])))).bleeds).toEqual([]);
    expect(toDocument(draftWith((d) => (d.bleeds = [{ ...bleed }])))).not.toHaveProperty("bleeds");
    expect(toDocument(draftWith((d) => ((d.bleedsOnRecord = "yes"), (d.bleeds = [{ ...bleed }])))).bleeds).toEqual([
      { date: "2025-09-14", site: "joint", spontaneous: true },
    ]);
  });

  it('does not record "none on record" while the answer is "yes" and no entry is added yet', () => {
    // "yes" with nothing entered yet is an unfinished answer; [] would claim there are none.
    const doc = toDocument(
      draftWith((d) => {
        d.bleedsOnRecord = "yes";
        d.inhibitor.assaysOnRecord = "yes";
      }),
    );
    expect(doc.bleeds).toBeUndefined();
    expect(doc.inhibitor).toBeUndefined();
  });

  it("records assays the same way: no is an empty list, blank is absent, a blank entry is an empty one", () => {
    const assays = [
      { date: datePartsFromIso("2026-10-02"), bethesdaUnits: "0.2" },
      { date: datePartsFromIso(""), bethesdaUnits: "" },
    ];
    const withAssays = (onRecord: "" | "yes" | "no") =>
      toDocument(
        draftWith((d) => {
          d.inhibitor.assaysOnRecord = onRecord;
          d.inhibitor.assays = assays.map((a) => ({ ...a }));
        }),
      ).inhibitor;
    expect(withAssays("no")).toEqual({ assays: [] });
    expect(withAssays("")).toBeUndefined();
    expect(withAssays("yes")).toEqual({ assays: [{ date: "2026-10-02", bethesdaUnits: 0.2 }, {}] });
  });

  describe("drops a conditional answer while its condition is off, and keeps it in the draft", () => {
    it("hematologist consulted: only for another specialty", () => {
      const draft = draftWith((d) => {
        d.prescriber.specialty = "hematology";
        d.prescriber.hematologistConsulted = "yes";
      });
      expect(toDocument(draft).prescriber).toEqual({ specialty: "hematology" });
      expect(draft.prescriber.hematologistConsulted).toBe("yes");
      draft.prescriber.specialty = "other";
      expect(toDocument(draft).prescriber).toEqual({ specialty: "other", hematologistConsulted: true });
      draft.prescriber.specialty = "";
      expect(toDocument(draft)).not.toHaveProperty("prescriber");
    });

    it("factor IX activity and ICD-10 for any diagnosis; the other-diagnosis answers only for another diagnosis", () => {
      const draft = draftWith((d) => {
        d.diagnosis = {
          condition: "other",
          icd10: "",
          factorIxActivityPercent: "1",
          otherDescription: "Acquired",
          recentLabelChange: "no",
          onFormulary: "",
        };
      });
      expect(toDocument(draft).diagnosis).toEqual({
        condition: "other",
        factorIxActivityPercent: 1,
        otherDescription: "Acquired",
        recentLabelChange: false,
      });
      draft.diagnosis.condition = "congenital_hemophilia_b";
      expect(toDocument(draft).diagnosis).toEqual({
        condition: "congenital_hemophilia_b",
        icd10: "D67",
        factorIxActivityPercent: 1,
      });
      expect(draft.diagnosis.otherDescription).toBe("Acquired");
      draft.diagnosis.icd10 = "d68.1";
      expect(toDocument(draft).diagnosis).toMatchObject({ icd10: "D68.1" });
    });

    it("on formulary: only after a recent label change", () => {
      const draft = draftWith((d) => {
        d.diagnosis.condition = "other";
        d.diagnosis.recentLabelChange = "no";
        d.diagnosis.onFormulary = "yes";
      });
      expect(toDocument(draft).diagnosis).not.toHaveProperty("onFormulary");
      draft.diagnosis.recentLabelChange = "";
      expect(toDocument(draft).diagnosis).not.toHaveProperty("onFormulary");
      expect(draft.diagnosis.onFormulary).toBe("yes");
      draft.diagnosis.recentLabelChange = "yes";
      expect(toDocument(draft).diagnosis).toMatchObject({ recentLabelChange: true, onFormulary: true });
    });

    it("AAV5 titer: only when antibodies were detected", () => {
      const draft = draftWith((d) => {
        d.aav5 = { result: "not_detected", titer: "900" };
      });
      expect(toDocument(draft).aav5).toEqual({ result: "not_detected" });
      draft.aav5.result = "";
      expect(toDocument(draft)).not.toHaveProperty("aav5");
      expect(draft.aav5.titer).toBe("900");
      draft.aav5.result = "detected";
      expect(toDocument(draft).aav5).toEqual({ result: "detected", titer: 900 });
    });
  });

  it("passes text that is not a number through, so validation names the field (never quoting what was typed)", () => {
    const doc = toDocument(
      draftWith((d) => {
        d.exposureDays = "about 200";
        d.member.weight.value = "80kg";
        d.inhibitor.assaysOnRecord = "yes";
        d.inhibitor.assays = [{ date: datePartsFromIso("2026-10-02"), bethesdaUnits: "0x1" }];
        d.dose.requestedGcPerKg = "two";
        d.liver.enzymes.alt = { value: "1e999", upperLimit: "56" };
      }),
    );
    expect(doc.exposureDays).toBe("about 200");
    const errors = errorsOf(doc);
    expect(errors.map((e) => e.path).sort()).toEqual(
      [
        "dose.requestedGcPerKg",
        "exposureDays",
        "inhibitor.assays.0.bethesdaUnits",
        "liver.enzymes.alt.value",
        "member.weight.value",
      ].sort(),
    );
    expect(errors.find((e) => e.path === "exposureDays")?.message).toBe("Exposure days must be a number; got text");
    expect(errors.find((e) => e.path === "member.weight.value")?.message).not.toContain("80kg");
    expect(errors.find((e) => e.path === "dose.requestedGcPerKg")?.message).not.toContain("two");
  });

  it("reads numbers with spaces and signs, and refuses a comma (1,5 must never become 15) and exponent notation", () => {
    expect(errorsOf(toDocument(draftWith((d) => (d.exposureDays = "1,200")))).map((e) => e.path)).toEqual([
      "exposureDays",
    ]);
    const doc = toDocument(
      draftWith((d) => {
        d.exposureDays = " 1200 ";
        d.diagnosis.condition = "congenital_hemophilia_b";
        d.diagnosis.factorIxActivityPercent = ".5";
        d.member.weight.value = "80";
      }),
    );
    expect(doc.exposureDays).toBe(1200);
    expect(doc.diagnosis).toMatchObject({ factorIxActivityPercent: 0.5 });
    expect(doc.member).toEqual({ weight: { value: 80, unit: "kg" } });
    expect(errorsOf(toDocument(draftWith((d) => (d.exposureDays = "-3")))).map((e) => e.path)).toEqual([
      "exposureDays",
    ]);
    // "2e13" typed into a field already in units of 10^13 would be 2 × 10^26: refused, never read.
    for (const typed of ["2e13", "2E0", "8e1", "1e-1"]) {
      expect(toDocument(draftWith((d) => (d.dose.requestedGcPerKg = typed))).dose).toEqual({ requestedGcPerKg: typed });
      expect(errorsOf(toDocument(draftWith((d) => (d.member.weight.value = typed)))).map((e) => e.path)).toEqual([
        "member.weight.value",
      ]);
    }
  });

  it.each(["1:300", "300", " 1 : 300 ", "1:300 "])("reads the titer %j as 300", (typed) => {
    const doc = toDocument(draftWith((d) => (d.aav5 = { result: "detected", titer: typed })));
    expect(doc.aav5).toEqual({ result: "detected", titer: 300 });
  });

  it("passes a titer that is not a number through for validation to name", () => {
    const doc = toDocument(draftWith((d) => (d.aav5 = { result: "detected", titer: "1:high" })));
    expect(errorsOf(doc).map((e) => e.path)).toEqual(["aav5.titer"]);
  });

  it.each([
    ["2", 2e13],
    ["1.5", 1.5e13],
    ["0.1", 1e12],
    ["1.9", 1.9e13],
    ["2.2", 2.2e13],
    ["0.3", 3e12],
    ["1.23", 1.23e13],
  ])("reads the dose %j in units of 10^13 gc/kg, exactly", (typed, expected) => {
    expect(toDocument(draftWith((d) => (d.dose.requestedGcPerKg = typed))).dose).toEqual({
      requestedGcPerKg: expected,
    });
  });

  it("reads any decimal dose as exactly that many 10^13 gc/kg (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 0, max: 6 }), (digits, places) => {
        const typed = (digits / 10 ** places).toFixed(places);
        const doc = toDocument(draftWith((d) => (d.dose.requestedGcPerKg = typed)));
        expect(doc.dose).toEqual({ requestedGcPerKg: Number(`${typed}e13`) });
      }),
    );
  });

  it("shows a stored dose in units of 10^13 gc/kg on import", () => {
    expect(fromDocument(eligible()).dose.requestedGcPerKg).toBe("2");
    expect(fromDocument(eligible((doc) => (doc.dose = { requestedGcPerKg: 1.5e13 }))).dose.requestedGcPerKg).toBe(
      "1.5",
    );
    expect(fromDocument(eligible((doc) => delete doc.dose)).dose.requestedGcPerKg).toBe("");
  });

  it("writes the ICD-10 code D67 with the hemophilia B diagnosis only", () => {
    expect(toDocument(draftWith((d) => (d.diagnosis.condition = "congenital_hemophilia_b"))).diagnosis).toEqual({
      condition: "congenital_hemophilia_b",
      icd10: "D67",
    });
    expect(toDocument(draftWith((d) => (d.diagnosis.condition = "other"))).diagnosis).toEqual({ condition: "other" });
  });
});

// -------------------------------------------------------------------------------------------------
// restoreDraft
// -------------------------------------------------------------------------------------------------

describe("restoreDraft", () => {
  const base = emptyDraft(REQUEST_DATE);

  it("gives the base for anything that is not a stored object", () => {
    for (const stored of [null, undefined, 42, "draft", [], true]) expect(restoreDraft(stored, base)).toEqual(base);
  });

  it("keeps values of the right type and fills missing keys from the base", () => {
    const stored = { member: { firstName: "Ada", weight: { value: "80" } }, bleedsOnRecord: "no" };
    const restored = restoreDraft(stored, base);
    expect(restored.member).toEqual({ ...base.member, firstName: "Ada", weight: { value: "80", unit: "kg" } });
    expect(restored.bleedsOnRecord).toBe("no");
    expect(restored.requestDate).toEqual(datePartsFromIso(REQUEST_DATE));
    expect(restored.liver).toEqual(base.liver);
  });

  it("ignores values of the wrong type and keys the draft does not have", () => {
    const stored = {
      requestDate: 20261127,
      member: { firstName: 7, lastName: null, weight: "80 kg" },
      prescriber: ["hematology"],
      bleeds: "none",
      inhibitor: { assays: { 0: { date: "2026-10-02" } } },
      exposureDays: { value: "200" },
      unknown: "dropped",
    };
    const restored = restoreDraft(stored, base);
    expect(restored).toEqual(base);
    expect(restored).not.toHaveProperty("unknown");
  });

  it("checks every choice against its list: one that is not on it is left unanswered, the rest kept", () => {
    const stored = {
      requestType: "renewal",
      lineOfBusiness: "commercial",
      member: { firstName: "Ada", weight: { value: "80", unit: "stone" } },
      prescriber: { specialty: "Other specialty", name: "Dr. Example" },
      bleedsOnRecord: "maybe",
      bleeds: [{ date: { day: "14", month: "9", year: "2025" }, site: "elbow", spontaneous: "yes" }],
      liver: { ultrasound: { result: "fine" } },
    };
    const restored = restoreDraft(stored, base);
    expect(restored.requestType).toBe("");
    expect(restored.lineOfBusiness).toBe("commercial");
    expect(restored.member.firstName).toBe("Ada");
    expect(restored.member.weight).toEqual({ value: "80", unit: "" });
    expect(restored.prescriber).toEqual({ ...base.prescriber, name: "Dr. Example" });
    expect(restored.bleedsOnRecord).toBe("");
    expect(restored.bleeds).toEqual([{ date: { day: "14", month: "9", year: "2025" }, site: "", spontaneous: "yes" }]);
    expect(restored.liver.ultrasound).toEqual(base.liver.ultrasound);
    expect(draftSchema.safeParse(restored).success).toBe(true);
  });

  it("leaves a refused choice unanswered for a draft from the server too, whatever is on screen", () => {
    const current = { ...base, prescriber: { ...base.prescriber, specialty: "hematology" as const } };
    const restored = restoreDraft({ prescriber: { specialty: "surgery", npi: "1234567893" } }, current);
    expect(restored.prescriber).toEqual({ ...current.prescriber, specialty: "", npi: "1234567893" });
  });

  it("keeps the stored list entries that are objects", () => {
    const bleed = { date: { day: "30", month: "2", year: "2025" }, site: "joint", spontaneous: "yes" };
    const restored = restoreDraft({ bleedsOnRecord: "yes", bleeds: [bleed, "junk", null, 3] }, base);
    expect(restored.bleeds).toEqual([bleed]);
  });

  it("keeps an impossible date exactly as typed (30 February), and converts it to no real date", () => {
    const typed = { day: "30", month: "2", year: "1990" };
    const stored: unknown = JSON.parse(
      JSON.stringify({ lineOfBusiness: "commercial", member: { dateOfBirth: typed } }),
    );
    const restored = restoreDraft(stored, base);
    expect(restored.member.dateOfBirth).toEqual(typed);
    expect(errorsOf(toDocument(restored)).map((e) => e.path)).toEqual(["member.dateOfBirth"]);
  });

  it("reads a draft saved before dates had three boxes (YYYY-MM-DD strings) into day, month and year", () => {
    const restored = restoreDraft(
      {
        requestDate: "2026-11-27",
        member: { dateOfBirth: "1985-04-12" },
        prophylaxis: { startDate: "2023-06-01" },
        bleedsOnRecord: "yes",
        bleeds: [{ date: "2025-09-14", site: "joint", spontaneous: "yes" }],
        inhibitor: { assaysOnRecord: "yes", assays: [{ date: "2026-10-02", bethesdaUnits: "0.2" }] },
        liver: { enzymes: { date: "2026-10-20" }, ultrasound: { date: "" }, elastography: { date: "2026-10-21" } },
      },
      emptyDraft(""),
    );
    expect(restored.requestDate).toEqual({ day: "27", month: "11", year: "2026" });
    expect(restored.member.dateOfBirth).toEqual({ day: "12", month: "4", year: "1985" });
    expect(restored.bleeds[0]?.date).toEqual({ day: "14", month: "9", year: "2025" });
    expect(restored.liver.ultrasound.date).toEqual({ day: "", month: "", year: "" });
    const doc = toDocument(restored);
    expect(doc).toMatchObject({
      requestDate: "2026-11-27",
      member: { dateOfBirth: "1985-04-12" },
      prophylaxis: { startDate: "2023-06-01" },
      bleeds: [{ date: "2025-09-14" }],
      inhibitor: { assays: [{ date: "2026-10-02" }] },
      liver: { enzymes: { date: "2026-10-20" }, elastography: { date: "2026-10-21" } },
    });
  });

  it("fills the missing keys of a stored list entry, so the draft still converts", () => {
    const restored = restoreDraft(
      { bleedsOnRecord: "yes", bleeds: [{ date: "2025-09-14" }], inhibitor: { assaysOnRecord: "yes", assays: [{}] } },
      base,
    );
    expect(() => toDocument(restored)).not.toThrow();
    expect(restored.bleeds).toEqual([{ date: datePartsFromIso("2025-09-14"), site: "", spontaneous: "" }]);
    expect(restored.inhibitor.assays).toEqual([{ date: datePartsFromIso(""), bethesdaUnits: "" }]);
  });

  it("ignores values of the wrong type inside a stored list entry", () => {
    const restored = restoreDraft(
      { bleedsOnRecord: "yes", bleeds: [{ date: 20250914, site: "joint", spontaneous: true }] },
      base,
    );
    expect(() => toDocument(restored)).not.toThrow();
    expect(restored.bleeds).toEqual([{ date: datePartsFromIso(""), site: "joint", spontaneous: "" }]);
  });

  it("restores a whole draft unchanged", () => {
    const draft = fromDocument(eligible());
    expect(restoreDraft(JSON.parse(JSON.stringify(draft)), base)).toEqual(draft);
  });
});
