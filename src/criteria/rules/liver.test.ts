import { describe, expect, it } from "vitest";
import { eligible } from "@fixtures";
import {
  evaluate,
  validateRequestDocument,
  type CriterionId,
  type CriterionResult,
  type Evaluation,
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

type Liver = NonNullable<RequestDocument["liver"]>;
type Analyte = "alt" | "ast" | "alp" | "totalBilirubin";

/** The eligible example (request date 2026-11-27) with its liver block changed. */
const withLiver = (change: (liver: Liver) => void): RequestDocument =>
  eligible((d) => {
    const liver = d.liver;
    if (liver === undefined) throw new Error("the eligible example has a liver block");
    change(liver);
  });

/** Statuses of the three liver criteria, for compact assertions. */
function liverStatuses(doc: RequestDocument): Record<"8.a" | "8.b" | "8.c", string> {
  const evaluation = run(doc);
  return {
    "8.a": byId(evaluation, "I.A.8.a").status,
    "8.b": byId(evaluation, "I.A.8.b").status,
    "8.c": byId(evaluation, "I.A.8.c").status,
  };
}

/** Reasons may start with a capital letter: compare case-insensitively. */
function expectMention(reason: string, text: string): void {
  expect(reason.toLowerCase()).toContain(text.toLowerCase());
}

const ANALYTES: readonly [Analyte, string, number, number][] = [
  ["alt", "ALT", 57, 56],
  ["ast", "AST", 41, 40],
  ["alp", "ALP", 130, 129],
  ["totalBilirubin", "total bilirubin", 1.3, 1.2],
];

describe("I.A.8.a liver enzymes within normal limits in the last 3 months", () => {
  it("is met for the eligible example and names the draw date", () => {
    const c = byId(run(eligible()), "I.A.8.a");
    expect(c.status).toBe("met");
    expect(c.reason).toContain("2026-10-20");
  });

  it("is met for enzymes drawn exactly 3 calendar months before the request date", () => {
    const c = byId(
      run(
        withLiver((l) => {
          if (l.enzymes) l.enzymes.date = "2026-08-27";
        }),
      ),
      "I.A.8.a",
    );
    expect(c.status).toBe("met");
    expect(c.reason).toContain("2026-08-27");
  });

  it("is not met for enzymes drawn the day before, and says which date would do", () => {
    const c = byId(
      run(
        withLiver((l) => {
          if (l.enzymes) l.enzymes.date = "2026-08-26";
        }),
      ),
      "I.A.8.a",
    );
    expect(c.status).toBe("not_met");
    expect(c.reason).toContain("2026-08-26");
    expect(c.reason).toContain("2026-08-27 or later");
  });

  it.each(ANALYTES)("is met when %s equals its upper limit", (key, _name, _high, limit) => {
    const doc = withLiver((l) => {
      if (l.enzymes) l.enzymes[key] = { value: limit, upperLimit: limit };
    });
    expect(liverStatuses(doc)).toEqual({ "8.a": "met", "8.b": "met", "8.c": "not_applicable" });
  });

  describe.each(ANALYTES)("%s above its upper limit in a recent panel", (key, name, high, limit) => {
    const abnormal = (attestation: boolean | undefined): RequestDocument =>
      withLiver((l) => {
        if (l.enzymes) l.enzymes[key] = { value: high, upperLimit: limit };
        if (attestation === undefined) delete l.hepatologistAttestation;
        else l.hepatologistAttestation = attestation;
      });

    it("with a hepatologist's attestation: 8.a and 8.c are met and name the attestation", () => {
      const evaluation = run(abnormal(true));
      const a = byId(evaluation, "I.A.8.a");
      const c = byId(evaluation, "I.A.8.c");
      expect(a.status).toBe("met");
      expect(c.status).toBe("met");
      expect(a.reason).toMatch(/hepatologist/i);
      expectMention(a.reason, `${name} ${high}`);
      expect(c.reason).toMatch(/hepatologist attests/i);
      expectMention(c.reason, `${name} ${high}`);
      expect(evaluation.outcome).toBe("meets_criteria");
    });

    it("with the attestation answered false: 8.a and 8.c are not met", () => {
      const evaluation = run(abnormal(false));
      const a = byId(evaluation, "I.A.8.a");
      const c = byId(evaluation, "I.A.8.c");
      expect(a.status).toBe("not_met");
      expect(c.status).toBe("not_met");
      expectMention(a.reason, `${name} ${high}`);
      expect(a.reason).toContain(String(limit));
      expectMention(c.reason, `${name} ${high}`);
      expect(c.reason).toMatch(/hepatologist must attest/i);
      expect(byId(evaluation, "I.A.8.b").status).toBe("met");
    });

    it("with the attestation not answered: 8.a and 8.c are missing", () => {
      const evaluation = run(abnormal(undefined));
      const a = byId(evaluation, "I.A.8.a");
      const c = byId(evaluation, "I.A.8.c");
      expect(a.status).toBe("missing");
      expect(c.status).toBe("missing");
      expectMention(a.reason, `${name} ${high}`);
      expect(c.reason).toMatch(/hepatologist/i);
    });
  });

  it.each(ANALYTES)("is missing when %s is not entered, and names it", (key, name) => {
    const c = byId(
      run(
        withLiver((l) => {
          if (l.enzymes) Reflect.deleteProperty(l.enzymes, key);
        }),
      ),
      "I.A.8.a",
    );
    expect(c.status).toBe("missing");
    expect(c.reason).toContain(name);
  });

  it.each([
    ["value", { upperLimit: 56 }],
    ["upper limit", { value: 30 }],
  ])("is missing when ALT has no %s", (_, alt) => {
    const c = byId(
      run(
        withLiver((l) => {
          if (l.enzymes) l.enzymes.alt = alt;
        }),
      ),
      "I.A.8.a",
    );
    expect(c.status).toBe("missing");
    expect(c.reason).toContain("ALT");
  });

  it("is missing when the panel has no date", () => {
    const c = byId(
      run(
        withLiver((l) => {
          if (l.enzymes) delete l.enzymes.date;
        }),
      ),
      "I.A.8.a",
    );
    expect(c.status).toBe("missing");
    expect(c.reason).toMatch(/date/i);
  });

  it("is missing when no enzymes are entered", () => {
    const c = byId(
      run(
        withLiver((l) => {
          delete l.enzymes;
        }),
      ),
      "I.A.8.a",
    );
    expect(c.status).toBe("missing");
  });

  it.each([true, false, undefined])(
    "a stale abnormal panel is not met and does not trigger 8.c (attestation %s)",
    (attestation) => {
      const doc = withLiver((l) => {
        if (l.enzymes) {
          l.enzymes.date = "2026-08-26";
          l.enzymes.alt = { value: 90, upperLimit: 56 };
        }
        if (attestation === undefined) delete l.hepatologistAttestation;
        else l.hepatologistAttestation = attestation;
      });
      const evaluation = run(doc);
      const a = byId(evaluation, "I.A.8.a");
      expect(a.status).toBe("not_met");
      expect(a.reason).toContain("2026-08-26");
      expect(a.reason).toContain("2026-08-27 or later");
      expect(byId(evaluation, "I.A.8.c").status).toBe("not_applicable");
    },
  );

  it("is valid through the last day the panel stays within 3 months", () => {
    expect(run(eligible()).validThroughByCriterion?.["I.A.8.a"]).toBe("2027-01-20");
  });
});

describe("I.A.8.b normal hepatic ultrasound and elastography in the last 3 months", () => {
  it("is met when both are normal and recent, naming both dates", () => {
    const c = byId(
      run(
        withLiver((l) => {
          l.ultrasound = { date: "2026-10-21", result: "normal" };
          l.elastography = { date: "2026-09-30", result: "normal" };
        }),
      ),
      "I.A.8.b",
    );
    expect(c.status).toBe("met");
    expect(c.reason).toContain("2026-10-21");
    expect(c.reason).toContain("2026-09-30");
  });

  describe.each(["ultrasound", "elastography"] as const)("the %s", (study) => {
    it("is missing when absent, and named", () => {
      const c = byId(
        run(
          withLiver((l) => {
            Reflect.deleteProperty(l, study);
          }),
        ),
        "I.A.8.b",
      );
      expect(c.status).toBe("missing");
      expect(c.reason).toContain(study);
    });

    it.each([
      ["date", { result: "normal" as const }],
      ["result", { date: "2026-10-21" }],
    ])("is missing without its %s", (_, value) => {
      const c = byId(
        run(
          withLiver((l) => {
            l[study] = value;
          }),
        ),
        "I.A.8.b",
      );
      expect(c.status).toBe("missing");
      expect(c.reason).toContain(study);
    });

    it("counts on the first day of the window (2026-08-27)", () => {
      const c = byId(
        run(
          withLiver((l) => {
            l[study] = { date: "2026-08-27", result: "normal" };
          }),
        ),
        "I.A.8.b",
      );
      expect(c.status).toBe("met");
    });

    it("is not met when stale, naming its date and the first date that counts", () => {
      const c = byId(
        run(
          withLiver((l) => {
            l[study] = { date: "2026-08-26", result: "normal" };
          }),
        ),
        "I.A.8.b",
      );
      expect(c.status).toBe("not_met");
      expect(c.reason).toContain(study);
      expect(c.reason).toContain("2026-08-26");
      expect(c.reason).toContain("2026-08-27 or later");
    });

    it.each([
      [true, "met"],
      [false, "not_met"],
      [undefined, "missing"],
    ] as const)("abnormal and recent takes 8.c's status (attestation %s → %s)", (attestation, status) => {
      const evaluation = run(
        withLiver((l) => {
          l[study] = { date: "2026-10-21", result: "abnormal" };
          if (attestation === undefined) delete l.hepatologistAttestation;
          else l.hepatologistAttestation = attestation;
        }),
      );
      const b = byId(evaluation, "I.A.8.b");
      const c = byId(evaluation, "I.A.8.c");
      expect(c.status).toBe(status);
      expect(b.status).toBe(status);
      expectMention(b.reason, `abnormal ${study}`);
      expectMention(c.reason, `abnormal ${study}`);
      if (status === "met") expect(b.reason).toMatch(/hepatologist attests/i);
      expect(byId(evaluation, "I.A.8.a").status).toBe("met");
    });

    it("abnormal but stale is not met and does not trigger 8.c", () => {
      const evaluation = run(
        withLiver((l) => {
          l[study] = { date: "2026-07-01", result: "abnormal" };
          l.hepatologistAttestation = true;
        }),
      );
      expect(byId(evaluation, "I.A.8.b").status).toBe("not_met");
      expect(byId(evaluation, "I.A.8.b").reason).toContain("2026-07-01");
      expect(byId(evaluation, "I.A.8.c").status).toBe("not_applicable");
    });
  });

  it.each([
    ["2026-08-31", "2026-10-21", "2026-11-30"],
    ["2026-10-21", "2026-09-15", "2026-12-15"],
    ["2026-10-21", "2026-10-21", "2027-01-21"],
  ])(
    "ultrasound %s and elastography %s are valid through %s (the earlier study's last day)",
    (ultrasound, elastography, last) => {
      const evaluation = run(
        withLiver((l) => {
          l.ultrasound = { date: ultrasound, result: "normal" };
          l.elastography = { date: elastography, result: "normal" };
        }),
      );
      expect(byId(evaluation, "I.A.8.b").status).toBe("met");
      expect(evaluation.validThroughByCriterion?.["I.A.8.b"]).toBe(last);
    },
  );
});

describe("I.A.8.c hepatologist attestation when a recent liver result is abnormal", () => {
  it.each([true, false, undefined])("does not apply when every result is normal (attestation %s)", (attestation) => {
    const c = byId(
      run(
        withLiver((l) => {
          if (attestation === undefined) delete l.hepatologistAttestation;
          else l.hepatologistAttestation = attestation;
        }),
      ),
      "I.A.8.c",
    );
    expect(c.status).toBe("not_applicable");
  });

  it("names every recent abnormality, and one attestation covers them all", () => {
    const evaluation = run(
      withLiver((l) => {
        if (l.enzymes) l.enzymes.ast = { value: 75, upperLimit: 40 };
        l.elastography = { date: "2026-10-21", result: "abnormal" };
        l.hepatologistAttestation = true;
      }),
    );
    const c = byId(evaluation, "I.A.8.c");
    expect(c.status).toBe("met");
    expect(c.reason).toContain("AST 75");
    expect(c.reason).toContain("elastography");
    expect(byId(evaluation, "I.A.8.a").status).toBe("met");
    expect(byId(evaluation, "I.A.8.b").status).toBe("met");
    expect(evaluation.outcome).toBe("meets_criteria");
  });
});

describe("month-end clamping of the 3-month window", () => {
  /** A valid document as of `requestDate`, with every liver study on `studyDate`. */
  const asOf = (requestDate: string, studyDate: string): RequestDocument =>
    eligible((d) => {
      d.requestDate = requestDate;
      d.bleeds = [{ date: "2023-09-14", site: "joint", spontaneous: true }];
      d.prophylaxis = { product: "Alprolix", startDate: "2022-06-01", adherenceDocumented: true };
      d.inhibitor = { historyOfInhibitor: false, assays: [{ date: firstOfMonth(requestDate), bethesdaUnits: 0.2 }] };
      d.liver = {
        enzymes: {
          date: studyDate,
          alt: { value: 30, upperLimit: 56 },
          ast: { value: 25, upperLimit: 40 },
          alp: { value: 80, upperLimit: 129 },
          totalBilirubin: { value: 0.8, upperLimit: 1.2 },
        },
        ultrasound: { date: studyDate, result: "normal" },
        elastography: { date: studyDate, result: "normal" },
        hepatologistAttestation: false,
      };
    });

  it.each([
    ["2026-05-31", "2026-02-28", "met"],
    ["2026-05-31", "2026-02-27", "not_met"],
    ["2024-05-31", "2024-02-29", "met"],
    ["2024-05-31", "2024-02-28", "not_met"],
    ["2026-11-30", "2026-08-30", "met"],
    ["2026-11-30", "2026-08-29", "not_met"],
    ["2026-12-31", "2026-09-30", "met"],
    ["2026-12-31", "2026-09-29", "not_met"],
  ] as const)("as of %s, studies on %s are %s", (requestDate, studyDate, status) => {
    const evaluation = run(asOf(requestDate, studyDate));
    expect(byId(evaluation, "I.A.8.a").status).toBe(status);
    expect(byId(evaluation, "I.A.8.b").status).toBe(status);
    expect(byId(evaluation, "I.A.8.a").reason).toContain(studyDate);
    expect(byId(evaluation, "I.A.8.b").reason).toContain(studyDate);
    if (status === "met") expect(evaluation.outcome).toBe("meets_criteria");
  });

  it("a study on 2026-02-28 stays valid through 2026-05-31", () => {
    const evaluation = run(asOf("2026-04-15", "2026-02-28"));
    expect(evaluation.validThroughByCriterion?.["I.A.8.a"]).toBe("2026-05-31");
    expect(evaluation.validThroughByCriterion?.["I.A.8.b"]).toBe("2026-05-31");
  });
});

/** The first day of the request date's month: a date inside any 12-month window as of it. */
function firstOfMonth(requestDate: string): string {
  return `${requestDate.slice(0, 8)}01`;
}
