// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FormProvider, useForm } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { emptyDraft, type Draft } from "../../draft";
import { draftResolver } from "../../draft-resolver";
import { MemberStep } from "./member-step";

function renderStep() {
  function Harness() {
    const form = useForm<Draft>({ defaultValues: emptyDraft("2026-11-27"), resolver: draftResolver });
    return (
      <FormProvider {...form}>
        <MemberStep />
      </FormProvider>
    );
  }
  render(<Harness />);
  return userEvent.setup();
}

describe("MemberStep", () => {
  it("asks who the member is and their weight", () => {
    renderStep();
    for (const label of ["First name", "Last name", "Member ID", "Date of birth", "Weight value"])
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    expect(within(screen.getByRole("group", { name: "Unit" })).getByRole("radio", { name: "kg" })).toBeChecked();
  });

  it("shows a weight in pounds in kilograms, and nothing for text that is not a weight", async () => {
    const user = renderStep();
    const weight = screen.getByLabelText("Weight value");
    await user.type(weight, "176");
    expect(screen.getByText("That is 176 kg.")).toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: "lb" }));
    expect(screen.getByText("That is 79.8 kg.")).toBeInTheDocument();
    await user.clear(weight);
    await user.type(weight, "heavy");
    expect(screen.queryByText(/^That is/)).not.toBeInTheDocument();
  });
});
