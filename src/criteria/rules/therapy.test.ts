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

describe("I.A.9 no prior gene therapy", () => {
  it.each([
    [false, "met", "meets_criteria"],
    [true, "not_met", "does_not_meet"],
    [undefined, "missing", "incomplete"],
  ] as const)("priorGeneTherapy %s is %s", (priorGeneTherapy, status, outcome) => {
    const evaluation = run(
      eligible((d) => {
        if (priorGeneTherapy === undefined) delete d.priorGeneTherapy;
        else d.priorGeneTherapy = priorGeneTherapy;
      }),
    );
    const c = byId(evaluation, "I.A.9");
    expect(c.status).toBe(status);
    expect(c.reason).toMatch(/gene therapy/i);
    expect(evaluation.outcome).toBe(outcome);
  });
});

describe("I.A.10 AAV5 neutralizing antibody titer of 1:678 or less", () => {
  type Aav5 = NonNullable<RequestDocument["aav5"]>;
  const withAav5 = (aav5: Aav5 | undefined): CriterionResult =>
    byId(
      run(
        eligible((d) => {
          if (aav5 === undefined) delete d.aav5;
          else d.aav5 = aav5;
        }),
      ),
      "I.A.10",
    );

  it("is met when antibodies are not detected", () => {
    const c = withAav5({ result: "not_detected" });
    expect(c.status).toBe("met");
    expect(c.reason).toMatch(/not detected/i);
  });

  it.each([
    [1, "met"],
    [300, "met"],
    [677, "met"],
    [678, "met"],
    [679, "not_met"],
    [5000, "not_met"],
  ] as const)("a detected titer of 1:%i is %s, and the reason names it", (titer, status) => {
    const c = withAav5({ result: "detected", titer });
    expect(c.status).toBe(status);
    expect(c.reason).toContain(`1:${titer}`);
    if (status === "not_met") expect(c.reason).toContain("1:678");
  });

  it("is missing when detected without a titer, and asks for it", () => {
    const c = withAav5({ result: "detected" });
    expect(c.status).toBe("missing");
    expect(c.reason).toMatch(/titer/i);
    expect(c.reason).toContain("1:678");
  });

  it("is missing when the result is not answered, even with a titer", () => {
    const c = withAav5({ titer: 300 });
    expect(c.status).toBe("missing");
    expect(c.reason).toContain("1:678");
  });

  it("is missing when the AAV5 block is absent", () => {
    expect(withAav5(undefined).status).toBe("missing");
  });

  it("makes the outcome does_not_meet when the titer is too high", () => {
    const evaluation = run(
      eligible((d) => {
        d.aav5 = { result: "detected", titer: 679 };
      }),
    );
    expect(evaluation.outcome).toBe("does_not_meet");
  });
});
