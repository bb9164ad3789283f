/**
 * The evaluation as a whole (spec "The evaluation"): the criteria list, the outcome by the first
 * rule that applies, approval and referral, medical director review, the dates on which labs
 * go stale, and determinism. Every document is validated first.
 */
import { describe, expect, it } from "vitest";
import { eligible } from "@fixtures";
import {
  evaluate,
  validateRequestDocument,
  type CriterionId,
  type CriterionStatus,
  type Evaluation,
  type Outcome,
  type RequestDocument,
} from "@/criteria";

/** Validates `doc` (failing the test on invalid input) and evaluates it. */
function evaluateValid(doc: RequestDocument): Evaluation {
  const validated = validateRequestDocument(doc);
  if (!validated.ok) throw new Error(`invalid test document: ${JSON.stringify(validated.errors)}`);
  return evaluate(validated.document);
}

const status = (e: Evaluation, id: CriterionId): CriterionStatus | undefined =>
  e.criteria.find((c) => c.id === id)?.status;

/** The next calendar day, computed independently of the library. */
function nextDay(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + 1)).toISOString().slice(0, 10);
}

const SPEC_IDS = [
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
];

const otherDiagnosis = (d: RequestDocument): void => {
  d.diagnosis = { condition: "other", otherDescription: "Acquired hemophilia B" };
};

/** One change per criterion that leaves that criterion not met (I.A.1 not met means refer). */
const NOT_MET: readonly [CriterionId, (d: RequestDocument) => void][] = [
  ["I.A.2", (d) => (d.prescriber = { specialty: "other", hematologistConsulted: false })],
  ["I.A.3", (d) => d.member && (d.member.dateOfBirth = "2010-01-01")],
  ["I.A.4", (d) => d.diagnosis && (d.diagnosis.factorIxActivityPercent = 5)],
  ["I.A.5.a", (d) => d.prophylaxis && (d.prophylaxis.adherenceDocumented = false)],
  ["I.A.5.b", (d) => (d.bleeds = [])],
  ["I.A.6", (d) => (d.exposureDays = 100)],
  ["I.A.7.a", (d) => d.inhibitor && (d.inhibitor.historyOfInhibitor = true)],
  ["I.A.7.b", (d) => d.inhibitor && (d.inhibitor.assays = [])],
  [
    "I.A.7.c",
    (d) =>
      d.inhibitor &&
      (d.inhibitor.assays = [
        { date: "2026-10-01", bethesdaUnits: 1.2 },
        { date: "2026-10-20", bethesdaUnits: 0.2 },
      ]),
  ],
  ["I.A.8.a", (d) => d.liver?.enzymes && (d.liver.enzymes.date = "2026-08-01")],
  ["I.A.8.b", (d) => d.liver && (d.liver.ultrasound = { date: "2026-08-01", result: "normal" })],
  [
    "I.A.8.c",
    (d) => {
      if (d.liver) {
        d.liver.ultrasound = { date: "2026-10-21", result: "abnormal" };
        d.liver.hepatologistAttestation = false;
      }
    },
  ],
  ["I.A.9", (d) => (d.priorGeneTherapy = true)],
  ["I.A.10", (d) => (d.aav5 = { result: "detected", titer: 1000 })],
  ["I.A.11", (d) => (d.dose = { requestedGcPerKg: 3e13 })],
];

/** One change per criterion that leaves that criterion missing. */
const MISSING: readonly [CriterionId, (d: RequestDocument) => void][] = [
  ["I.A.1", (d) => delete d.diagnosis?.condition],
  ["I.A.2", (d) => delete d.prescriber?.specialty],
  ["I.A.3", (d) => delete d.member?.dateOfBirth],
  ["I.A.4", (d) => delete d.diagnosis?.factorIxActivityPercent],
  ["I.A.5.a", (d) => delete d.prophylaxis?.adherenceDocumented],
  ["I.A.5.b", (d) => delete d.bleeds],
  ["I.A.6", (d) => delete d.exposureDays],
  ["I.A.7.a", (d) => delete d.inhibitor?.historyOfInhibitor],
  ["I.A.7.b", (d) => delete d.inhibitor?.assays],
  ["I.A.7.c", (d) => d.inhibitor?.assays?.push({ date: "2026-10-05" })],
  ["I.A.8.a", (d) => delete d.liver?.enzymes],
  ["I.A.8.b", (d) => delete d.liver?.ultrasound],
  [
    "I.A.8.c",
    (d) => {
      if (d.liver) {
        d.liver.ultrasound = { date: "2026-10-21", result: "abnormal" };
        delete d.liver.hepatologistAttestation;
      }
    },
  ],
  ["I.A.9", (d) => delete d.priorGeneTherapy],
  ["I.A.10", (d) => delete d.aav5],
  ["I.A.11", (d) => delete d.dose],
];

