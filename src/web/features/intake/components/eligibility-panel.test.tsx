// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import type { UseFormReturn } from "react-hook-form";
import { describe, expect, it } from "vitest";
import {
  CRITERION_IDS,
  formatDatesIn,
  OUTCOME_LABELS,
  STATUS_LABELS,
  evaluatePartial,
  type CriterionId,
  type CriterionStatus,
} from "@/criteria";
import { eligible } from "@/web/test-support/eligible";
import { stubScrollIntoView } from "@/web/test-support/scroll-into-view";
import { commercialDraft, renderInForm, testDraft } from "@/web/test-support/render-in-form";
import { fromDocument, toDocument, type Draft } from "../draft";
import { EligibilityPanel, OutcomeLine } from "./eligibility-panel";
import { DiagnosisStep } from "./steps/diagnosis-step";
import { ExposureDaysStep } from "./steps/exposure-days-step";
import { GeneTherapyStep } from "./steps/gene-therapy-step";
import { RequestStep } from "./steps/request-step";
import { datePartsFromIso } from "@/web/lib/date-parts";

function renderPanel(draft?: Draft) {
  return renderInForm(
    (form) => (
      <>
        <RequestStep />
        <DiagnosisStep />
        <ExposureDaysStep />
        <GeneTherapyStep />
        <EligibilityPanel control={form.control} />
      </>
    ),
    draft,
  );
}

const panel = (): HTMLElement => screen.getByRole("complementary", { name: "Eligibility so far" });
const liveRegion = (): Element => {
  const region = panel().querySelector("[aria-live]");
  if (region === null) throw new Error("no live region");
  return region;
};

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function criterionItem(id: CriterionId): HTMLElement {
  const link = within(panel()).getByRole("link", { name: new RegExp(`^${escape(id)} `) });
  const item = link.closest("li");
  if (item === null) throw new Error(`no list item for ${id}`);
  return item;
}

function shownStatus(id: CriterionId): CriterionStatus | undefined {
  const item = criterionItem(id);
  const statuses = (Object.keys(STATUS_LABELS) as CriterionStatus[]).filter(
    (status) => within(item).queryByText(STATUS_LABELS[status]) !== null,
  );
  return statuses.length === 1 ? statuses[0] : undefined;
}

/** The panel shows exactly the library's evaluation of the current values. */
async function expectPanelToMatch(form: UseFormReturn<Draft>, except: readonly CriterionId[] = []): Promise<void> {
  const evaluation = evaluatePartial(toDocument(form.getValues())).evaluation;
  if (evaluation === undefined) throw new Error("expected an evaluation");
  await waitFor(() =>
    expect(liveRegion()).toHaveTextContent(OUTCOME_LABELS[evaluation.outcome], { normalizeWhitespace: true }),
  );
  for (const criterion of evaluation.criteria.filter((c) => !except.includes(c.id))) {
    expect(shownStatus(criterion.id), criterion.id).toBe(criterion.status);
    expect(within(criterionItem(criterion.id)).getByText(formatDatesIn(criterion.reason))).toBeInTheDocument();
  }
}

