/**
 * Property-based tests: arbitrary schema-valid request documents (every optional part present or
 * absent, dates real and on or before the request date, values within range) against the spec's
 * rules. The date arithmetic here is written independently of the library's, from the spec's
 * definition of "within the last N months" (calendar months, clamped to the end of shorter months).
 */
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { eligible, npiFrom } from "@fixtures";
import {
  type LINES,
  SERIOUS_SITES,
  toDays,
  addDays,
  pad,
  addMonths,
  withinLastMonths,
  fullYears,
  type Doc,
  dateBetween,
  finite,
  docArb,
} from "../../fixtures/document-arbitrary";
import { evaluate, validateRequestDocument, type Evaluation, type RequestDocument } from "@/criteria";

const NUM_RUNS = 300;
const run = { numRuns: NUM_RUNS };

// ---------------------------------------------------------------------------------------------
// Spec facts, written out by hand
// ---------------------------------------------------------------------------------------------

const CRITERION_IDS = [
  "I.A.1",
  "I.A.2",
  "I.A.3",
  "I.A.4",
  "I.A.5.a",
  "I.A.5.b",
  "I.A.6",
  "I.A.7.a",
  "I.A.7.b",
  "I.A.7.c",
  "I.A.8.a",
  "I.A.8.b",
  "I.A.8.c",
  "I.A.9",
  "I.A.10",
  "I.A.11",
] as const;
type Id = (typeof CRITERION_IDS)[number];
type Status = "met" | "not_met" | "missing" | "not_applicable";

const KG_PER_LB = 0.45359237;
const MAX_GC_PER_KG = 2e13;

const REFERRALS: Record<"formulary" | "nonFormulary" | "offLabel", Record<(typeof LINES)[number], string>> = {
  formulary: { commercial: "CP.CPA.190", marketplace: "HIM.PA.33", medicaid: "CP.PMN.255" },
  nonFormulary: { commercial: "CP.CPA.190", marketplace: "HIM.PA.103", medicaid: "CP.PMN.16" },
  offLabel: { commercial: "CP.CPA.09", marketplace: "HIM.PA.154", medicaid: "CP.PMN.53" },
};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

function valid(raw: unknown): RequestDocument {
  const result = validateRequestDocument(raw);
  if (!result.ok) throw new Error(`rejected: ${JSON.stringify(result.errors)} for ${JSON.stringify(raw)}`);
  return result.document;
}

const statusOf = (evaluation: Evaluation, id: Id): Status | undefined =>
  evaluation.criteria.find((c) => c.id === id)?.status;