describe("the criteria list", () => {
  it("has exactly the 16 criteria of section I.A, in policy order", () => {
    expect(evaluateValid(eligible()).criteria.map((c) => c.id)).toEqual(SPEC_IDS);
  });

  it("has the same ids in the same order for a nearly empty request", () => {
    const doc: RequestDocument = {
      schemaVersion: 1,
      requestType: "initial",
      requestDate: "2026-11-27",
      lineOfBusiness: "commercial",
    };
    const evaluation = evaluateValid(doc);
    expect(evaluation.criteria.map((c) => c.id)).toEqual(SPEC_IDS);
    expect(evaluation.outcome).toBe("incomplete");
  });

  it("gives every criterion a status and a non-empty reason", () => {
    for (const criterion of evaluateValid(eligible()).criteria) {
      expect(["met", "not_met", "missing", "not_applicable"]).toContain(criterion.status);
      expect(criterion.reason.trim()).not.toBe("");
    }
  });

  it("has policy CP.PHAR.580", () => {
    expect(evaluateValid(eligible()).policy).toBe("CP.PHAR.580");
  });
});

describe("outcome, first rule that applies", () => {
  describe("1. another condition → refer", () => {
    it("refers an initial request", () => {
      const evaluation = evaluateValid(eligible(otherDiagnosis));
      expect(evaluation.outcome).toBe("refer");
      expect(status(evaluation, "I.A.1")).toBe("not_met");
    });

    it("refers a continuation request too", () => {
      const evaluation = evaluateValid(
        eligible((d) => {
          d.requestType = "continuation";
          otherDiagnosis(d);
        }),
      );
      expect(evaluation.outcome).toBe("refer");
      expect(evaluation.referral?.policy).toBe("CP.CPA.09");
    });

    it("refers even when other criteria fail or are missing", () => {
      const evaluation = evaluateValid(
        eligible((d) => {
          otherDiagnosis(d);
          d.exposureDays = 10;
          d.priorGeneTherapy = true;
          delete d.aav5;
        }),
      );
      expect(status(evaluation, "I.A.6")).toBe("not_met");
      expect(status(evaluation, "I.A.10")).toBe("missing");
      expect(evaluation.outcome).toBe("refer");
    });
  });

  describe("2. continuation → not_authorized", () => {
    it("for an otherwise eligible request", () => {
      const evaluation = evaluateValid(eligible((d) => (d.requestType = "continuation")));
      expect(evaluation.outcome).toBe("not_authorized");
    });

    it("even when criteria fail or are missing", () => {
      const evaluation = evaluateValid(
        eligible((d) => {
          d.requestType = "continuation";
          d.exposureDays = 10;
          delete d.aav5;
        }),
      );
      expect(evaluation.outcome).toBe("not_authorized");
    });
  });

  describe("3. any criterion not met → does_not_meet", () => {
    it.each(NOT_MET)("%s not met", (id, change) => {
      const evaluation = evaluateValid(eligible(change));
      expect(status(evaluation, id)).toBe("not_met");
      expect(evaluation.outcome).toBe("does_not_meet");
    });

    it("even when other criteria are missing", () => {
      const evaluation = evaluateValid(
        eligible((d) => {
          d.exposureDays = 149;
          delete d.aav5;
          delete d.dose;
          delete d.bleeds;
        }),
      );
      expect(status(evaluation, "I.A.6")).toBe("not_met");
      expect(status(evaluation, "I.A.10")).toBe("missing");
      expect(evaluation.outcome).toBe("does_not_meet");
    });
  });

  describe("4. any criterion missing → incomplete", () => {
    it.each(MISSING)("%s missing", (id, change) => {
      const evaluation = evaluateValid(eligible(change));
      expect(status(evaluation, id)).toBe("missing");
      expect(evaluation.criteria.filter((c) => c.status === "not_met")).toEqual([]);
      expect(evaluation.outcome).toBe("incomplete");
    });
  });

  describe("5. otherwise → meets_criteria", () => {
    it("the eligible example meets the criteria with approval for 3 months, 1 dose", () => {
      const evaluation = evaluateValid(eligible());
      expect(evaluation.outcome).toBe("meets_criteria");
      expect(evaluation.approval).toEqual({ durationMonths: 3, doses: 1 });
      expect(evaluation.criteria.every((c) => c.status === "met" || c.status === "not_applicable")).toBe(true);
    });

    it("an abnormal liver result attested by a hepatologist still meets the criteria", () => {
      const evaluation = evaluateValid(
        eligible((d) => {
          if (d.liver) {
            d.liver.elastography = { date: "2026-10-21", result: "abnormal" };
            d.liver.hepatologistAttestation = true;
          }
        }),
      );
      expect(status(evaluation, "I.A.8.b")).toBe("met");
      expect(status(evaluation, "I.A.8.c")).toBe("met");
      expect(evaluation.outcome).toBe("meets_criteria");
    });
  });
});

