/** The rules a decision follows, shared by the reviewer's form and the server. */
import { describe, expect, it } from "vitest";
import { eligible } from "@fixtures";
import { decisionProblems, evaluate, type DecisionDraft } from "@/criteria";

const meets = evaluate(eligible());
const misses = evaluate(eligible((d) => (d.exposureDays = 149)));
const continuation = evaluate(eligible((d) => (d.requestType = "continuation")));
const draft = (change: Partial<DecisionDraft>): DecisionDraft => ({ kind: "", criteria: [], message: "", ...change });
const paths = (d: DecisionDraft, evaluation = meets) => decisionProblems(d, evaluation).map((p) => p.path);

describe("decisionProblems", () => {
  it("asks for a decision first", () => {
    expect(decisionProblems(draft({}), meets)).toEqual([{ path: "kind", message: "Choose a decision" }]);
  });

  it("approves a request that meets the criteria with or without a note", () => {
    expect(paths(draft({ kind: "approve" }))).toEqual([]);
    expect(paths(draft({ kind: "approve", message: "Checked the lab report." }))).toEqual([]);
  });

  it("needs the reason to approve a request that misses a criterion", () => {
    expect(paths(draft({ kind: "approve" }), misses)).toEqual(["message"]);
    expect(paths(draft({ kind: "approve", message: "   " }), misses)).toEqual(["message"]);
    expect(paths(draft({ kind: "approve", message: "9 more days in the infusion log." }), misses)).toEqual([]);
  });

  it("does not allow approving continued therapy, whatever is written", () => {
    const [problem] = decisionProblems(draft({ kind: "approve", message: "Override" }), continuation);
    expect(problem).toMatchObject({ path: "kind", notAllowed: true });
    expect(problem?.message).toMatch(/not authorized \(II\.A\)/);
  });

  it("needs a denial to cite criteria not met, and give reasons", () => {
    expect(paths(draft({ kind: "deny" }), misses)).toEqual(["criteria", "message"]);
    expect(paths(draft({ kind: "deny", criteria: ["I.A.6"], message: "Too few." }), misses)).toEqual([]);
    const [wrong] = decisionProblems(draft({ kind: "deny", criteria: ["I.A.6", "I.A.1"], message: "x" }), misses);
    expect(wrong?.path).toBe("criteria");
    expect(wrong?.message).toContain("I.A.1 is met or not applicable");
  });

  it("needs a request for more information to say what is needed", () => {
    expect(paths(draft({ kind: "request_info" }))).toEqual(["message"]);
    expect(paths(draft({ kind: "request_info", message: "The ultrasound report." }))).toEqual([]);
  });
});
