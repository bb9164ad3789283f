/**
 * I.A.5.a, I.A.5.b and I.A.6 through the public API: prophylaxis for 12 calendar months with
 * documented adherence, a serious spontaneous bleed on prophylaxis, and 150 exposure days.
 * Every document is validated first, so each case is one the contract lets reach `evaluate`.
 */
import { describe, expect, it } from "vitest";
import { eligible } from "@fixtures";
import {
  SERIOUS_BLEED_SITES,
  evaluate,
  validateRequestDocument,
  type Bleed,
  type CriterionId,
  type CriterionResult,
  type RequestDocument,
} from "@/criteria";

/** Validates `doc` (failing the test on invalid input) and returns criterion `id` of its evaluation. */
function criterion(doc: RequestDocument, id: CriterionId): CriterionResult {
  const validated = validateRequestDocument(doc);
  if (!validated.ok) throw new Error(`invalid test document: ${JSON.stringify(validated.errors)}`);
  const found = evaluate(validated.document).criteria.find((c) => c.id === id);
  if (found === undefined) throw new Error(`criterion ${id} missing from the evaluation`);
  return found;
}

/**
 * The eligible document as of another request date: dated evidence later than that date is
 * dropped so the document stays valid (dates after the request date are invalid input).
 */
function eligibleOn(requestDate: string, change?: (doc: RequestDocument) => void): RequestDocument {
  return eligible((doc) => {
    doc.requestDate = requestDate;
    doc.bleeds = doc.bleeds?.filter((b) => b.date === undefined || b.date <= requestDate);
    if (doc.inhibitor?.assays !== undefined) {
      doc.inhibitor.assays = doc.inhibitor.assays.filter((a) => a.date === undefined || a.date <= requestDate);
    }
    delete doc.liver;
    change?.(doc);
  });
}

const withProphylaxis =
  (prophylaxis: RequestDocument["prophylaxis"]) =>
  (doc: RequestDocument): void => {
    doc.prophylaxis = prophylaxis;
  };

describe("I.A.5.a adherent factor IX prophylaxis for at least 12 months", () => {
  it("is met for the eligible example and names the product and the start date", () => {
    const result = criterion(eligible(), "I.A.5.a");
    expect(result.status).toBe("met");
    expect(result.reason).toContain("Alprolix");
    expect(result.reason).toContain("2023-06-01");
  });

  describe("12 calendar months before the request date", () => {
    it.each([
      ["2026-11-27", "2025-11-27", "met"], // exactly 12 calendar months
      ["2026-11-27", "2025-11-26", "met"],
      ["2026-11-27", "2025-11-28", "not_met"], // one day short
      ["2026-11-27", "2026-11-27", "not_met"],
      ["2026-02-28", "2025-02-28", "met"], // common year to common year
      ["2025-02-28", "2024-02-28", "met"],
      ["2025-02-28", "2024-02-29", "not_met"], // 12 months from a leap day are reached on 1 March
      ["2025-03-01", "2024-02-29", "met"],
      ["2024-02-29", "2023-02-28", "met"],
      ["2026-03-31", "2025-03-31", "met"],
      ["2026-03-31", "2025-04-01", "not_met"],
    ])("request %s, prophylaxis started %s → %s", (requestDate, startDate, expected) => {
      const doc = eligibleOn(requestDate, (d) => {
        d.bleeds = [];
        if (d.prophylaxis) d.prophylaxis.startDate = startDate;
      });
      expect(criterion(doc, "I.A.5.a").status).toBe(expected);
    });

    it.each([
      ["2026-11-27", "2025-11-28", "2026-11-28"],
      ["2026-11-27", "2026-06-15", "2027-06-15"],
      ["2025-02-28", "2024-02-29", "2025-03-01"],
    ])(
      "request %s, started %s: the reason names the start and the day 12 months are reached (%s)",
      (requestDate, startDate, reached) => {
        const doc = eligibleOn(requestDate, (d) => {
          d.bleeds = [];
          if (d.prophylaxis) d.prophylaxis.startDate = startDate;
        });
        const result = criterion(doc, "I.A.5.a");
        expect(result.status).toBe("not_met");
        expect(result.reason).toContain(startDate);
        expect(result.reason).toContain(reached);
      },
    );
  });

  it.each(["Alprolix", "BeneFIX", "Idelvion", "Ixinity", "Rebinyn", "Rixubis", "other"] as const)(
    "product %s counts as named",
    (product) => {
      const doc = eligible((d) => {
        if (d.prophylaxis) d.prophylaxis.product = product;
      });
      expect(criterion(doc, "I.A.5.a").status).toBe("met");
    },
  );

  it("is not met when adherence is not documented, and says the prescriber must document it", () => {
    const result = criterion(
      eligible((d) => {
        if (d.prophylaxis) d.prophylaxis.adherenceDocumented = false;
      }),
      "I.A.5.a",
    );
    expect(result.status).toBe("not_met");
    expect(result.reason.toLowerCase()).toContain("adherence");
  });

  it.each([
    ["product", { startDate: "2023-06-01", adherenceDocumented: true }],
    ["startDate", { product: "Alprolix", adherenceDocumented: true }],
    ["adherenceDocumented", { product: "Alprolix", startDate: "2023-06-01" }],
    ["everything", {}],
  ] as const)("is missing when %s is absent", (_absent, prophylaxis) => {
    const doc = eligible(withProphylaxis({ ...prophylaxis }));
    expect(criterion(doc, "I.A.5.a").status).toBe("missing");
  });

  it("is missing when the prophylaxis block is absent", () => {
    const doc = eligible((d) => {
      delete d.prophylaxis;
    });
    expect(criterion(doc, "I.A.5.a").status).toBe("missing");
  });

  describe("not met wins over missing", () => {
    it.each([
      ["adherence false, product absent", { startDate: "2023-06-01", adherenceDocumented: false }],
      ["adherence false, start date absent", { product: "Alprolix", adherenceDocumented: false }],
      ["start too recent, adherence absent", { product: "Alprolix", startDate: "2026-06-01" }],
      ["start too recent, product absent", { startDate: "2026-06-01", adherenceDocumented: true }],
    ] as const)("%s → not_met", (_case, prophylaxis) => {
      const doc = eligible(withProphylaxis({ ...prophylaxis }));
      expect(criterion(doc, "I.A.5.a").status).toBe("not_met");
    });
  });
});