const OUTCOME_RANK: Record<string, number> = { does_not_meet: 0, incomplete: 1, meets_criteria: 2 };

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describe("arbitrary schema-valid documents", () => {
  it("are accepted by validate, which returns them unchanged", () => {
    fc.assert(
      fc.property(docArb, (raw) => {
        const result = validateRequestDocument(raw);
        expect(result.ok ? [] : result.errors).toEqual([]);
        if (result.ok) expect(result.document).toEqual(raw);
      }),
      run,
    );
  });

  it("evaluate never throws, lists the 16 criteria in policy order, is deterministic and leaves its input alone", () => {
    fc.assert(
      fc.property(docArb, (raw) => {
        const doc = valid(raw);
        const snapshot = structuredClone(doc);
        const first = evaluate(doc);
        const second = evaluate(doc);
        const third = evaluate(structuredClone(snapshot));
        expect(doc).toEqual(snapshot);
        expect(first.criteria.map((c) => c.id)).toEqual([...CRITERION_IDS]);
        expect(second).toEqual(first);
        expect(third).toEqual(first);
        expect(JSON.parse(JSON.stringify(first))).toEqual(first);
        for (const criterion of first.criteria) {
          expect(["met", "not_met", "missing", "not_applicable"]).toContain(criterion.status);
          expect(criterion.reason.trim()).not.toBe("");
        }
      }),
      run,
    );
  });

  it("give the outcome by the spec's first rule that applies, with approval, referral and review to match", () => {
    fc.assert(
      fc.property(docArb, (raw) => {
        const doc = valid(raw);
        const evaluation = evaluate(doc);
        const statuses = evaluation.criteria.map((c) => c.status);
        const expected =
          doc.diagnosis?.condition === "other"
            ? "refer"
            : doc.requestType === "continuation"
              ? "not_authorized"
              : statuses.includes("not_met")
                ? "does_not_meet"
                : statuses.includes("missing")
                  ? "incomplete"
                  : "meets_criteria";
        expect(evaluation.outcome).toBe(expected);
        expect(evaluation.policy).toBe("CP.PHAR.580");
        expect(evaluation.medicalDirectorReview).toBe(true);
        if (expected === "meets_criteria") expect(evaluation.approval).toEqual({ durationMonths: 3, doses: 1 });
        else expect(evaluation.approval).toBeUndefined();
        if (expected === "refer") {
          const kind =
            doc.diagnosis?.recentLabelChange === true && doc.diagnosis.onFormulary === true
              ? "formulary"
              : doc.diagnosis?.recentLabelChange === true && doc.diagnosis.onFormulary === false
                ? "nonFormulary"
                : "offLabel";
          expect(evaluation.referral?.policy).toBe(REFERRALS[kind][doc.lineOfBusiness]);
        } else {
          expect(evaluation.referral).toBeUndefined();
        }
      }),
      run,
    );
  });

  it("draw every outcome (the generator is not stuck on one)", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(docArb, (raw) => {
        seen.add(evaluate(valid(raw)).outcome);
      }),
      { numRuns: 600, seed: 580 },
    );
    expect([...seen].sort()).toEqual(["does_not_meet", "incomplete", "meets_criteria", "not_authorized", "refer"]);
  });

  it("give each criterion the status of the spec's table whenever its data is complete", () => {
    fc.assert(
      fc.property(docArb, (raw) => {
        const doc = valid(raw);
        const evaluation = evaluate(doc);
        const rd = doc.requestDate;
        const want = (id: Id, status: Status | undefined): void => {
          if (status !== undefined) expect(statusOf(evaluation, id), id).toBe(status);
        };

        const condition = doc.diagnosis?.condition;
        want(
          "I.A.1",
          condition === undefined ? "missing" : condition === "congenital_hemophilia_b" ? "met" : "not_met",
        );

        const p = doc.prescriber;
        want(
          "I.A.2",
          p?.specialty === undefined
            ? "missing"
            : p.specialty === "hematology"
              ? "met"
              : p.hematologistConsulted === undefined
                ? "missing"
                : p.hematologistConsulted
                  ? "met"
                  : "not_met",
        );

        const dob = doc.member?.dateOfBirth;
        want("I.A.3", dob === undefined ? "missing" : fullYears(dob, rd) >= 18 ? "met" : "not_met");

        const f9 = doc.diagnosis?.factorIxActivityPercent;
        want("I.A.4", f9 === undefined ? "missing" : f9 <= 2 ? "met" : "not_met");

        const pro = doc.prophylaxis;
        const tooRecent = pro?.startDate !== undefined && pro.startDate > addMonths(rd, -12);
        want(
          "I.A.5.a",
          tooRecent || pro?.adherenceDocumented === false
            ? "not_met"
            : pro?.product === undefined || pro.startDate === undefined || pro.adherenceDocumented === undefined
              ? "missing"
              : "met",
        );

        const start = pro?.startDate;
        if (doc.bleeds === undefined || start === undefined) want("I.A.5.b", "missing");
        else {
          const qualifying = doc.bleeds.some(
            (b) =>
              b.spontaneous === true &&
              b.site !== undefined &&
              (SERIOUS_SITES as readonly string[]).includes(b.site) &&
              b.date !== undefined &&
              b.date >= start,
          );
          const allComplete = doc.bleeds.every(
            (b) => b.date !== undefined && b.site !== undefined && b.spontaneous !== undefined,
          );
          if (qualifying) want("I.A.5.b", "met");
          else if (allComplete) want("I.A.5.b", "not_met");
        }

        const days = doc.exposureDays;
        want("I.A.6", days === undefined ? "missing" : days >= 150 ? "met" : "not_met");

        const history = doc.inhibitor?.historyOfInhibitor;
        want("I.A.7.a", history === undefined ? "missing" : history ? "not_met" : "met");

        const list = doc.inhibitor?.assays;
        if (list === undefined) {
          want("I.A.7.b", "missing");
          want("I.A.7.c", "not_applicable");
        } else {
          const complete = list.every((a) => a.date !== undefined && a.bethesdaUnits !== undefined);
          const freshNegative = list.some(
            (a) =>
              a.date !== undefined &&
              a.bethesdaUnits !== undefined &&
              a.bethesdaUnits < 0.6 &&
              withinLastMonths(a.date, rd, 12),
          );
          if (freshNegative) want("I.A.7.b", "met");
          else if (complete) want("I.A.7.b", "not_met");
          if (complete) {
            const positives = list.filter((a) => (a.bethesdaUnits ?? 0) >= 0.6);
            const retested = positives.every((pos) =>
              list.some((neg) => {
                if (
                  neg.bethesdaUnits === undefined ||
                  neg.bethesdaUnits >= 0.6 ||
                  neg.date === undefined ||
                  pos.date === undefined
                )
                  return false;
                const gap = toDays(neg.date) - toDays(pos.date);
                return gap >= 1 && gap <= 14;
              }),
            );
            want("I.A.7.c", positives.length === 0 ? "not_applicable" : retested ? "met" : "not_met");
          }
        }

        const liver = doc.liver;
        const enzymes = liver?.enzymes;
        const labs = [enzymes?.alt, enzymes?.ast, enzymes?.alp, enzymes?.totalBilirubin];
        const studies = [liver?.ultrasound, liver?.elastography];
        const liverComplete =
          enzymes?.date !== undefined &&
          labs.every((l) => l?.value !== undefined && l.upperLimit !== undefined) &&
          studies.every((s) => s?.date !== undefined && s.result !== undefined);
        if (liverComplete) {
          const enzymesRecent = withinLastMonths(enzymes?.date ?? "", rd, 3);
          const enzymesAbnormal = labs.some((l) => (l?.value ?? 0) > (l?.upperLimit ?? 0));
          const studyStatus = studies.map((s) => ({
            recent: withinLastMonths(s?.date ?? "", rd, 3),
            abnormal: s?.result === "abnormal",
          }));
          const anyRecentAbnormal =
            (enzymesRecent && enzymesAbnormal) || studyStatus.some((s) => s.recent && s.abnormal);
          const attestation = liver?.hepatologistAttestation;
          const c: Status = !anyRecentAbnormal
            ? "not_applicable"
            : attestation === undefined
              ? "missing"
              : attestation
                ? "met"
                : "not_met";
          want("I.A.8.c", c);
          want("I.A.8.a", !enzymesRecent ? "not_met" : enzymesAbnormal ? c : "met");
          const parts: Status[] = studyStatus.map((s) => (!s.recent ? "not_met" : s.abnormal ? c : "met"));
          want("I.A.8.b", parts.includes("not_met") ? "not_met" : parts.includes("missing") ? "missing" : "met");
        }

        const gene = doc.priorGeneTherapy;
        want("I.A.9", gene === undefined ? "missing" : gene ? "not_met" : "met");

        const aav5 = doc.aav5;
        want(
          "I.A.10",
          aav5?.result === undefined
            ? "missing"
            : aav5.result === "not_detected"
              ? "met"
              : aav5.titer === undefined
                ? "missing"
                : aav5.titer <= 678
                  ? "met"
                  : "not_met",
        );

        const requested = doc.dose?.requestedGcPerKg;
        want("I.A.11", requested === undefined ? "missing" : requested <= MAX_GC_PER_KG ? "met" : "not_met");
      }),
      run,
    );
  });

  it("carry the dose arithmetic whenever the weight is known", () => {
    fc.assert(
      fc.property(docArb, (raw) => {
        const doc = valid(raw);
        const dose = evaluate(doc).dose;
        const weight = doc.member?.weight;
        if (weight?.value === undefined) {
          expect(dose).toBeUndefined();
          return;
        }
        if (weight.unit === undefined) return;
        expect(dose).toBeDefined();
        if (dose === undefined) return;
        const kg = weight.unit === "lb" ? weight.value * KG_PER_LB : weight.value;
        const tenths = Math.round(dose.weightKg * 10);
        expect(Math.abs(dose.weightKg * 10 - tenths)).toBeLessThan(1e-6);
        expect(Math.abs(dose.weightKg - kg)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(dose.maxGcPerKg).toBe(MAX_GC_PER_KG);
        expect(Math.abs(dose.maxTotalGc - dose.weightKg * MAX_GC_PER_KG)).toBeLessThanOrEqual(
          dose.weightKg * MAX_GC_PER_KG * 1e-9 + 1,
        );
        const requested = doc.dose?.requestedGcPerKg;
        if (requested === undefined) expect(dose.requestedTotalGc).toBeUndefined();
        else
          expect(Math.abs((dose.requestedTotalGc ?? Number.NaN) - dose.weightKg * requested)).toBeLessThanOrEqual(
            dose.weightKg * requested * 1e-9 + 1,
          );
        const volume = (dose.weightKg * (requested ?? MAX_GC_PER_KG)) / 1e13;
        const volumeTenths = Math.round(dose.volumeMl * 10);
        expect(Math.abs(dose.volumeMl * 10 - volumeTenths)).toBeLessThan(1e-6);
        expect(Math.abs(dose.volumeMl - volume)).toBeLessThanOrEqual(0.05 + 1e-6);
        expect(dose.vials).toBe(Math.ceil(volumeTenths / 100));
      }),
      run,
    );
  });
});

