/**
 * I.A.1–I.A.4 through the public API: diagnosis, prescriber, age and severity.
 * Every document is validated first, so each case is one the contract lets reach `evaluate`.
 */
import { describe, expect, it } from "vitest";
import { eligible } from "@fixtures";
import {
  ageInFullYears,
  evaluate,
  validateRequestDocument,
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

describe("I.A.1 diagnosis of congenital hemophilia B", () => {
  it("is met for congenital hemophilia B coded D67", () => {
    const result = criterion(eligible(), "I.A.1");
    expect(result.status).toBe("met");
    expect(result.reason).toContain("D67");
  });

  it("is missing when the condition is not answered", () => {
    const result = criterion(
      eligible((d) => {
        delete d.diagnosis?.condition;
      }),
      "I.A.1",
    );
    expect(result.status).toBe("missing");
  });

  it("is missing when the whole diagnosis block is absent", () => {
    const result = criterion(
      eligible((d) => {
        delete d.diagnosis;
      }),
      "I.A.1",
    );
    expect(result.status).toBe("missing");
  });

  it("is not met for another condition", () => {
    const result = criterion(
      eligible((d) => {
        d.diagnosis = { condition: "other", otherDescription: "Hemophilia A" };
      }),
      "I.A.1",
    );
    expect(result.status).toBe("not_met");
  });

  it("is still met when the ICD-10 code is not D67, and the reason names both codes", () => {
    const result = criterion(
      eligible((d) => {
        if (d.diagnosis) d.diagnosis.icd10 = "D68.2";
      }),
      "I.A.1",
    );
    expect(result.status).toBe("met");
    expect(result.reason).toContain("D68.2");
    expect(result.reason).toContain("D67");
  });

  it("is met when the ICD-10 code is not entered", () => {
    const result = criterion(
      eligible((d) => {
        delete d.diagnosis?.icd10;
      }),
      "I.A.1",
    );
    expect(result.status).toBe("met");
  });
});

describe("I.A.2 prescribed by or in consultation with a hematologist", () => {
  type Specialty = "hematology" | "other" | undefined;
  it.each<[Specialty, boolean | undefined, string]>([
    ["hematology", undefined, "met"],
    ["hematology", true, "met"],
    ["hematology", false, "met"],
    ["other", true, "met"],
    ["other", false, "not_met"],
    ["other", undefined, "missing"],
    [undefined, undefined, "missing"],
    [undefined, true, "missing"],
    [undefined, false, "missing"],
  ])("specialty %s, hematologistConsulted %s → %s", (specialty, consulted, expected) => {
    const result = criterion(
      eligible((d) => {
        d.prescriber = {
          name: "Dr. Example",
          npi: "1234567893",
          ...(specialty !== undefined && { specialty }),
          ...(consulted !== undefined && { hematologistConsulted: consulted }),
        };
      }),
      "I.A.2",
    );
    expect(result.status).toBe(expected);
  });

  it("is missing when the prescriber block is absent", () => {
    const result = criterion(
      eligible((d) => {
        delete d.prescriber;
      }),
      "I.A.2",
    );
    expect(result.status).toBe("missing");
  });

  it("says a hematologist must prescribe or be consulted when not met", () => {
    const result = criterion(
      eligible((d) => {
        d.prescriber = { specialty: "other", hematologistConsulted: false };
      }),
      "I.A.2",
    );
    expect(result.status).toBe("not_met");
    expect(result.reason.toLowerCase()).toContain("hematologist");
  });
});

describe("I.A.3 age 18 or older on the request date", () => {
  it.each([
    ["2008-11-27", "met"], // 18th birthday on the request date 2026-11-27
    ["2008-11-26", "met"],
    ["1985-04-12", "met"],
    ["2008-11-28", "not_met"], // turns 18 the day after the request date
    ["2010-01-01", "not_met"],
  ])("born %s, request 2026-11-27 → %s", (dateOfBirth, expected) => {
    const result = criterion(
      eligible((d) => {
        if (d.member) d.member.dateOfBirth = dateOfBirth;
      }),
      "I.A.3",
    );
    expect(result.status).toBe(expected);
  });

  it("names the 18th birthday when the member is one day short", () => {
    const result = criterion(
      eligible((d) => {
        if (d.member) d.member.dateOfBirth = "2008-11-28";
      }),
      "I.A.3",
    );
    expect(result.status).toBe("not_met");
    expect(result.reason).toContain("2026-11-28");
  });

  describe("a 29 February birth date", () => {
    it.each([
      ["2026-02-28", "not_met"], // common year: no 29 February, the day before 1 March
      ["2026-03-01", "met"], // common year: turns 18 on 1 March
      ["2026-03-02", "met"],
    ])("born 2008-02-29, request %s → %s", (requestDate, expected) => {
      const result = criterion(
        eligibleOn(requestDate, (d) => {
          if (d.member) d.member.dateOfBirth = "2008-02-29";
        }),
        "I.A.3",
      );
      expect(result.status).toBe(expected);
    });

    it("names 1 March as the 18th birthday in a common year", () => {
      const result = criterion(
        eligibleOn("2026-02-28", (d) => {
          if (d.member) d.member.dateOfBirth = "2008-02-29";
        }),
        "I.A.3",
      );
      expect(result.reason).toContain("2026-03-01");
    });

    // An 18th birthday can never fall in a leap year for someone born on 29 February (the birth
    // year and the year 18 later differ by 2 mod 4), so the leap-year rule is checked on other ages.
    it.each([
      ["2028-02-28", 19], // leap year: the birthday is 29 February, not yet reached
      ["2028-02-29", 20], // leap year: birthday on 29 February itself
      ["2027-02-28", 18], // common year: birthday not until 1 March
      ["2027-03-01", 19],
    ])("born 2008-02-29, age on %s is %i", (asOf, expected) => {
      expect(ageInFullYears("2008-02-29", asOf)).toBe(expected);
    });

    it("reports the leap-year age in the I.A.3 reason", () => {
      const onBirthday = criterion(
        eligibleOn("2028-02-29", (d) => {
          if (d.member) d.member.dateOfBirth = "2008-02-29";
        }),
        "I.A.3",
      );
      const dayBefore = criterion(
        eligibleOn("2028-02-28", (d) => {
          if (d.member) d.member.dateOfBirth = "2008-02-29";
        }),
        "I.A.3",
      );
      expect(onBirthday.status).toBe("met");
      expect(onBirthday.reason).toMatch(/\b20\b/);
      expect(dayBefore.reason).toMatch(/\b19\b/);
      expect(dayBefore.reason).not.toMatch(/\b20\b/);
    });

    it("is met on a leap-year 29 February for a member born 18 years earlier on 28 February", () => {
      const result = criterion(
        eligibleOn("2024-02-29", (d) => {
          if (d.member) d.member.dateOfBirth = "2006-02-28";
        }),
        "I.A.3",
      );
      expect(result.status).toBe("met");
    });

    it("is not met on a leap-year 29 February for a member turning 18 on 1 March", () => {
      const result = criterion(
        eligibleOn("2024-02-29", (d) => {
          if (d.member) d.member.dateOfBirth = "2006-03-01";
        }),
        "I.A.3",
      );
      expect(result.status).toBe("not_met");
      expect(result.reason).toContain("2024-03-01");
    });
  });

  it("is missing when the date of birth is absent", () => {
    const result = criterion(
      eligible((d) => {
        delete d.member?.dateOfBirth;
      }),
      "I.A.3",
    );
    expect(result.status).toBe("missing");
  });

  it("is missing when the member block is absent", () => {
    const result = criterion(
      eligible((d) => {
        delete d.member;
      }),
      "I.A.3",
    );
    expect(result.status).toBe("missing");
  });
});

describe("I.A.4 factor IX activity of 2% or less", () => {
  it.each([
    [0, "met"],
    [1, "met"],
    [2, "met"],
    [2.1, "not_met"],
    [5, "not_met"],
  ])("factor IX %s%% → %s", (percent, expected) => {
    const result = criterion(
      eligible((d) => {
        if (d.diagnosis) d.diagnosis.factorIxActivityPercent = percent;
      }),
      "I.A.4",
    );
    expect(result.status).toBe(expected);
  });

  it("names the value and the 2% limit when not met", () => {
    const result = criterion(
      eligible((d) => {
        if (d.diagnosis) d.diagnosis.factorIxActivityPercent = 2.1;
      }),
      "I.A.4",
    );
    expect(result.reason).toContain("2.1%");
    expect(result.reason).toContain("2%");
  });

  it("is missing when the factor IX activity is absent", () => {
    const result = criterion(
      eligible((d) => {
        delete d.diagnosis?.factorIxActivityPercent;
      }),
      "I.A.4",
    );
    expect(result.status).toBe("missing");
  });
});