describe("approval and referral", () => {
  const cases: [Outcome, RequestDocument][] = [
    ["meets_criteria", eligible()],
    ["does_not_meet", eligible((d) => (d.exposureDays = 10))],
    ["incomplete", eligible((d) => delete d.aav5)],
    ["not_authorized", eligible((d) => (d.requestType = "continuation"))],
    ["refer", eligible(otherDiagnosis)],
  ];

  it.each(cases)("%s: approval only on meets_criteria, referral only on refer", (outcome, doc) => {
    const evaluation = evaluateValid(doc);
    expect(evaluation.outcome).toBe(outcome);
    if (outcome === "meets_criteria") expect(evaluation.approval).toEqual({ durationMonths: 3, doses: 1 });
    else expect(evaluation).not.toHaveProperty("approval");
    if (outcome === "refer") expect(evaluation.referral?.reason.trim()).not.toBe("");
    else expect(evaluation).not.toHaveProperty("referral");
  });

  it.each(cases)("%s: medical director review is always required", (_outcome, doc) => {
    expect(evaluateValid(doc).medicalDirectorReview).toBe(true);
  });

  it("medical director review is required for a nearly empty request", () => {
    const doc: RequestDocument = {
      schemaVersion: 1,
      requestType: "initial",
      requestDate: "2026-11-27",
      lineOfBusiness: "medicaid",
    };
    expect(evaluateValid(doc).medicalDirectorReview).toBe(true);
  });
});

describe("the referral table (sections I.B / II.B)", () => {
  type Lob = RequestDocument["lineOfBusiness"];
  const referTo = (lob: Lob, diagnosis: Partial<NonNullable<RequestDocument["diagnosis"]>>) =>
    evaluateValid(
      eligible((d) => {
        d.lineOfBusiness = lob;
        d.diagnosis = { condition: "other", otherDescription: "Another use", ...diagnosis };
      }),
    );

  it.each<[Lob, boolean, boolean, string]>([
    ["commercial", true, true, "CP.CPA.190"],
    ["marketplace", true, true, "HIM.PA.33"],
    ["medicaid", true, true, "CP.PMN.255"],
    ["commercial", true, false, "CP.CPA.190"],
    ["marketplace", true, false, "HIM.PA.103"],
    ["medicaid", true, false, "CP.PMN.16"],
    ["commercial", false, true, "CP.CPA.09"],
    ["marketplace", false, true, "HIM.PA.154"],
    ["medicaid", false, true, "CP.PMN.53"],
    ["commercial", false, false, "CP.CPA.09"],
    ["marketplace", false, false, "HIM.PA.154"],
    ["medicaid", false, false, "CP.PMN.53"],
  ])("%s, recentLabelChange %s, onFormulary %s → %s", (lob, recentLabelChange, onFormulary, policy) => {
    const evaluation = referTo(lob, { recentLabelChange, onFormulary });
    expect(evaluation.outcome).toBe("refer");
    expect(evaluation.referral?.policy).toBe(policy);
  });

  describe("otherwise the off-label policy", () => {
    it.each<[Lob, string]>([
      ["commercial", "CP.CPA.09"],
      ["marketplace", "HIM.PA.154"],
      ["medicaid", "CP.PMN.53"],
    ])("%s, recent label change with formulary status unanswered → %s", (lob, policy) => {
      expect(referTo(lob, { recentLabelChange: true }).referral?.policy).toBe(policy);
    });

    it.each<[Lob, string]>([
      ["commercial", "CP.CPA.09"],
      ["marketplace", "HIM.PA.154"],
      ["medicaid", "CP.PMN.53"],
    ])("%s, label change unanswered → %s", (lob, policy) => {
      expect(referTo(lob, {}).referral?.policy).toBe(policy);
    });

    it.each<[Lob, string]>([
      ["commercial", "CP.CPA.09"],
      ["marketplace", "HIM.PA.154"],
      ["medicaid", "CP.PMN.53"],
    ])("%s, label change unanswered but on formulary → %s", (lob, policy) => {
      expect(referTo(lob, { onFormulary: true }).referral?.policy).toBe(policy);
    });
  });
});

