// @vitest-environment jsdom
import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { eligible } from "@/web/test-support/eligible";
import { renderInForm } from "@/web/test-support/render-in-form";
import { fromDocument, type Draft } from "../draft";
import { CheckAnswers } from "./check-answers";

const renderCheck = (change: (draft: Draft) => void = () => undefined) => {
  const draft = fromDocument(eligible());
  change(draft);
  return renderInForm(<CheckAnswers onBack={vi.fn()} onContinue={vi.fn()} />, draft);
};

/** The answer shown beside `label` in the section `section`. */
function answer(section: string, label: string): HTMLElement {
  const region = screen.getByRole("region", { name: section });
  const term = within(region).getByText(label, { selector: "dt" });
  const value = term.nextElementSibling;
  if (!(value instanceof HTMLElement)) throw new Error(`no answer beside ${label}`);
  return value;
}

describe("CheckAnswers", () => {
  it("shows dates the readable way ('12 Apr 1985'), never YYYY-MM-DD", () => {
    renderCheck();
    expect(answer("Request", "Request date")).toHaveTextContent(/^27 Nov 2026$/);
    expect(answer("Member", "Date of birth")).toHaveTextContent(/^12 Apr 1985$/);
    expect(answer("Prophylaxis and bleeds", "Prophylaxis since")).toHaveTextContent(/^1 Jun 2023$/);
    expect(answer("Prophylaxis and bleeds", "Bleeding episodes")).toHaveTextContent(/^14 Sep 2025, /);
    expect(answer("Liver workup", "Enzymes drawn")).toHaveTextContent(/^20 Oct 2026$/);
    expect(screen.queryByText(/\d{4}-\d{2}-\d{2}/)).not.toBeInTheDocument();
  });

  it("gives each lab value and its upper limit their units", () => {
    renderCheck();
    expect(answer("Liver workup", "ALT")).toHaveTextContent(/^30 U\/L \(upper limit of normal 56 U\/L\)$/);
    expect(answer("Liver workup", "Total bilirubin")).toHaveTextContent(
      / mg\/dL \(upper limit of normal [\d.]+ mg\/dL\)$/,
    );
  });

  it("says a typed-but-impossible date needs correcting, never 'Not answered', and lists it as a problem", () => {
    renderCheck((d) => (d.member.dateOfBirth = { day: "30", month: "2", year: "1990" }));
    expect(answer("Member", "Date of birth")).toHaveTextContent("Needs correcting: Date of birth must be a real date");
    const problems = screen.getByRole("alert", { name: "There is a problem" });
    expect(within(problems).getByRole("link", { name: "Date of birth must be a real date" })).toHaveAttribute(
      "href",
      "/request/member?return=check#f-member-dateOfBirth",
    );
  });

  it("names each answer as the question did (one label per option)", () => {
    renderCheck((d) => {
      d.prescriber.specialty = "other";
      d.prophylaxis.product = "other";
    });
    expect(answer("Prescriber", "Specialty")).toHaveTextContent(/^Another specialty$/);
    expect(answer("Prophylaxis and bleeds", "Product")).toHaveTextContent(/^Another factor IX product$/);
    expect(answer("Liver workup", "Ultrasound")).toHaveTextContent(/^21 Oct 2026, Normal$/);
    expect(answer("Request", "Request type")).toHaveTextContent(/^Initial request$/);
  });
});
