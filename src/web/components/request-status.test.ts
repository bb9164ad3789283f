import { describe, expect, it } from "vitest";
import { OUTCOMES } from "@/criteria";
import { outcomeShort } from "./request-status";

describe("outcomeShort", () => {
  it("names every outcome in words, never its code", () => {
    expect(OUTCOMES.map(outcomeShort)).toEqual([
      "Meets criteria",
      "Does not meet criteria",
      "Incomplete",
      "Not authorized",
      "Refer to another policy",
    ]);
  });
});