describe("I.A.5.b a serious spontaneous bleed while on prophylaxis", () => {
  const START = "2023-06-01";
  const onBleeds = (bleeds: Bleed[] | undefined): RequestDocument =>
    eligible((d) => {
      if (bleeds === undefined) delete d.bleeds;
      else d.bleeds = bleeds;
      if (d.prophylaxis) d.prophylaxis.startDate = START;
    });
  const status = (bleeds: Bleed[] | undefined): string => criterion(onBleeds(bleeds), "I.A.5.b").status;

  it("is met for the eligible example and names the bleed date", () => {
    const result = criterion(eligible(), "I.A.5.b");
    expect(result.status).toBe("met");
    expect(result.reason).toContain("2025-09-14");
  });

  it("is missing when bleeds are not answered", () => {
    expect(status(undefined)).toBe("missing");
  });

  it("is missing when the prophylaxis start date is absent, even with a qualifying bleed", () => {
    const doc = eligible((d) => {
      delete d.prophylaxis?.startDate;
    });
    expect(criterion(doc, "I.A.5.b").status).toBe("missing");
  });

  it("is missing when the prophylaxis block is absent", () => {
    const doc = eligible((d) => {
      delete d.prophylaxis;
    });
    expect(criterion(doc, "I.A.5.b").status).toBe("missing");
  });

  it.each<[Bleed, string]>([
    [{ date: "2025-01-10", spontaneous: true }, "Bleed 1 needs its site;"],
    [{ site: "joint", spontaneous: true }, "Bleed 1 needs its date;"],
    [{ date: "2025-01-10", site: "joint" }, "Bleed 1 needs whether it was spontaneous;"],
    [{ site: "joint" }, "Bleed 1 needs its date and whether it was spontaneous;"],
    [{}, "Bleed 1 needs its date, its site and whether it was spontaneous;"],
  ])("names exactly what an unfinished bleed lacks: %j", (bleed, reason) => {
    const result = criterion(onBleeds([bleed]), "I.A.5.b");
    expect(result.status).toBe("missing");
    expect(result.reason.startsWith(reason)).toBe(true);
  });

  it("is not met for an empty list (no bleeds on record)", () => {
    const result = criterion(onBleeds([]), "I.A.5.b");
    expect(result.status).toBe("not_met");
  });

  it.each(SERIOUS_BLEED_SITES)("a spontaneous %s bleed qualifies", (site) => {
    expect(status([{ date: "2025-01-10", site, spontaneous: true }])).toBe("met");
  });

  it.each(["skin_soft_tissue", "other"] as const)("a spontaneous %s bleed does not qualify", (site) => {
    expect(status([{ date: "2025-01-10", site, spontaneous: true }])).toBe("not_met");
  });

  it.each(SERIOUS_BLEED_SITES)("a traumatic %s bleed does not qualify", (site) => {
    expect(status([{ date: "2025-01-10", site, spontaneous: false }])).toBe("not_met");
  });

  it.each([
    ["2023-05-31", "not_met"], // the day before prophylaxis started
    ["2023-06-01", "met"], // the start date itself
    ["2023-06-02", "met"],
  ])("a spontaneous joint bleed on %s with prophylaxis from 2023-06-01 → %s", (date, expected) => {
    expect(status([{ date, site: "joint", spontaneous: true }])).toBe(expected);
  });

  it("says what is needed when no bleed qualifies", () => {
    const result = criterion(
      onBleeds([
        { date: "2023-05-31", site: "joint", spontaneous: true },
        { date: "2025-01-10", site: "joint", spontaneous: false },
      ]),
      "I.A.5.b",
    );
    expect(result.status).toBe("not_met");
    expect(result.reason.toLowerCase()).toContain("spontaneous");
    expect(result.reason.toLowerCase()).toContain("serious");
  });

  describe("partially filled bleeds", () => {
    it.each<[string, Bleed]>([
      ["no date", { site: "joint", spontaneous: true }],
      ["no site", { date: "2025-01-10", spontaneous: true }],
      ["spontaneity unanswered", { date: "2025-01-10", site: "muscle" }],
      ["only a site", { site: "intracranial" }],
      ["nothing filled in", {}],
    ])("%s, could still qualify → missing", (_case, bleed) => {
      expect(status([bleed])).toBe("missing");
    });

    it.each<[string, Bleed]>([
      ["traumatic, no date", { site: "joint", spontaneous: false }],
      ["not serious, no date", { site: "skin_soft_tissue", spontaneous: true }],
      ["before the start, no site", { date: "2023-05-31", spontaneous: true }],
    ])("%s, cannot qualify → not_met", (_case, bleed) => {
      expect(status([bleed])).toBe("not_met");
    });

    it("a partial bleed next to a qualifying one leaves the criterion met", () => {
      expect(status([{ site: "joint" }, { date: "2025-01-10", site: "muscle", spontaneous: true }])).toBe("met");
    });

    it("a partial bleed that could qualify is missing even next to bleeds that cannot", () => {
      expect(
        status([
          { date: "2025-01-10", site: "skin_soft_tissue", spontaneous: true },
          { date: "2025-02-10", site: "joint" },
        ]),
      ).toBe("missing");
    });
  });

  describe("bleeds in any order", () => {
    const qualifying: Bleed = { date: "2024-03-03", site: "gastrointestinal", spontaneous: true };
    const others: Bleed[] = [
      { date: "2025-06-01", site: "skin_soft_tissue", spontaneous: true },
      { date: "2023-01-01", site: "joint", spontaneous: true },
      { date: "2026-01-01", site: "joint", spontaneous: false },
    ];
    it.each([0, 1, 2, 3])("the qualifying bleed at position %i → met, naming its date", (position) => {
      const bleeds = [...others];
      bleeds.splice(position, 0, qualifying);
      const result = criterion(onBleeds(bleeds), "I.A.5.b");
      expect(result.status).toBe("met");
      expect(result.reason).toContain("2024-03-03");
    });

    it("gives the same result for the same bleeds reversed", () => {
      const bleeds: Bleed[] = [
        { date: "2024-03-03", site: "gastrointestinal", spontaneous: true },
        { date: "2025-08-09", site: "muscle", spontaneous: true },
        ...others,
      ];
      const forward = criterion(onBleeds(bleeds), "I.A.5.b");
      const backward = criterion(onBleeds([...bleeds].reverse()), "I.A.5.b");
      expect(forward.status).toBe("met");
      expect(backward).toEqual(forward);
    });
  });
});

describe("I.A.6 at least 150 exposure days", () => {
  it.each([
    [0, "not_met"],
    [149, "not_met"],
    [150, "met"],
    [151, "met"],
    [220, "met"],
  ])("%i exposure days → %s", (days, expected) => {
    const doc = eligible((d) => {
      d.exposureDays = days;
    });
    expect(criterion(doc, "I.A.6").status).toBe(expected);
  });

  it("names the count and the 150 needed when not met", () => {
    const result = criterion(
      eligible((d) => {
        d.exposureDays = 149;
      }),
      "I.A.6",
    );
    expect(result.reason).toContain("149");
    expect(result.reason).toContain("150");
  });

  it("is missing when exposure days are absent", () => {
    const doc = eligible((d) => {
      delete d.exposureDays;
    });
    expect(criterion(doc, "I.A.6").status).toBe("missing");
  });
});