describe("validThrough: when dated evidence goes stale", () => {
  /** Each dated criterion stays met on its validThrough date and is not met the day after. */
  function expectBoundaries(doc: RequestDocument): void {
    const evaluation = evaluateValid(doc);
    const byCriterion = evaluation.validThroughByCriterion ?? {};
    for (const [id, date] of Object.entries(byCriterion) as [CriterionId, string][]) {
      const onLastDay = evaluateValid({ ...structuredClone(doc), requestDate: date });
      const dayAfter = evaluateValid({ ...structuredClone(doc), requestDate: nextDay(date) });
      expect({ id, date, status: status(onLastDay, id) }).toEqual({ id, date, status: "met" });
      expect({ id, date: nextDay(date), status: status(dayAfter, id) }).toEqual({
        id,
        date: nextDay(date),
        status: "not_met",
      });
    }
  }

  it("is given for I.A.7.b, I.A.8.a and I.A.8.b of the eligible example", () => {
    const evaluation = evaluateValid(eligible());
    expect(evaluation.validThroughByCriterion).toEqual({
      "I.A.7.b": "2027-10-02", // assay 2026-10-02 + 12 months
      "I.A.8.a": "2027-01-20", // enzymes 2026-10-20 + 3 months
      "I.A.8.b": "2027-01-21", // imaging 2026-10-21 + 3 months
    });
  });

  it("validThrough is the earliest date of validThroughByCriterion", () => {
    const evaluation = evaluateValid(eligible());
    const dates = Object.values(evaluation.validThroughByCriterion ?? {}).sort();
    expect(dates.length).toBeGreaterThan(0);
    expect(evaluation.validThrough).toBe(dates[0]);
    expect(evaluation.validThrough).toBe("2027-01-20");
  });

  it("each dated criterion of the eligible example is met on its date and not met the day after", () => {
    expectBoundaries(eligible());
  });

  it("the whole request meets the criteria on validThrough and no longer the day after", () => {
    const doc = eligible();
    const validThrough = evaluateValid(doc).validThrough;
    expect(validThrough).toBeDefined();
    if (validThrough === undefined) return;
    expect(evaluateValid({ ...doc, requestDate: validThrough }).outcome).toBe("meets_criteria");
    expect(evaluateValid({ ...doc, requestDate: nextDay(validThrough) }).outcome).toBe("does_not_meet");
  });

  describe("month-end clamping", () => {
    // Request 2026-03-15; enzymes 2026-02-28 count as of 2026-05-31 (2026-05-31 minus 3 months is
    // 2026-02-28, spec "Conventions"); imaging 2025-12-31 and 2026-01-31; assay 2025-05-31.
    const monthEnd = (): RequestDocument =>
      eligible((d) => {
        d.requestDate = "2026-03-15";
        if (d.inhibitor) d.inhibitor.assays = [{ date: "2025-05-31", bethesdaUnits: 0.1 }];
        if (d.liver?.enzymes) d.liver.enzymes.date = "2026-02-28";
        if (d.liver) {
          d.liver.ultrasound = { date: "2026-01-31", result: "normal" };
          d.liver.elastography = { date: "2025-12-31", result: "normal" };
        }
      });

    it("dates follow the calendar-month window", () => {
      const evaluation = evaluateValid(monthEnd());
      expect(evaluation.outcome).toBe("meets_criteria");
      expect(evaluation.validThroughByCriterion).toEqual({
        "I.A.7.b": "2026-05-31",
        "I.A.8.a": "2026-05-31",
        "I.A.8.b": "2026-03-31",
      });
      expect(evaluation.validThrough).toBe("2026-03-31");
    });

    it("each dated criterion is met on its date and not met the day after", () => {
      expectBoundaries(monthEnd());
    });
  });

  it("leaves out criteria that are not met", () => {
    const evaluation = evaluateValid(eligible((d) => d.liver?.enzymes && (d.liver.enzymes.date = "2026-08-01")));
    expect(status(evaluation, "I.A.8.a")).toBe("not_met");
    expect(evaluation.validThroughByCriterion).not.toHaveProperty("I.A.8.a");
    expect(evaluation.validThrough).toBe("2027-01-21");
  });

  it("is absent when no dated criterion is met", () => {
    const evaluation = evaluateValid(
      eligible((d) => {
        delete d.liver;
        delete d.inhibitor?.assays;
      }),
    );
    expect(evaluation).not.toHaveProperty("validThrough");
    expect(evaluation).not.toHaveProperty("validThroughByCriterion");
  });
});

describe("determinism", () => {
  it.each<[string, RequestDocument]>([
    ["eligible", eligible()],
    ["refer", eligible(otherDiagnosis)],
    [
      "incomplete",
      { schemaVersion: 1, requestType: "initial", requestDate: "2026-11-27", lineOfBusiness: "commercial" },
    ],
  ])("the same %s document twice gives deep-equal evaluations", (_case, doc) => {
    expect(evaluateValid(structuredClone(doc))).toEqual(evaluateValid(structuredClone(doc)));
  });

  it("does not change the document it evaluates", () => {
    const doc = eligible((d) => {
      d.bleeds = [
        { date: "2025-09-14", site: "joint", spontaneous: true },
        { date: "2024-01-01", site: "muscle", spontaneous: true },
      ];
    });
    const before = structuredClone(doc);
    evaluate(doc);
    expect(doc).toEqual(before);
  });
});