describe("the clock", () => {
  it("is never read: the same document gives the same evaluation whatever today is", () => {
    fc.assert(
      fc.property(docArb, (raw) => {
        const doc = valid(raw);
        vi.useFakeTimers({ toFake: ["Date"] });
        try {
          vi.setSystemTime(new Date("1999-06-15T12:00:00Z"));
          const past = evaluate(doc);
          vi.setSystemTime(new Date("2081-01-02T03:04:05Z"));
          const future = evaluate(doc);
          expect(future).toEqual(past);
        } finally {
          vi.useRealTimers();
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("calendar windows, by the spec's definitions", () => {
  /** The eligible example moved to another request date, every dated item on that date. */
  function asOf(rd: string, change: (doc: RequestDocument) => void): Evaluation {
    const doc = eligible((d) => {
      d.requestDate = rd;
      d.prophylaxis = { ...d.prophylaxis, startDate: "2020-01-01" };
      d.bleeds = [{ date: rd, site: "joint", spontaneous: true }];
      d.inhibitor = { historyOfInhibitor: false, assays: [{ date: rd, bethesdaUnits: 0.2 }] };
      const liver = d.liver ?? {};
      d.liver = {
        ...liver,
        enzymes: { ...liver.enzymes, date: rd },
        ultrasound: { date: rd, result: "normal" },
        elastography: { date: rd, result: "normal" },
      };
      change(d);
    });
    return evaluate(valid(doc));
  }

  const liverDate = (key: "enzymes" | "ultrasound" | "elastography", date: string) => (d: RequestDocument) => {
    const liver = d.liver ?? {};
    d.liver = { ...liver, [key]: { ...liver[key], date } };
  };

  it.each([
    ["2026-05-31", "enzymes", "2026-02-28", "I.A.8.a", "met"],
    ["2026-05-31", "enzymes", "2026-02-27", "I.A.8.a", "not_met"],
    ["2026-05-31", "ultrasound", "2026-02-28", "I.A.8.b", "met"],
    ["2026-05-31", "ultrasound", "2026-02-27", "I.A.8.b", "not_met"],
    ["2026-05-31", "elastography", "2026-02-28", "I.A.8.b", "met"],
    ["2026-05-31", "elastography", "2026-02-27", "I.A.8.b", "not_met"],
    ["2028-05-31", "enzymes", "2028-02-29", "I.A.8.a", "met"],
    ["2028-05-31", "enzymes", "2028-02-28", "I.A.8.a", "not_met"],
    ["2026-12-31", "enzymes", "2026-09-30", "I.A.8.a", "met"],
    ["2026-12-31", "enzymes", "2026-09-29", "I.A.8.a", "not_met"],
    ["2026-11-27", "enzymes", "2026-08-27", "I.A.8.a", "met"],
    ["2026-11-27", "enzymes", "2026-08-26", "I.A.8.a", "not_met"],
  ] as const)("as of %s, liver %s dated %s: %s is %s", (rd, key, date, id, status) => {
    expect(statusOf(asOf(rd, liverDate(key, date)), id)).toBe(status);
  });

  it.each([
    ["2028-02-29", "2027-02-28", "met"],
    ["2028-02-29", "2027-02-27", "not_met"],
    ["2027-02-28", "2026-02-28", "met"],
    ["2027-02-28", "2026-02-27", "not_met"],
    ["2026-03-31", "2025-03-31", "met"],
    ["2026-03-31", "2025-03-30", "not_met"],
  ] as const)("as of %s, a negative inhibitor assay dated %s: I.A.7.b is %s", (rd, date, status) => {
    const evaluation = asOf(rd, (d) => {
      d.inhibitor = { historyOfInhibitor: false, assays: [{ date, bethesdaUnits: 0.59 }] };
    });
    expect(statusOf(evaluation, "I.A.7.b")).toBe(status);
  });

  it.each([
    ["2028-02-29", "2027-02-28", "met"],
    ["2028-02-29", "2027-03-01", "not_met"],
    ["2026-11-27", "2025-11-27", "met"],
    ["2026-11-27", "2025-11-28", "not_met"],
  ] as const)("as of %s, prophylaxis since %s: I.A.5.a is %s", (rd, startDate, status) => {
    const evaluation = asOf(rd, (d) => {
      d.prophylaxis = { product: "BeneFIX", startDate, adherenceDocumented: true };
    });
    expect(statusOf(evaluation, "I.A.5.a")).toBe(status);
    expect(statusOf(evaluation, "I.A.5.b")).toBe("met");
  });

  it.each([
    ["2028-02-29", "2010-02-28", "met"],
    ["2028-02-29", "2010-03-01", "not_met"],
    ["2026-11-27", "2008-11-27", "met"],
    ["2026-11-27", "2008-11-28", "not_met"],
  ] as const)("as of %s, born %s: I.A.3 is %s", (rd, dateOfBirth, status) => {
    expect(
      statusOf(
        asOf(rd, (d) => void (d.member = { ...d.member, dateOfBirth })),
        "I.A.3",
      ),
    ).toBe(status);
  });

  it.each([
    ["2026-01-31", "2026-02-14", "met"],
    ["2026-01-31", "2026-02-01", "met"],
    ["2026-01-31", "2026-02-15", "not_met"],
    ["2026-01-31", "2026-01-31", "not_met"],
    ["2026-01-31", "2026-01-30", "not_met"],
    ["2028-02-20", "2028-03-05", "met"],
    ["2027-02-20", "2027-03-06", "met"],
    ["2027-02-20", "2027-03-07", "not_met"],
  ] as const)("a positive assay on %s and a negative one on %s: I.A.7.c is %s", (positive, negative, status) => {
    const evaluation = asOf("2028-05-31", (d) => {
      d.inhibitor = {
        historyOfInhibitor: false,
        assays: [
          { date: positive, bethesdaUnits: 0.6 },
          { date: negative, bethesdaUnits: 0.1 },
          { date: "2028-05-01", bethesdaUnits: 0 },
        ],
      };
    });
    expect(statusOf(evaluation, "I.A.7.c")).toBe(status);
    expect(statusOf(evaluation, "I.A.7.b")).toBe("met");
  });
});

describe("adding data", () => {
  it("a qualifying bleed makes I.A.5.b met and changes no other criterion", () => {
    const arb = docArb.chain((raw) => {
      const start = (raw.prophylaxis as Doc | undefined)?.startDate;
      const rd = raw.requestDate as string;
      const date = typeof start === "string" ? dateBetween(start, rd) : fc.constant(rd);
      return fc.record({
        raw: fc.constant(raw),
        bleed: fc.record({ date, site: fc.constantFrom(...SERIOUS_SITES), spontaneous: fc.constant(true) }),
        at: fc.nat(),
      });
    });
    fc.assert(
      fc.property(arb, ({ raw, bleed, at }) => {
        const doc = valid(raw);
        fc.pre(doc.prophylaxis?.startDate !== undefined);
        const before = evaluate(doc);
        const bleeds = [...(doc.bleeds ?? [])];
        bleeds.splice(at % (bleeds.length + 1), 0, bleed);
        const after = evaluate(valid({ ...doc, bleeds }));
        expect(statusOf(after, "I.A.5.b")).toBe("met");
        expect(after.criteria.filter((c) => c.id !== "I.A.5.b")).toEqual(
          before.criteria.filter((c) => c.id !== "I.A.5.b"),
        );
        expect(after.dose).toEqual(before.dose);
        if (before.outcome in OUTCOME_RANK)
          expect(OUTCOME_RANK[after.outcome]).toBeGreaterThanOrEqual(OUTCOME_RANK[before.outcome] ?? 0);
      }),
      run,
    );
  });

  it("a fresh negative inhibitor assay makes I.A.7.b met and never turns a met criterion into anything else", () => {
    const arb = docArb.chain((raw) => {
      const rd = raw.requestDate as string;
      return fc.record({
        raw: fc.constant(raw),
        assay: fc.record({
          date: dateBetween(addMonths(rd, -12), rd),
          bethesdaUnits: fc.oneof(fc.constantFrom(0, 0.59), finite(0, 0.599)),
        }),
        at: fc.nat(),
      });
    });
    fc.assert(
      fc.property(arb, ({ raw, assay, at }) => {
        const doc = valid(raw);
        const before = evaluate(doc);
        const assays = [...(doc.inhibitor?.assays ?? [])];
        assays.splice(at % (assays.length + 1), 0, assay);
        const after = evaluate(valid({ ...doc, inhibitor: { ...doc.inhibitor, assays } }));

        expect(statusOf(after, "I.A.7.b")).toBe("met");
        for (const criterion of before.criteria) {
          if (criterion.status === "met") expect(statusOf(after, criterion.id), criterion.id).toBe("met");
        }
        const untouched = (e: Evaluation) => e.criteria.filter((c) => c.id !== "I.A.7.b" && c.id !== "I.A.7.c");
        expect(untouched(after)).toEqual(untouched(before));

        // A negative can only change I.A.7.c by being the retest of a positive (1 to 14 days after it).
        const isRetest = (doc.inhibitor?.assays ?? []).some((a) => {
          if (a.date === undefined || a.bethesdaUnits === undefined || a.bethesdaUnits < 0.6) return false;
          const gap = toDays(assay.date) - toDays(a.date);
          return gap >= 1 && gap <= 14;
        });
        if (!isRetest) expect(statusOf(after, "I.A.7.c")).toBe(statusOf(before, "I.A.7.c"));
        if (statusOf(before, "I.A.7.c") === "not_applicable") expect(statusOf(after, "I.A.7.c")).toBe("not_applicable");
        if (before.outcome in OUTCOME_RANK)
          expect(OUTCOME_RANK[after.outcome]).toBeGreaterThanOrEqual(OUTCOME_RANK[before.outcome] ?? 0);
      }),
      run,
    );
  });
});

describe("arbitrary input", () => {
  const checkShape = (input: unknown): void => {
    const result = validateRequestDocument(input);
    if (result.ok) {
      expect(typeof result.document).toBe("object");
      return;
    }
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) {
      expect(typeof error.path).toBe("string");
      expect(typeof error.message).toBe("string");
      expect(error.message.trim()).not.toBe("");
    }
  };

  it("any JSON value validates or yields errors with string paths and messages, never throws", () => {
    fc.assert(fc.property(fc.jsonValue(), checkShape), run);
  });

  it("any JavaScript value validates or yields errors, never throws", () => {
    fc.assert(
      fc.property(
        fc.anything({
          withNullPrototype: true,
          withMap: true,
          withSet: true,
          withBigInt: true,
          withDate: true,
          withTypedArray: true,
          withSparseArray: true,
        }),
        checkShape,
      ),
      run,
    );
  });

  const PATHS = [
    "schemaVersion",
    "requestType",
    "requestDate",
    "lineOfBusiness",
    "member",
    "member.dateOfBirth",
    "member.weight",
    "member.weight.value",
    "member.weight.unit",
    "prescriber",
    "prescriber.npi",
    "prescriber.specialty",
    "diagnosis",
    "diagnosis.factorIxActivityPercent",
    "prophylaxis.startDate",
    "bleeds",
    "bleeds.0",
    "bleeds.0.date",
    "exposureDays",
    "inhibitor.assays",
    "inhibitor.assays.0.bethesdaUnits",
    "liver.enzymes",
    "liver.enzymes.alt.value",
    "liver.ultrasound.result",
    "priorGeneTherapy",
    "aav5.titer",
    "dose",
    "dose.requestedGcPerKg",
  ] as const;

  it("a valid document with any JSON put at one field validates or reports errors at that field", () => {
    fc.assert(
      fc.property(docArb, fc.constantFrom(...PATHS), fc.jsonValue(), (raw, path, value) => {
        const doc = structuredClone(raw);
        setPath(doc, path, value);
        checkShape(doc);
        const result = validateRequestDocument(doc);
        if (result.ok || path === "requestDate") return;
        const scope = path.startsWith("member.weight") ? "member.weight" : path;
        for (const error of result.errors) {
          expect(error.path === scope || error.path.startsWith(`${scope}.`), `${error.path} outside ${scope}`).toBe(
            true,
          );
        }
      }),
      run,
    );
  });
});

/** Sets the value at a dotted path, creating objects (or lists before numeric keys) on the way. */
function setPath(doc: Doc, path: string, value: unknown): void {
  const keys = path.split(".");
  let node: Record<string, unknown> = doc;
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i] as string;
    const next = node[key];
    if (typeof next !== "object" || next === null) node[key] = /^\d+$/.test(keys[i + 1] as string) ? [] : {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1] as string] = value;
}

describe("breaking one field of a valid document", () => {
  type Breakage = { path: string; apply: (doc: Doc) => void };
  const futureDays = fc.integer({ min: 1, max: 4000 });

  const breakage = (raw: Doc): fc.Arbitrary<Breakage> => {
    const rd = raw.requestDate as string;
    const set =
      (path: string) =>
      (value: unknown): Breakage => ({ path, apply: (doc) => setPath(doc, path, value) });
    const listLength = (list: unknown): number => (Array.isArray(list) ? list.length : 0);
    const nextBleed = listLength(raw.bleeds);
    const nextAssay = listLength((raw.inhibitor as Doc | undefined)?.assays);
    return fc.oneof(
      fc.constantFrom(0, 2, "1", null, true).map(set("schemaVersion")),
      fc.constantFrom("Initial", "renewal", "", 1).map(set("requestType")),
      fc.constantFrom("HIM", "Commercial", "medicare", null).map(set("lineOfBusiness")),
      fc.constantFrom("schemaVersion", "requestType", "requestDate", "lineOfBusiness").map((path): Breakage => ({
        path,
        apply: (doc) => {
          delete doc[path];
        },
      })),
      fc.integer({ min: 1900, max: 2030 }).map((y) => set("member.dateOfBirth")(`${y}-02-30`)),
      fc.constantFrom("1985-13-01", "1985-04-31", "1985-4-12", "12/04/1985", "").map(set("member.dateOfBirth")),
      futureDays.map((n) => set("member.dateOfBirth")(addDays(rd, n))),
      futureDays.map((n) => set("prophylaxis.startDate")(addDays(rd, n))),
      futureDays.map((n) => set("liver.enzymes.date")(addDays(rd, n))),
      futureDays.map((n) => set("liver.elastography.date")(addDays(rd, n))),
      futureDays
        .map((n) => set(`bleeds.${nextBleed}`)({ date: addDays(rd, n), site: "joint", spontaneous: true }))
        .map((b): Breakage => ({ ...b, path: `bleeds.${nextBleed}.date` })),
      futureDays
        .map((n) => set(`inhibitor.assays.${nextAssay}`)({ date: addDays(rd, n), bethesdaUnits: 0.1 }))
        .map((b): Breakage => ({ ...b, path: `inhibitor.assays.${nextAssay}.date` })),
      finite(-1e6, -1e-9)
        .map((bu) => set(`inhibitor.assays.${nextAssay}`)({ date: rd, bethesdaUnits: bu }))
        .map((b): Breakage => ({ ...b, path: `inhibitor.assays.${nextAssay}.bethesdaUnits` })),
      fc
        .oneof(fc.constant(0), finite(-1e6, -1e-9))
        .map((value) => set("member.weight")({ value, unit: "kg" }))
        .map((b): Breakage => ({ ...b, path: "member.weight.value" })),
      finite(500.001, 1e6)
        .map((value) => set("member.weight")({ value, unit: "kg" }))
        .map((b): Breakage => ({ ...b, path: "member.weight.value" })),
      finite(1102.4, 1e6)
        .map((value) => set("member.weight")({ value, unit: "lb" }))
        .map((b): Breakage => ({ ...b, path: "member.weight.value" })),
      fc.oneof(finite(-1e6, -1e-9), finite(200.0001, 1e6)).map(set("diagnosis.factorIxActivityPercent")),
      fc
        .oneof(
          fc.integer({ min: -1e6, max: -1 }),
          finite(0.001, 0.999),
          fc.integer({ min: 0, max: 1000 }).map((n) => n + 0.5),
        )
        .map(set("exposureDays")),
      fc.oneof(fc.constant(0), finite(-1e6, -1e-9)).map(set("aav5.titer")),
      fc
        .tuple(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 1, max: 9 }))
        .map(([n, shift]) => {
          const valid = npiFrom(pad(n, 9));
          return `${valid.slice(0, 9)}${(Number(valid[9]) + shift) % 10}`;
        })
        .map(set("prescriber.npi")),
      fc.constantFrom("123456789", "12345678931", "123456789O", "1234 567893").map(set("prescriber.npi")),
      fc.constantFrom("Abnormal", "NORMAL", "unclear", true).map(set("liver.ultrasound.result")),
      fc.constantFrom("negative", "positive", "Detected").map(set("aav5.result")),
      fc.constantFrom("knee", "Joint", "skin").map(set("bleeds.0.site")),
      fc.constantFrom("220", true, [220]).map(set("exposureDays")),
      fc.constantFrom("true", 0, null).map(set("priorGeneTherapy")),
      fc.constantFrom([], "member", 1, null).map(set("member")),
    );
  };

  it("is never accepted, and the error is at the broken field only", () => {
    fc.assert(
      fc.property(
        docArb.chain((raw) => fc.record({ raw: fc.constant(raw), breakage: breakage(raw) })),
        ({ raw, breakage: { path, apply } }) => {
          const doc = structuredClone(raw);
          apply(doc);
          const result = validateRequestDocument(doc);
          expect(result.ok, `${path} broken in ${JSON.stringify(doc)}`).toBe(false);
          if (!result.ok) expect(result.errors.map((e) => e.path)).toEqual([path]);
        },
      ),
      run,
    );
  });
});
