import { describe, expect, it } from "vitest";
import { eligible } from "@fixtures";
import { evaluate, validateRequestDocument } from "@/criteria";

describe("eligible example", () => {
  it("meets the criteria", () => {
    const result = validateRequestDocument(eligible());
    expect(result.ok).toBe(true);
    if (result.ok) expect(evaluate(result.document).outcome).toBe("meets_criteria");
  });
});
