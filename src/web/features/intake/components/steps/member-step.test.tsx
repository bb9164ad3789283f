// @vitest-environment jsdom
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderInForm } from "@/web/test-support/render-in-form";
import { MemberStep } from "./member-step";

const renderStep = () => renderInForm(<MemberStep />);

describe("MemberStep", () => {
  it("asks who the member is and their weight", () => {
    renderStep();
    for (const label of ["First name", "Last name", "Member ID", "Weight value"])
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    const dateOfBirth = screen.getByRole("group", { name: "Date of birth" });
    expect(dateOfBirth).toHaveAccessibleDescription("For example, 27 3 2007");
    for (const part of ["Day", "Month", "Year"])
      expect(within(dateOfBirth).getByRole("textbox", { name: part })).toHaveAttribute("inputmode", "numeric");
    expect(within(screen.getByRole("group", { name: "Unit" })).getByRole("radio", { name: "kg" })).toBeChecked();
  });

  it("shows a weight in pounds in kilograms, and nothing for text that is not a weight", async () => {
    const { user } = renderStep();
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
