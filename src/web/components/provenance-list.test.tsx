// @vitest-environment jsdom
/**
 * The printed "Filled from the patient's record" list (#12): on the request summary with the
 * answer, its value, the source and the date; nothing when no answer came from a record. And the
 * wizard sends only marks the document holds, in the contract's shape.
 */
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { evaluate } from "@/criteria";
import type { ProvenanceEntry } from "@/contract";
import { eligible } from "@/web/test-support/eligible";
import { RequestSummary } from "./request-summary";
import { standingProvenance } from "./wizard-summary";

const PROVENANCE: ProvenanceEntry[] = [
  {
    path: "liver.enzymes.alt.value",
    display: "30 U/L",
    source: { reference: "Observation/alt-1", date: "2026-10-20", display: "ALT 30 U/L, 20 Oct 2026" },
  },
  { path: "member.dateOfBirth", display: "3 Mar 1985", source: { reference: "Patient/p-1", display: "Patient" } },
  {
    path: "bleeds.0.date",
    display: "2 Sep 2026",
    source: { reference: "Condition/bleed-1", date: "2026-09-02", display: "Hemarthrosis" },
  },
];

function summary(provenance?: readonly ProvenanceEntry[]) {
  const document = eligible();
  return render(
    <RequestSummary
      document={document}
      evaluation={evaluate(document)}
      onBack={() => undefined}
      provenance={provenance}
    />,
  );
}

describe("the summary's list of answers filled from the patient's record", () => {
  it("lists each answer with its value, source reference and date, before the attestation", () => {
    summary(PROVENANCE);
    const list = screen.getByRole("region", { name: "Filled from the patient's record" });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual([
      "ALT: 30 U/L (Observation/alt-1, 20 Oct 2026)",
      "Date of birth: 3 Mar 1985 (Patient/p-1)",
      "Bleed date: 2 Sep 2026 (Condition/bleed-1, 2 Sep 2026)",
    ]);
    const attestation = screen.getByRole("region", { name: "Attestation" });
    expect(list.compareDocumentPosition(attestation) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("prints nothing when no answer came from a record", () => {
    for (const provenance of [undefined, []]) {
      const { unmount } = summary(provenance);
      expect(screen.queryByRole("region", { name: "Filled from the patient's record" })).toBeNull();
      expect(screen.queryByText(/patient's record/)).toBeNull();
      unmount();
    }
  });
});

describe("the provenance the wizard sends", () => {
  const mark = (entry: ProvenanceEntry) => ({ ...entry, label: "x", applied: '"x"' });

  it("leaves out marks for answers the document does not hold, and entries the contract would refuse", () => {
    const document = eligible();
    delete document.liver?.enzymes?.alt;
    const sent = standingProvenance(
      [
        ...PROVENANCE.map(mark),
        mark({ path: "member.firstName", display: "Ada", source: { reference: "urn:uuid:1", display: "Patient" } }),
      ],
      document,
    );
    expect(sent.map((entry) => entry.path)).toEqual(["member.dateOfBirth", "bleeds.0.date"]);
    // Only the contract's fields: the mark's label and applied value stay in this browser.
    expect(sent[0]).toEqual(PROVENANCE[1]);
  });
});
