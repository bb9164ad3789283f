// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Resource } from "@medplum/fhirtypes";
import { describe, expect, it, vi } from "vitest";
import type { ChecklistItem } from "@/criteria";
import { recordAttachments, testPatients, type RecordImport } from "@/fhir";
import { ReviewScreen } from "./review-screen";

const BASE = "https://ehr.example.org/fhir";
const resources: Resource[] = [
  ...(testPatients().eligible.bundle.entry ?? []).flatMap((e) => (e.resource === undefined ? [] : [e.resource])),
  {
    resourceType: "DocumentReference",
    id: "note",
    status: "current",
    content: [{ attachment: { contentType: "text/plain", title: "Clinic note", data: "aGk=" } }],
  },
];
const checklist: ChecklistItem[] = [
  { id: "liver-panel", title: "Liver panel: ALT, AST, ALP and total bilirubin", criteria: ["I.A.8.a"], required: true },
  { id: "liver-ultrasound", title: "Hepatic ultrasound report", criteria: ["I.A.8.b"], required: true },
];
const result: RecordImport = { patient: { reference: "Patient/p" }, answers: [], problems: [] };

function renderList(staff: boolean, base: string | null = BASE) {
  const onFill = vi.fn();
  render(
    <ReviewScreen
      headingRef={null}
      from="the FHIR server"
      result={result}
      items={[]}
      onFill={onFill}
      onCancel={vi.fn()}
      attachments={recordAttachments(resources, base === null ? {} : { serverBase: base })}
      staff={staff}
      checklistFor={() => checklist}
    />,
  );
  return { onFill, section: screen.getByRole("region", { name: "Documents in the record" }) };
}

describe("Documents in the record", () => {
  it("staff: a checkbox per accepted document; the other listed with why; the suggested item preselected", async () => {
    const { section } = renderList(true);
    const boxes = within(section).getAllByRole("checkbox");
    expect(boxes.map((b) => b.getAttribute("id"))).toHaveLength(2);
    expect(within(section).getByRole("checkbox", { name: "Liver ultrasound report" })).not.toBeChecked();
    expect(within(section).getByText(/Cannot be attached: its type \(text\/plain\) is not accepted/)).toBeVisible();
    expect(within(section).queryByRole("checkbox", { name: "Clinic note" })).toBeNull();
    await userEvent.click(within(section).getByRole("checkbox", { name: "Liver ultrasound report" }));
    expect(within(section).getByRole("combobox", { name: "This file supports" })).toHaveValue("liver-ultrasound");
  });

  it("a ticked document needs its item: the error summary links to the choice; then both go to onFill", async () => {
    const { section, onFill } = renderList(true);
    await userEvent.click(within(section).getByRole("checkbox", { name: "Liver panel lab report" }));
    await userEvent.click(screen.getByRole("button", { name: "Fill the request" }));
    expect(onFill).not.toHaveBeenCalled();
    const summary = screen.getByRole("link", { name: "Choose what Liver panel lab report supports, or untick it" });
    expect(summary).toHaveAttribute("href", "#record-document-1-item");
    await userEvent.selectOptions(within(section).getByRole("combobox", { name: "This file supports" }), "liver-panel");
    await userEvent.click(within(section).getByRole("checkbox", { name: "Liver ultrasound report" }));
    await userEvent.click(screen.getByRole("button", { name: "Fill the request" }));
    expect(onFill).toHaveBeenCalledTimes(1);
    const taken = onFill.mock.calls[0]?.[2] as { attachment: { reference: string }; item: { id: string } }[];
    expect(taken.map((t) => [t.attachment.reference, t.item.id])).toEqual([
      ["DocumentReference/eligible-ultrasound-report", "liver-ultrasound"],
      ["DocumentReference/eligible-lab-report", "liver-panel"],
    ]);
  });

  it("self-check: listed only, no checkbox, and nothing to fill from them", () => {
    const { section } = renderList(false);
    expect(within(section).queryAllByRole("checkbox")).toEqual([]);
    expect(within(section).getByText("Liver ultrasound report")).toBeVisible();
    expect(within(section).getByText(/nothing from the record leaves this browser/)).toBeVisible();
    expect(screen.queryByRole("button", { name: "Fill the request" })).toBeNull();
  });

  it("from a Bundle file, the lab report kept on the server cannot be attached, and says why", () => {
    const { section } = renderList(true, null);
    expect(within(section).getAllByRole("checkbox")).toHaveLength(1);
    expect(within(section).getByText(/a file can only carry a document inside it/)).toBeVisible();
  });
});
