// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { stubScrollIntoView } from "@/web/test-support/scroll-into-view";
import { ErrorSummary, type SummaryError } from "./error-summary";

const ERRORS: SummaryError[] = [
  { fieldId: "f-member-dateOfBirth", message: "2026-02-30 is not a real date" },
  { fieldId: "f-member-weight-value", message: "Weight must be a number" },
];

const scrollIntoView = stubScrollIntoView();

beforeEach(() => {
  window.location.hash = "";
});

function Page({ errors, focusKey }: { errors: readonly SummaryError[]; focusKey: number }) {
  return (
    <>
      <button type="button">Elsewhere</button>
      <ErrorSummary errors={errors} focusKey={focusKey} />
      <label htmlFor="f-member-dateOfBirth">Date of birth</label>
      <input id="f-member-dateOfBirth" />
      <label htmlFor="f-member-weight-value">Weight</label>
      <input id="f-member-weight-value" />
    </>
  );
}

describe("ErrorSummary", () => {
  it("shows nothing without errors", () => {
    const { container } = render(<ErrorSummary errors={[]} focusKey={1} />);
    expect(container).toBeEmptyDOMElement();
  });

  it("is an alert titled 'There is a problem' with a link to each field", () => {
    render(<Page errors={ERRORS} focusKey={0} />);
    const summary = screen.getByRole("alert", { name: "There is a problem" });
    expect(summary).toHaveAttribute("tabindex", "-1");
    const links = screen.getAllByRole("link");
    expect(links.map((link) => [link.textContent, link.getAttribute("href")])).toEqual([
      ["2026-02-30 is not a real date", "#f-member-dateOfBirth"],
      ["Weight must be a number", "#f-member-weight-value"],
    ]);
  });

  it("does not take focus while focusKey is 0", () => {
    render(<Page errors={ERRORS} focusKey={0} />);
    expect(screen.getByRole("alert")).not.toHaveFocus();
  });

  it("takes focus when it appears with a focusKey, and again each time focusKey increases", async () => {
    const user = userEvent.setup();
    const { rerender } = render(<Page errors={ERRORS} focusKey={1} />);
    const summary = screen.getByRole("alert");
    expect(summary).toHaveFocus();

    await user.click(screen.getByRole("button", { name: "Elsewhere" }));
    expect(summary).not.toHaveFocus();
    rerender(<Page errors={ERRORS} focusKey={1} />);
    expect(summary).not.toHaveFocus();

    rerender(<Page errors={ERRORS} focusKey={2} />);
    expect(summary).toHaveFocus();
  });

  it("moves focus to the field when a link is clicked, without changing the address", async () => {
    const user = userEvent.setup();
    render(<Page errors={ERRORS} focusKey={1} />);
    await user.click(screen.getByRole("link", { name: "Weight must be a number" }));
    expect(screen.getByLabelText("Weight")).toHaveFocus();
    expect(scrollIntoView).toHaveBeenCalledWith({ block: "center" });
    expect(window.location.hash).toBe("");

    await user.click(screen.getByRole("link", { name: "2026-02-30 is not a real date" }));
    expect(screen.getByLabelText("Date of birth")).toHaveFocus();
  });

  it("leaves a link to a field that is not on the page as a plain link", async () => {
    const user = userEvent.setup();
    render(<ErrorSummary errors={[{ fieldId: "f-elsewhere", message: "Elsewhere is wrong" }]} focusKey={1} />);
    await user.click(screen.getByRole("link", { name: "Elsewhere is wrong" }));
    expect(window.location.hash).toBe("#f-elsewhere");
    expect(scrollIntoView).not.toHaveBeenCalled();
  });
});
