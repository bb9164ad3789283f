// @vitest-environment jsdom
import { act, screen } from "@testing-library/react";
import { useFormContext, useWatch } from "react-hook-form";
import { afterEach, describe, expect, it } from "vitest";
import type { RequestDocument } from "@/criteria";
import { addRecordMarks, clearRecordMarks, recordMarks, stillHolds, useRecordMarks } from "@/web/lib/record-provenance";
import { renderInForm, testDraft } from "@/web/test-support/render-in-form";
import { DateInput } from "./date-input";
import { TextField } from "./form-fields";
import { ProvenanceList } from "./provenance-list";
import { standingProvenance } from "./wizard-summary";

/** The summary's list as the wizard gives it (wizard-summary.tsx), over the form's answers. */
function RecordProvenanceList() {
  const { control } = useFormContext();
  const values: unknown = useWatch({ control });
  const marks = useRecordMarks().filter((mark) => stillHolds(mark, values));
  return <ProvenanceList provenance={standingProvenance(marks, values as RequestDocument)} />;
}

afterEach(() => clearRecordMarks());

const source = { reference: "Observation/abc", date: "2026-10-20", display: "ALT 70 U/L" };

function renderFilled() {
  const draft = testDraft((d) => {
    d.liver.enzymes.alt.value = "70";
    d.member.dateOfBirth = { day: "10", month: "1", year: "1990" };
  });
  const rendered = renderInForm(
    <>
      <TextField name="liver.enzymes.alt.value" label="ALT" />
      <DateInput name="member.dateOfBirth" legend="Date of birth" />
      <TextField name="member.firstName" label="First name" />
      <RecordProvenanceList />
    </>,
    draft,
  );
  act(() =>
    addRecordMarks([
      { path: "liver.enzymes.alt.value", label: "ALT", display: "70 U/L", source, applied: '"70"' },
      {
        path: "member.dateOfBirth",
        label: "Date of birth",
        display: "10 Jan 1990",
        source: { reference: "Patient/p1", display: "Ada" },
        applied: JSON.stringify(draft.member.dateOfBirth),
      },
    ]),
  );
  return rendered;
}

describe("the 'From the patient's record' marks", () => {
  it("shows the source beside each filled answer and lists them for the summary", () => {
    renderFilled();
    expect(screen.getAllByText("From the patient's record:").map((m) => m.parentElement?.textContent)).toEqual([
      "From the patient's record: Observation/abc, 20 Oct 2026",
      "From the patient's record: Patient/p1",
    ]);
    expect(screen.getByRole("region", { name: "Filled from the patient's record" })).toHaveTextContent(
      "ALT: 70 U/L (Observation/abc, 20 Oct 2026)",
    );
  });

  it("drops a mark for good once its answer is edited, and keeps the others", async () => {
    const { user } = renderFilled();
    await user.type(screen.getByLabelText("ALT"), "5");
    expect(screen.getAllByText("From the patient's record:")).toHaveLength(1);
    expect(recordMarks().map((m) => m.path)).toEqual(["member.dateOfBirth"]);
    // Typing the same value back does not bring the mark back: the answer is the person's now.
    await user.type(screen.getByLabelText("ALT"), "{Backspace}");
    expect(recordMarks().map((m) => m.path)).toEqual(["member.dateOfBirth"]);
    expect(screen.getByRole("region", { name: "Filled from the patient's record" })).not.toHaveTextContent("ALT");
  });

  it("keeps the marks in this browser's storage, apart from the draft", () => {
    renderFilled();
    const stored = JSON.parse(localStorage.getItem("hemgenix-pa:record-provenance:v1") ?? "[]") as { path: string }[];
    expect(stored.map((m) => m.path)).toEqual(["liver.enzymes.alt.value", "member.dateOfBirth"]);
  });
});
