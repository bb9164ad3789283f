// @vitest-environment jsdom
/**
 * A keystroke re-renders only what it changes: inside the wizard's `DraftProvider`, the question
 * page never (its input is the form's, uncontrolled), the step list when a page's status changes
 * and the outcome line when the outcome changes, not on every key; the panel follows every change.
 */
import { act, screen, waitFor } from "@testing-library/react";
import { Profiler, type ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { OUTCOME_LABELS } from "@/criteria";
import { eligible } from "@/web/test-support/eligible";
import { renderInForm } from "@/web/test-support/render-in-form";
import { fromDocument } from "../draft";
import { useChecklist } from "../hooks/use-checklist";
import { DraftProvider } from "../hooks/use-draft";
import { EligibilityPanel, OutcomeLine } from "./eligibility-panel";
import { LiveStepList } from "./live-step-list";
import { ExposureDaysStep } from "./steps/exposure-days-step";
import { StepPage } from "./step-page";

/** What a step page's documents section reads: the checklist. */
function ChecklistTitles() {
  return (
    <ul aria-label="Checklist">
      {useChecklist().map((item) => (
        <li key={item.id}>{item.title}</li>
      ))}
    </ul>
  );
}

function renderWizardParts() {
  const renders = { steps: 0, outcome: 0, panel: 0, checklist: 0, question: 0 };
  const counted = (id: keyof typeof renders, children: ReactNode) => (
    <Profiler id={id} onRender={() => (renders[id] += 1)}>
      {children}
    </Profiler>
  );
  const rendered = renderInForm(
    (form) => (
      <DraftProvider control={form.control}>
        {counted("steps", <LiveStepList current="exposure-days" />)}
        {counted(
          "question",
          <StepPage step="exposure-days" onContinue={() => undefined} backHref="/x">
            <ExposureDaysStep />
          </StepPage>,
        )}
        {counted("outcome", <OutcomeLine />)}
        {counted("panel", <EligibilityPanel />)}
        {counted("checklist", <ChecklistTitles />)}
      </DraftProvider>
    ),
    fromDocument(eligible()),
  );
  return { ...rendered, renders };
}

const field = () => screen.getByLabelText("Cumulative factor IX exposure days");
const outcomeLine = () => screen.getByRole("region", { name: "Eligibility outcome" });
const stepsList = () => screen.getByRole("navigation", { name: "Steps of the request" });

describe("what a keystroke re-renders", () => {
  it("typing that changes neither a status nor the outcome re-renders the panel only, not the question page", async () => {
    const { user, renders } = renderWizardParts();
    expect(outcomeLine()).toHaveTextContent(OUTCOME_LABELS.meets_criteria.split(" — ")[0] ?? "");
    await user.clear(field());
    await user.type(field(), "150");
    const before = { ...renders };
    await user.type(field(), "1234"); // 1501, 15012, 150123, 1501234: all at least 150, the page complete
    expect(renders.panel - before.panel).toBeGreaterThanOrEqual(4);
    expect(renders.question - before.question).toBe(0);
    expect(renders.steps - before.steps).toBe(0);
    expect(renders.outcome - before.outcome).toBe(0);
    expect(renders.checklist - before.checklist).toBe(0);
  });

  it("the documents checklist re-renders when an item changes, not on every key", async () => {
    const { form, user, renders } = renderWizardParts();
    const checklist = () => screen.getByRole("list", { name: "Checklist" });
    expect(checklist()).toHaveTextContent("Factor IX exposure-day history");
    expect(checklist()).not.toHaveTextContent("Hematologist's consultation note");
    const before = renders.checklist;
    await user.type(field(), "5");
    expect(renders.checklist).toBe(before);
    // A prescriber who is not a hematologist needs the consultation note.
    act(() => form.setValue("prescriber.specialty", "other"));
    await waitFor(() => expect(checklist()).toHaveTextContent("Hematologist's consultation note"));
    expect(renders.checklist).toBeGreaterThan(before);
  });

  it("the outcome line and the step list re-render when what they show changes", async () => {
    const { user, renders } = renderWizardParts();
    await user.clear(field());
    await user.type(field(), "200");
    const before = { ...renders };
    await user.clear(field()); // no exposure days: the page is not started, the outcome is incomplete
    await waitFor(() => expect(outcomeLine()).toHaveTextContent(OUTCOME_LABELS.incomplete.split(" — ")[0] ?? ""));
    expect(renders.outcome).toBeGreaterThan(before.outcome);
    expect(renders.steps).toBeGreaterThan(before.steps);
    expect(stepsList()).toHaveTextContent("6. Exposure daysNot started");
    const afterClear = { ...renders };
    await user.type(field(), "9"); // below 150: does not meet
    await waitFor(() => expect(outcomeLine()).toHaveTextContent(OUTCOME_LABELS.does_not_meet.split(" — ")[0] ?? ""));
    expect(renders.outcome).toBeGreaterThan(afterClear.outcome);
  });
});
