// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commercialDraft, renderInForm } from "@/web/test-support/render-in-form";
import { stubScrollIntoView } from "@/web/test-support/scroll-into-view";
import type { StepId } from "../steps";
import { StepPage, flattenErrors } from "./step-page";
import { MemberStep } from "./steps/member-step";
import { PrescriberStep } from "./steps/prescriber-step";
import { InhibitorStep } from "./steps/inhibitor-step";
import { ProphylaxisStep } from "./steps/prophylaxis-step";
import { DoseStep } from "./steps/dose-step";
import { datePartsFromIso } from "@/web/lib/date-parts";

stubScrollIntoView();

beforeEach(() => {
  document.title = "";
});

function renderPage(step: StepId, questions: ReactNode, draft = commercialDraft()) {
  const onContinue = vi.fn();
  const { user } = renderInForm(
    <StepPage step={step} onContinue={onContinue} backHref="/request/previous">
      {questions}
    </StepPage>,
    draft,
  );
  return { onContinue, user };
}

const BAD_NPI_MESSAGE = "Prescriber's NPI must be 10 digits with a correct check digit";

describe("StepPage", () => {
  it("shows the page's place, title and questions, and no error summary before Continue", () => {
    renderPage("prescriber", <PrescriberStep />);
    expect(screen.getByText("Step 3 of 10")).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1, name: "Prescriber" })).toBeInTheDocument();
    expect(screen.getByRole("form", { name: "Prescriber" })).toBeInTheDocument();
    expect(screen.getByLabelText("Prescriber's NPI")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.queryByText("There is a problem")).not.toBeInTheDocument();
    expect(document.title).toBe("Prescriber – Hemgenix prior authorization");
  });

  it("shows no error summary while an invalid value is typed, before Continue", async () => {
    const { user } = renderPage("prescriber", <PrescriberStep />);
    await user.type(screen.getByLabelText("Prescriber's NPI"), "1234567890");
    expect(screen.queryByText("There is a problem")).not.toBeInTheDocument();
    expect(screen.getByLabelText("Prescriber's NPI")).not.toHaveAttribute("aria-invalid");
    expect(document.title).not.toMatch(/^Error: /);
  });

  it("after Continue with an invalid value: summary focused, title marked, link to the field, value kept", async () => {
    const { user, onContinue } = renderPage("prescriber", <PrescriberStep />);
    const npi = screen.getByLabelText("Prescriber's NPI");
    await user.type(npi, "1234567890");
    await user.click(screen.getByRole("button", { name: "Continue" }));

    const summary = await screen.findByRole("alert", { name: "There is a problem" });
    await waitFor(() => expect(summary).toHaveFocus());
    expect(document.title).toBe("Error: Prescriber – Hemgenix prior authorization");
    const link = within(summary).getByRole("link", { name: BAD_NPI_MESSAGE });
    expect(link).toHaveAttribute("href", "#f-prescriber-npi");
    expect(npi).toHaveAttribute("id", "f-prescriber-npi");
    expect(npi).toHaveValue("1234567890");
    expect(npi).toHaveAttribute("aria-invalid", "true");
    expect(npi).toHaveAccessibleDescription(/10 digits Error: ?Prescriber's NPI must be 10 digits/);
    expect(onContinue).not.toHaveBeenCalled();

    await user.click(link);
    expect(npi).toHaveFocus();
    expect(npi).toHaveValue("1234567890");
  });

  it("focuses the summary again on each Continue that still has errors", async () => {
    const { user } = renderPage("prescriber", <PrescriberStep />);
    const npi = screen.getByLabelText("Prescriber's NPI");
    await user.type(npi, "1234567890");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    const summary = await screen.findByRole("alert");
    await waitFor(() => expect(summary).toHaveFocus());
    await user.click(npi);
    expect(summary).not.toHaveFocus();
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await waitFor(() => expect(screen.getByRole("alert")).toHaveFocus());
  });

  it("continues once the value is corrected", async () => {
    const { user, onContinue } = renderPage("prescriber", <PrescriberStep />);
    const npi = screen.getByLabelText("Prescriber's NPI");
    await user.type(npi, "1234567890");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await screen.findByRole("alert");
    expect(onContinue).not.toHaveBeenCalled();
    await user.clear(npi);
    await user.type(npi, "1234567893");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await waitFor(() => expect(onContinue).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(document.title).toBe("Prescriber – Hemgenix prior authorization");
  });

  it("continues with only blanks (a request is filled in over time)", async () => {
    const { user, onContinue } = renderPage("member", <MemberStep />);
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await waitFor(() => expect(onContinue).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(document.title).toBe("Member – Hemgenix prior authorization");
  });

  it("continues when the only invalid answers are on other pages", async () => {
    const { user, onContinue } = renderPage(
      "member",
      <MemberStep />,
      commercialDraft((d) => {
        d.exposureDays = "lots";
        d.prescriber.npi = "1234567890";
      }),
    );
    await user.type(screen.getByLabelText("First name"), "Ada");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await waitFor(() => expect(onContinue).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("lists every invalid answer of the page, in the order of the questions", async () => {
    const { user, onContinue } = renderPage("member", <MemberStep />);
    await user.type(screen.getByLabelText("Weight value"), "eighty");
    await user.type(screen.getByLabelText("Member ID"), "M".repeat(41));
    await user.click(screen.getByRole("button", { name: "Continue" }));
    const summary = await screen.findByRole("alert");
    expect(
      within(summary)
        .getAllByRole("link")
        .map((a) => a.getAttribute("href")),
    ).toEqual(["#f-member-memberId", "#f-member-weight-value"]);
    expect(screen.getByLabelText("Member ID")).toHaveValue("M".repeat(41));
    expect(screen.getByLabelText("Weight value")).toHaveValue("eighty");
    expect(onContinue).not.toHaveBeenCalled();
  });

  it("links an error in an inhibitor assay to that assay's input", async () => {
    const { user, onContinue } = renderPage(
      "inhibitor",
      <InhibitorStep />,
      commercialDraft((d) => {
        d.inhibitor.assaysOnRecord = "yes";
        d.inhibitor.assays = [
          { date: datePartsFromIso("2026-10-02"), bethesdaUnits: "0.2" },
          { date: datePartsFromIso("2026-10-09"), bethesdaUnits: "-1" },
        ];
      }),
    );
    await user.click(screen.getByRole("button", { name: "Continue" }));
    const summary = await screen.findByRole("alert");
    const link = within(summary).getByRole("link", { name: /Bethesda units/ });
    expect(link).toHaveAttribute("href", "#f-inhibitor-assays-1-bethesdaUnits");
    expect(document.getElementById("f-inhibitor-assays-1-bethesdaUnits")).toHaveAttribute("aria-invalid", "true");
    expect(onContinue).not.toHaveBeenCalled();
  });

  it("links an error in a bleeding episode to that episode's input (Continue must not fail silently)", async () => {
    const { user } = renderPage(
      "prophylaxis",
      <ProphylaxisStep />,
      commercialDraft((d) => {
        d.bleedsOnRecord = "yes";
        d.bleeds = [
          { date: datePartsFromIso("2025-09-14"), site: "joint", spontaneous: "yes" },
          { date: datePartsFromIso("2026-11-28"), site: "muscle", spontaneous: "no" },
        ];
      }),
    );
    await user.click(screen.getByRole("button", { name: "Continue" }));
    const summary = await screen.findByRole("alert");
    const link = within(summary).getByRole("link", {
      name: "Bleed date must be the same as or before the request date, 27 Nov 2026",
    });
    expect(link).toHaveAttribute("href", "#f-bleeds-1-date");
    await user.click(link);
    expect(document.getElementById("f-bleeds-1-date")).toHaveFocus();
  });

  it("stops Continue on an impossible date (30 2 1990), keeps it as typed, and links to its Day box", async () => {
    const { user, onContinue } = renderPage("member", <MemberStep />);
    const dateOfBirth = screen.getByRole("group", { name: "Date of birth" });
    const day = within(dateOfBirth).getByRole("textbox", { name: "Day" });
    await user.type(day, "30");
    await user.type(within(dateOfBirth).getByRole("textbox", { name: "Month" }), "2");
    await user.type(within(dateOfBirth).getByRole("textbox", { name: "Year" }), "1990");
    await user.click(screen.getByRole("button", { name: "Continue" }));

    const summary = await screen.findByRole("alert", { name: "There is a problem" });
    const link = within(summary).getByRole("link", { name: "Date of birth must be a real date" });
    expect(link).toHaveAttribute("href", "#f-member-dateOfBirth");
    expect(dateOfBirth).toHaveAccessibleDescription(/For example, 27 3 2007 Error: ?Date of birth must be a real date/);
    expect(onContinue).not.toHaveBeenCalled();
    expect(day).toHaveValue("30");
    expect(day).toHaveAttribute("aria-invalid", "true");
    await user.click(link);
    expect(day).toHaveFocus();
  });

  it.each([
    [["30", "2", ""], "Date of birth must include a year", ["Year"]],
    [["", "", "1990"], "Date of birth must include a day and month", ["Day", "Month"]],
    [["30", "", "1990"], "Date of birth must include a month", ["Month"]],
    [["12", "4", "85"], "Date of birth must include a year of 4 numbers, like 2007", ["Day", "Month", "Year"]],
    [["12", "13", "1985"], "Date of birth must be a real date", ["Month"]],
    [["29", "2", "2027"], "Date of birth must be a real date", ["Day"]],
  ])("names what a partly typed date lacks: %j → %s, marking only those boxes", async (typed, message, marked) => {
    const { user } = renderPage("member", <MemberStep />);
    const dateOfBirth = screen.getByRole("group", { name: "Date of birth" });
    const boxes = ["Day", "Month", "Year"].map((name) => within(dateOfBirth).getByRole("textbox", { name }));
    for (const [i, text] of typed.entries()) if (text !== "") await user.type(boxes[i] ?? document.body, text);
    await user.click(screen.getByRole("button", { name: "Continue" }));
    const summary = await screen.findByRole("alert", { name: "There is a problem" });
    expect(within(summary).getByRole("link", { name: message })).toHaveAttribute("href", "#f-member-dateOfBirth");
    const invalid = boxes.filter((box) => box.getAttribute("aria-invalid") === "true").map((box) => box.id);
    expect(invalid).toEqual(
      marked.map((name) => (name === "Day" ? "f-member-dateOfBirth" : `f-member-dateOfBirth-${name.toLowerCase()}`)),
    );
  });

  it("lets a blank date through: Continue never demands an answer", async () => {
    const { user, onContinue } = renderPage("member", <MemberStep />);
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await waitFor(() => expect(onContinue).toHaveBeenCalledTimes(1));
  });

  it("refuses a dose in exponent notation (2e13 would be 2 × 10^26) and shows the accepted form", async () => {
    const { user, onContinue } = renderPage("dose", <DoseStep />);
    const dose = screen.getByLabelText("Requested dose");
    await user.clear(dose);
    await user.type(dose, "2e13");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    const summary = await screen.findByRole("alert", { name: "There is a problem" });
    const message = "Enter the dose as a number of 10^13 genome copies per kg, like 2";
    expect(within(summary).getByRole("link", { name: message })).toHaveAttribute("href", "#f-dose-requestedGcPerKg");
    expect(dose).toHaveValue("2e13");
    expect(onContinue).not.toHaveBeenCalled();
  });

  it("goes back with the back link, a real link to the previous page (not a button)", async () => {
    window.history.replaceState(null, "", "/request/member");
    vi.spyOn(window, "scrollTo").mockImplementation(() => undefined);
    const { user, onContinue } = renderPage("member", <MemberStep />);
    expect(screen.queryByRole("button", { name: "Back" })).not.toBeInTheDocument();
    const back = screen.getByRole("link", { name: "Back" });
    expect(back).toHaveAttribute("href", "/request/previous");
    await user.click(back);
    expect(window.location.pathname).toBe("/request/previous");
    expect(onContinue).not.toHaveBeenCalled();
  });
});

describe("flattenErrors", () => {
  it("lists nested errors by input id", () => {
    expect(
      flattenErrors({
        member: { dateOfBirth: { type: "schema", message: "bad date" } },
        bleeds: { 0: { date: { type: "schema", message: "too late" } } },
      }),
    ).toEqual([
      { fieldId: "f-member-dateOfBirth", message: "bad date" },
      { fieldId: "f-bleeds-0-date", message: "too late" },
    ]);
  });
});