describe("EligibilityPanel", () => {
  it("explains what to answer while no evaluation is possible (line of business not answered)", () => {
    renderPanel();
    expect(liveRegion()).toHaveTextContent(
      "Answer the request type, request date and line of business to see eligibility.",
    );
    expect(within(panel()).queryByRole("list")).not.toBeInTheDocument();
  });

  it("shows no problem on a fresh request: a blank answer is not answered yet, never 'needs correcting'", () => {
    renderPanel(testDraft());
    expect(within(panel()).queryByText(/needs? correcting/)).not.toBeInTheDocument();
  });

  it("explains what to answer while a required answer is invalid, and counts the answers to correct", () => {
    renderPanel(
      commercialDraft((d) => {
        d.requestDate = datePartsFromIso("2026-02-30");
      }),
    );
    expect(liveRegion()).toHaveTextContent(
      "Answer the request type, request date and line of business to see eligibility.",
    );
    expect(within(panel()).getByText("1 answer needs correcting; it is left out until then.")).toBeInTheDocument();
    expect(within(panel()).queryByRole("list")).not.toBeInTheDocument();
  });

  it("lists every criterion in policy order once the required answers are given", async () => {
    const { user, form } = renderPanel();
    await user.click(screen.getByRole("radio", { name: "Commercial" }));
    await expectPanelToMatch(form);
    const links = within(panel()).getAllByRole("link");
    expect(links.map((link) => link.textContent?.split(" ")[0])).toEqual([...CRITERION_IDS]);
    expect(liveRegion()).toHaveTextContent(OUTCOME_LABELS.incomplete);
    expect(shownStatus("I.A.1")).toBe("missing");
  });

  it("updates the outcome and each criterion as the answers change", async () => {
    const { user, form } = renderPanel();
    await user.click(screen.getByRole("radio", { name: "Commercial" }));

    await user.click(screen.getByRole("radio", { name: /^Congenital hemophilia B/ }));
    await expectPanelToMatch(form);
    expect(shownStatus("I.A.1")).toBe("met");
    expect(liveRegion()).toHaveTextContent(OUTCOME_LABELS.incomplete);

    await user.type(screen.getByLabelText("Baseline factor IX activity"), "5");
    await expectPanelToMatch(form);
    expect(shownStatus("I.A.4")).toBe("not_met");
    expect(liveRegion()).toHaveTextContent(OUTCOME_LABELS.does_not_meet);

    await user.clear(screen.getByLabelText("Baseline factor IX activity"));
    await user.type(screen.getByLabelText("Baseline factor IX activity"), "1");
    await expectPanelToMatch(form);
    expect(shownStatus("I.A.4")).toBe("met");

    await user.click(screen.getByRole("radio", { name: "Detected" }));
    await user.type(screen.getByLabelText("AAV5 neutralizing antibody titer"), "700");
    await expectPanelToMatch(form);
    expect(shownStatus("I.A.10")).toBe("not_met");

    await user.click(screen.getByRole("radio", { name: /^Continuation/ }));
    await expectPanelToMatch(form);
    expect(liveRegion()).toHaveTextContent(OUTCOME_LABELS.not_authorized);

    await user.click(screen.getByRole("radio", { name: "Another diagnosis or use" }));
    await expectPanelToMatch(form);
    expect(liveRegion()).toHaveTextContent(OUTCOME_LABELS.refer);
    expect(within(panel()).getByText(/Send this request under policy/)).toHaveTextContent("CP.CPA.09");
  });

  it("keeps evaluating the valid answers while one is invalid, and says it is left out", async () => {
    const { user, form } = renderPanel();
    await user.click(screen.getByRole("radio", { name: "Commercial" }));
    await user.type(screen.getByLabelText("Cumulative factor IX exposure days"), "lots");
    await expectPanelToMatch(form, ["I.A.6"]);
    expect(within(panel()).getByText("1 answer needs correcting; it is left out until then.")).toBeInTheDocument();
    // Typed but invalid is never "not answered": the criterion says its answer needs correcting, and how.
    const item = criterionItem("I.A.6");
    expect(within(item).queryByText(STATUS_LABELS.missing)).not.toBeInTheDocument();
    expect(within(item).getByText("Needs correcting")).toBeInTheDocument();
    expect(within(item).getByText("Enter the exposure days as a whole number, like 150")).toBeInTheDocument();
  });

  it("holds only the outcome in its live region", async () => {
    const { user } = renderPanel();
    await user.click(screen.getByRole("radio", { name: "Commercial" }));
    await user.type(screen.getByLabelText("Cumulative factor IX exposure days"), "lots");
    await waitFor(() => expect(liveRegion()).toHaveTextContent(OUTCOME_LABELS.incomplete));
    expect(panel().querySelectorAll("[aria-live]")).toHaveLength(1);
    expect(liveRegion().textContent).toBe(OUTCOME_LABELS.incomplete);
    expect(liveRegion().querySelectorAll("li, a")).toHaveLength(0);
  });

  it("shows the meets-criteria outcome, never 'approved', and the date the request stays valid", async () => {
    const { form } = renderPanel(fromDocument(eligible()));
    await expectPanelToMatch(form);
    expect(liveRegion().textContent).toBe(OUTCOME_LABELS.meets_criteria);
    expect(panel()).not.toHaveTextContent(/\bapproved\b/i);
    expect(within(panel()).getByText("Valid until 20 Jan 2027")).toBeInTheDocument();
  });

  it("links each criterion to its question", () => {
    renderPanel(fromDocument(eligible()));
    expect(within(criterionItem("I.A.6")).getByRole("link")).toHaveAttribute(
      "href",
      "/request/exposure-days#f-exposureDays",
    );
    expect(within(criterionItem("I.A.8.b")).getByRole("link")).toHaveAttribute(
      "href",
      "/request/liver#f-liver-ultrasound-result",
    );
  });

  it("never takes focus", async () => {
    const { user } = renderPanel();
    const days = screen.getByLabelText("Cumulative factor IX exposure days");
    await user.click(screen.getByRole("radio", { name: "Commercial" }));
    await user.type(days, "200");
    expect(days).toHaveFocus();
  });
});

describe("OutcomeLine (small screens)", () => {
  stubScrollIntoView();
  function renderLine(draft?: Draft) {
    return renderInForm(
      (form) => (
        <>
          <RequestStep />
          <OutcomeLine control={form.control} />
          <EligibilityPanel control={form.control} />
        </>
      ),
      draft,
    );
  }
  const line = (): HTMLElement => screen.getByRole("region", { name: "Eligibility outcome" });

  it("says the outcome's first words, follows the answers, and is no live region of its own", async () => {
    const { user } = renderLine();
    expect(line()).toHaveTextContent("Eligibility: not yet known");
    await user.click(screen.getByRole("radio", { name: "Commercial" }));
    await waitFor(() => expect(line()).toHaveTextContent("Eligibility: Incomplete"));
    expect(line().querySelector("[aria-live], [role=status], [role=alert]")).toBeNull();
  });

  it("leads to the full panel without taking focus by itself", async () => {
    const { user } = renderLine(fromDocument(eligible()));
    const link = within(line()).getByRole("link", { name: /All criteria/ });
    expect(link).toHaveAttribute("href", "#eligibility-title");
    expect(document.activeElement).toBe(document.body);
    await user.click(link);
    expect(screen.getByRole("heading", { name: "Eligibility so far" })).toHaveFocus();
  });
});
