import { describe, expect, it } from "vitest";
import { eligible } from "@fixtures";
import {
  addDays,
  evaluate,
  validateRequestDocument,
  type CriterionId,
  type CriterionResult,
  type Evaluation,
  type InhibitorAssay,
  type RequestDocument,
} from "@/criteria";

/** Evaluates a document the way the product does: only after it passed validation. */
function run(doc: RequestDocument): Evaluation {
  const checked = validateRequestDocument(doc);
  if (!checked.ok) throw new Error(`test document is invalid input: ${JSON.stringify(checked.errors)}`);
  return evaluate(checked.document);
}

function byId(evaluation: Evaluation, id: CriterionId): CriterionResult {
  const found = evaluation.criteria.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no criterion ${id} in the evaluation`);
  return found;
}

const criterion = (doc: RequestDocument, id: CriterionId): CriterionResult => byId(run(doc), id);

/** The eligible example (request date 2026-11-27 unless given) with exactly these assays. */
const withAssays = (assays: InhibitorAssay[], requestDate?: string): RequestDocument =>
  eligible((d) => {
    if (requestDate !== undefined) d.requestDate = requestDate;
    d.inhibitor = { historyOfInhibitor: false, assays };
  });

const negative = (date: string, bethesdaUnits = 0.2): InhibitorAssay => ({ date, bethesdaUnits });
const positive = (date: string, bethesdaUnits = 1.2): InhibitorAssay => ({ date, bethesdaUnits });

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

describe("I.A.7.a no documented history of a factor IX inhibitor", () => {
  it("is met when there is no history", () => {
    const c = criterion(eligible(), "I.A.7.a");
    expect(c.status).toBe("met");
  });

  it("is not met with a documented history", () => {
    const c = criterion(
      eligible((d) => {
        d.inhibitor = { historyOfInhibitor: true, assays: [negative("2026-10-02")] };
      }),
      "I.A.7.a",
    );
    expect(c.status).toBe("not_met");
    expect(c.reason).toMatch(/history/i);
  });

  it("is missing when not answered", () => {
    const c = criterion(
      eligible((d) => {
        d.inhibitor = { assays: [negative("2026-10-02")] };
      }),
      "I.A.7.a",
    );
    expect(c.status).toBe("missing");
    expect(c.reason).toMatch(/history/i);
  });
});

describe("I.A.7.b negative inhibitor assay (< 0.6 BU) within the last 12 months", () => {
  it.each([
    [0, "met"],
    [0.2, "met"],
    [0.59, "met"],
    [0.6, "not_met"],
    [0.61, "not_met"],
    [3, "not_met"],
  ] as const)("an assay of %f BU on 2026-10-02 is %s", (bethesdaUnits, status) => {
    const c = criterion(withAssays([{ date: "2026-10-02", bethesdaUnits }]), "I.A.7.b");
    expect(c.status).toBe(status);
    if (status === "met") {
      expect(c.reason).toContain("2026-10-02");
      expect(c.reason).toContain(`${bethesdaUnits} BU`);
    } else {
      expect(c.reason).toContain("0.6");
      expect(c.reason).toContain("2025-11-27 or later");
    }
  });

  it("is met by an assay dated exactly 12 calendar months before the request date", () => {
    const c = criterion(withAssays([negative("2025-11-27")]), "I.A.7.b");
    expect(c.status).toBe("met");
    expect(c.reason).toContain("2025-11-27");
  });

  it("is not met by an assay dated the day before the window, and says which date would do", () => {
    const c = criterion(withAssays([negative("2025-11-26")]), "I.A.7.b");
    expect(c.status).toBe("not_met");
    expect(c.reason).toContain("2025-11-26");
    expect(c.reason).toContain("2025-11-27 or later");
  });

  it("names the latest negative when every negative is too old", () => {
    const c = criterion(
      withAssays([negative("2024-03-01"), negative("2025-06-30"), negative("2024-12-01")]),
      "I.A.7.b",
    );
    expect(c.status).toBe("not_met");
    expect(c.reason).toContain("2025-06-30");
    expect(c.reason).toContain("2025-11-27 or later");
  });

  it("uses the most recent negative, whatever the order of the list", () => {
    const c = criterion(
      withAssays([negative("2025-01-10"), negative("2026-09-15", 0.3), negative("2026-02-01")]),
      "I.A.7.b",
    );
    expect(c.status).toBe("met");
    expect(c.reason).toContain("2026-09-15");
    expect(c.reason).toContain("0.3 BU");
  });

  it("is not met when the assays list is empty (an answer: none on record)", () => {
    const c = criterion(withAssays([]), "I.A.7.b");
    expect(c.status).toBe("not_met");
    expect(c.reason).toContain("2025-11-27");
  });

  it("is missing when assays are not answered", () => {
    const c = criterion(
      eligible((d) => {
        d.inhibitor = { historyOfInhibitor: false };
      }),
      "I.A.7.b",
    );
    expect(c.status).toBe("missing");
    expect(c.reason).toContain("2025-11-27");
  });

  it("is missing when the inhibitor block is absent altogether", () => {
    const c = criterion(
      eligible((d) => {
        delete d.inhibitor;
      }),
      "I.A.7.b",
    );
    expect(c.status).toBe("missing");
  });

  describe("an assay lacking its date or its result", () => {
    it.each<[string, InhibitorAssay[]]>([
      ["a negative result without a date", [{ bethesdaUnits: 0.2 }]],
      ["a recent date without a result", [{ date: "2026-10-02" }]],
      ["an assay with neither", [{}]],
      ["a recent date without a result, next to a stale negative", [negative("2025-01-15"), { date: "2026-10-02" }]],
      ["a negative result without a date, next to a positive", [positive("2026-06-01"), { bethesdaUnits: 0.1 }]],
    ])("that could still qualify leaves it missing: %s", (_, assays) => {
      const c = criterion(withAssays(assays), "I.A.7.b");
      expect(c.status).toBe("missing");
      expect(c.reason).toMatch(/date|result/i);
    });

    it.each<[InhibitorAssay, string]>([
      [{ bethesdaUnits: 0.2 }, "Assay 1 needs its date;"],
      [{ date: "2026-10-02" }, "Assay 1 needs its result;"],
      [{}, "Assay 1 needs its date and its result;"],
    ])("the reason names exactly what is lacking: %j", (assay, reason) => {
      expect(criterion(withAssays([assay]), "I.A.7.b").reason.startsWith(reason)).toBe(true);
    });

    it.each<[string, InhibitorAssay[]]>([
      ["a positive result without a date", [{ bethesdaUnits: 0.9 }]],
      ["a stale date without a result", [{ date: "2025-11-26" }]],
    ])("that could never qualify is not met: %s", (_, assays) => {
      const c = criterion(withAssays(assays), "I.A.7.b");
      expect(c.status).toBe("not_met");
      expect(c.reason).toContain("2025-11-27");
    });

    it("does not hold back a criterion already met by a complete assay", () => {
      const c = criterion(withAssays([{ date: "2026-11-01" }, negative("2026-10-02")]), "I.A.7.b");
      expect(c.status).toBe("met");
    });
  });

  describe("request dates at month ends (calendar months, clamped)", () => {
    it.each([
      ["2027-02-28", "2026-02-28", "met"],
      ["2027-02-28", "2026-02-27", "not_met"],
      ["2028-02-29", "2027-02-28", "met"],
      ["2028-02-29", "2027-02-27", "not_met"],
      ["2029-02-28", "2028-02-28", "met"],
      ["2029-02-28", "2028-02-29", "met"],
      ["2029-02-28", "2028-02-27", "not_met"],
      ["2027-03-31", "2026-03-31", "met"],
      ["2027-03-31", "2026-03-30", "not_met"],
      ["2026-12-31", "2025-12-31", "met"],
      ["2026-12-31", "2025-12-30", "not_met"],
    ] as const)("as of %s an assay on %s is %s", (requestDate, date, status) => {
      const c = criterion(withAssays([negative(date)], requestDate), "I.A.7.b");
      expect(c.status).toBe(status);
      expect(c.reason).toContain(date);
    });

    it("says the first date that counts as of a month end", () => {
      const c = criterion(withAssays([negative("2027-02-27")], "2028-02-29"), "I.A.7.b");
      expect(c.reason).toContain("2027-02-28 or later");
    });
  });

  describe("valid through", () => {
    it("is the last request date on which the latest negative is within 12 months", () => {
      const doc = withAssays([negative("2026-01-15"), negative("2026-06-30"), negative("2026-03-01")]);
      expect(run(doc).validThroughByCriterion?.["I.A.7.b"]).toBe("2027-06-30");
      expect(criterion(withAssays(doc.inhibitor?.assays ?? [], "2027-06-30"), "I.A.7.b").status).toBe("met");
      expect(criterion(withAssays(doc.inhibitor?.assays ?? [], "2027-07-01"), "I.A.7.b").status).toBe("not_met");
    });

    it("follows the calendar to the end of a longer month", () => {
      // as of 2028-02-29 the 12-month window starts 2027-02-28, as of 2028-03-01 it starts 2027-03-01
      const assays = [negative("2027-02-28")];
      expect(run(withAssays(assays, "2027-03-15")).validThroughByCriterion?.["I.A.7.b"]).toBe("2028-02-29");
      expect(criterion(withAssays(assays, "2028-02-29"), "I.A.7.b").status).toBe("met");
      expect(criterion(withAssays(assays, "2028-03-01"), "I.A.7.b").status).toBe("not_met");
    });

    it("is the eligible example's assay date plus 12 months", () => {
      expect(run(eligible()).validThroughByCriterion?.["I.A.7.b"]).toBe("2027-10-02");
    });
  });
});

describe("I.A.7.c a negative retest within 2 weeks of any positive test", () => {
  it("does not apply when no assay is positive", () => {
    const c = criterion(withAssays([negative("2026-03-02", 0.5), negative("2026-10-02", 0.59)]), "I.A.7.c");
    expect(c.status).toBe("not_applicable");
    expect(c.reason).toMatch(/no positive/i);
  });

  it("does not apply to an empty list of assays", () => {
    expect(criterion(withAssays([]), "I.A.7.c").status).toBe("not_applicable");
  });

  it("treats exactly 0.6 BU as positive", () => {
    const c = criterion(withAssays([positive("2026-10-01", 0.6), negative("2026-10-20")]), "I.A.7.c");
    expect(c.status).toBe("not_met");
    expect(c.reason).toContain("2026-10-01");
  });

  it.each([
    [0, "not_met"],
    [1, "met"],
    [7, "met"],
    [13, "met"],
    [14, "met"],
    [15, "not_met"],
    [30, "not_met"],
  ] as const)("a positive of 0.6 BU followed by a negative %i days later is %s", (days, status) => {
    const retest = addDays("2026-09-01", days);
    const c = criterion(withAssays([positive("2026-09-01", 0.6), negative(retest)]), "I.A.7.c");
    expect(c.status).toBe(status);
    expect(c.reason).toContain("2026-09-01");
    if (status === "met") {
      expect(c.reason).toContain(retest);
    } else {
      // the window a retest must fall in: the day after the positive to 14 days after it
      expect(c.reason).toContain("2026-09-02");
      expect(c.reason).toContain("2026-09-15");
    }
  });

  it.each([
    [0.59, "met"],
    [0.6, "not_met"],
  ] as const)("a retest of %f BU after a positive is %s", (bethesdaUnits, status) => {
    const c = criterion(withAssays([positive("2026-09-01"), { date: "2026-09-08", bethesdaUnits }]), "I.A.7.c");
    expect(c.status).toBe(status);
  });

  it("retests across a month and year end count by calendar days", () => {
    expect(criterion(withAssays([positive("2025-12-20"), negative("2026-01-03")]), "I.A.7.c").status).toBe("met");
    expect(criterion(withAssays([positive("2025-12-20"), negative("2026-01-04")]), "I.A.7.c").status).toBe("not_met");
  });

  it("gives the same result whatever the order of the assays", () => {
    const metSet = [
      positive("2026-04-01"),
      negative("2026-04-10"),
      positive("2026-08-01", 0.7),
      negative("2026-08-15"),
    ];
    const notMetSet = [
      positive("2026-04-01"),
      negative("2026-04-10"),
      positive("2026-08-01", 0.7),
      negative("2026-08-16"),
    ];
    for (const [assays, status] of [
      [metSet, "met"],
      [notMetSet, "not_met"],
    ] as const) {
      const reasons = new Set<string>();
      for (const order of permutations(assays)) {
        const c = criterion(withAssays(order), "I.A.7.c");
        expect(c.status, JSON.stringify(order)).toBe(status);
        reasons.add(c.reason);
      }
      expect(reasons.size).toBe(1);
    }
  });

  describe("two positives each need their own retest", () => {
    it("is met when each has a negative within 2 weeks", () => {
      const c = criterion(
        withAssays([
          positive("2026-06-01"),
          negative("2026-06-10"),
          positive("2026-08-01", 0.8),
          negative("2026-08-05", 0.3),
        ]),
        "I.A.7.c",
      );
      expect(c.status).toBe("met");
      expect(c.reason).toContain("2026-06-01");
      expect(c.reason).toContain("2026-08-01");
    });

    it("is not met when only the first positive was retested, and names the second", () => {
      const c = criterion(
        withAssays([positive("2026-06-01"), negative("2026-06-10"), positive("2026-08-01", 0.8)]),
        "I.A.7.c",
      );
      expect(c.status).toBe("not_met");
      expect(c.reason).toContain("2026-08-01");
      expect(c.reason).toContain("2026-08-15");
      expect(c.reason).not.toContain("2026-06-01");
    });

    it("is not met when only the second positive was retested, and names the first", () => {
      const c = criterion(
        withAssays([positive("2026-06-01"), positive("2026-08-01", 0.8), negative("2026-08-05")]),
        "I.A.7.c",
      );
      expect(c.status).toBe("not_met");
      expect(c.reason).toContain("2026-06-01");
      expect(c.reason).toContain("2026-06-15");
    });

    it("is met when one negative falls within 2 weeks of both positives", () => {
      // spec: every assay >= 0.6 has a later assay < 0.6 dated 1 to 14 days after it
      const c = criterion(
        withAssays([positive("2026-06-01"), positive("2026-06-05"), negative("2026-06-10")]),
        "I.A.7.c",
      );
      expect(c.status).toBe("met");
    });

    it("an earlier positive's retest cannot serve a positive that comes after it", () => {
      const c = criterion(
        withAssays([positive("2026-06-01"), negative("2026-06-08"), positive("2026-06-20")]),
        "I.A.7.c",
      );
      expect(c.status).toBe("not_met");
      expect(c.reason).toContain("2026-06-20");
      expect(c.reason).toContain("2026-07-04");
    });
  });

  it("is not met when the only negative came before the positive", () => {
    const c = criterion(withAssays([negative("2026-05-25"), positive("2026-06-01")]), "I.A.7.c");
    expect(c.status).toBe("not_met");
    expect(c.reason).toContain("2026-06-01");
    expect(c.reason).toContain("2026-06-15");
  });

  describe("a positive shortly before the request date with no retest yet", () => {
    it.each([
      ["2026-11-24", "2026-12-08"],
      ["2026-11-27", "2026-12-11"],
      ["2026-11-13", "2026-11-27"],
    ])("a positive on %s is not met (not missing), and the reason gives %s as the retest deadline", (date, dueBy) => {
      const evaluation = run(withAssays([negative("2026-10-02"), positive(date, 0.9)]));
      const c = byId(evaluation, "I.A.7.c");
      expect(c.status).toBe("not_met");
      expect(c.reason).toContain(date);
      expect(c.reason).toContain(dueBy);
      expect(byId(evaluation, "I.A.7.b").status).toBe("met");
      expect(evaluation.outcome).toBe("does_not_meet");
    });
  });

  it("is missing when a positive result has no date (its retest cannot be checked)", () => {
    const c = criterion(withAssays([negative("2026-10-02"), { bethesdaUnits: 0.9 }]), "I.A.7.c");
    expect(c.status).toBe("missing");
    expect(c.reason).toMatch(/date/i);
  });

  it("makes the eligible example meet the criteria once every positive is retested in time", () => {
    const evaluation = run(withAssays([positive("2026-09-20", 0.6), negative("2026-10-02")]));
    expect(byId(evaluation, "I.A.7.c").status).toBe("met");
    expect(evaluation.outcome).toBe("meets_criteria");
  });
});
