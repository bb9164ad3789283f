import { describe, expect, it } from "vitest";
import { eligible } from "@fixtures";
import { evaluate } from "./evaluate";
import { evaluationChanged, type Evaluation } from "./evaluation";

const base = (): Evaluation => evaluate(eligible());

describe("evaluationChanged", () => {
  it("is false for the same evaluation", () => {
    expect(evaluationChanged(base(), base())).toBe(false);
  });

  it("does not flag a reason worded differently under the same status", () => {
    const reworded = base();
    reworded.criteria = reworded.criteria.map((c, i) => (i === 0 ? { ...c, reason: `${c.reason} (reworded)` } : c));
    expect(evaluationChanged(base(), reworded)).toBe(false);
  });

  it("does not flag a change outside outcome and statuses (the validity date)", () => {
    expect(evaluationChanged(base(), { ...base(), validThrough: "2099-01-01" })).toBe(false);
  });

  it("flags a criterion whose status changed, even with the same outcome", () => {
    const changed = base();
    const [first] = changed.criteria;
    if (first === undefined) throw new Error("no criteria");
    changed.criteria = [{ ...first, status: first.status === "met" ? "missing" : "met" }, ...changed.criteria.slice(1)];
    expect(changed.outcome).toBe(base().outcome);
    expect(evaluationChanged(base(), changed)).toBe(true);
  });

  it("flags another outcome", () => {
    expect(evaluationChanged(base(), { ...base(), outcome: "incomplete" })).toBe(true);
  });

  it("flags a criterion added or gone", () => {
    const fewer = base();
    fewer.criteria = fewer.criteria.slice(1);
    expect(evaluationChanged(base(), fewer)).toBe(true);
    expect(evaluationChanged(fewer, base())).toBe(true);
  });
});
