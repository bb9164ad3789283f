/** The authorization an approval gives, and the sentence the reviewer confirms. */
import { describe, expect, it } from "vitest";
import { eligible } from "@fixtures";
import { approvalSentence, auditActionText, authorizationPeriod, evaluate } from "@/criteria";

describe("authorizationPeriod", () => {
  it("runs 3 months from the decision date, the last day included, clamped at month ends", () => {
    expect(authorizationPeriod("2026-12-01")).toEqual({ from: "2026-12-01", through: "2027-02-28" });
    expect(authorizationPeriod("2026-11-30")).toEqual({ from: "2026-11-30", through: "2027-02-27" });
  });
});

describe("approvalSentence", () => {
  it("writes out the member, the period and the dose with volume and vials", () => {
    const doc = eligible();
    expect(approvalSentence(doc, evaluate(doc), authorizationPeriod("2026-12-01"))).toBe(
      "Approve Hemgenix for Ada Example: authorized 1 Dec 2026 to 28 Feb 2027, one dose of 2 × 10^13 gc/kg for 80 kg = 160 mL, 16 vials",
    );
  });
});

describe("auditActionText", () => {
  it("reads stored decision actions in words, old and new, and leaves other actions alone", () => {
    expect(auditActionText("decision: request_info")).toBe("requested more information");
    expect(auditActionText("decision: approve")).toBe("approved");
    expect(auditActionText("decision: deny")).toBe("denied");
    expect(auditActionText("requested more information")).toBe("requested more information");
    expect(auditActionText("viewed")).toBe("viewed");
  });
});
