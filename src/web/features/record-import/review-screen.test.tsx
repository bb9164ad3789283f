// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ProposedAnswer, RecordImport } from "@/fhir";
import { chosenAnswers, reviewAnswers } from "./review";
import { ReviewScreen } from "./review-screen";

const alt: ProposedAnswer = {
  path: "liver.enzymes.alt.value",
  value: 70,
  label: "ALT",
  display: "70 U/L",
  source: { reference: "Observation/abc", date: "2026-10-20", display: "ALT 70 U/L, 20 Oct 2026" },
  others: [{ reference: "Observation/old", date: "2026-06-01", display: "ALT 40 U/L, 1 Jun 2026" }],
};
const weight: ProposedAnswer = {
  path: "member.weight",
  value: { value: 81.6, unit: "kg" },
  label: "Weight",
  display: "81.6 kg (180 lb)",
  source: { reference: "Observation/w1", date: "2026-10-02", display: "Body weight 180 [lb_av]" },
  others: [],
};
const result: RecordImport = {
  patient: { reference: "Patient/p1", name: "Ada Lovelace", birthDate: "1990-01-10" },
  answers: [alt, weight],
  problems: [
    {
      code: "unit",
      message: "A bilirubin result in mmol/L was not used: the unit cannot be converted",
      reference: "Observation/bil",
    },
  ],
};

const lastName: ProposedAnswer = {
  path: "member.lastName",
  value: "Otherperson",
  label: "Member last name",
  display: "Otherperson",
  source: { reference: "Patient/p2", display: "Patient Bob Otherperson" },
  others: [],
};

function renderReview(typed: Record<string, unknown>, answers: readonly ProposedAnswer[] = result.answers) {
  const items = reviewAnswers(answers, typed);
  const onFill = vi.fn();
  const onCancel = vi.fn();
  render(
    <ReviewScreen
      headingRef={null}
      from="the file record.json"
      result={result}
      items={items}
      onFill={onFill}
      onCancel={onCancel}
    />,
  );
  return { items, onFill, onCancel, user: userEvent.setup() };
}

describe("the review before filling from the record", () => {
  it("lists each answer with its value, source and the results not used, and the problems", () => {
    renderReview({});
    const rows = screen.getByRole("region", { name: "Answers the record would fill" });
    expect(within(rows).getByText("ALT").nextSibling?.textContent).toMatch(
      /^70 U\/LSource: Observation\/abc, 20 Oct 2026/,
    );
    expect(within(rows).getByText("1 other result in the record, not used")).toBeInTheDocument();
    expect(within(rows).getByText(/ALT 40 U\/L, 1 Jun 2026 \(Observation\/old, 1 Jun 2026\)/)).toBeInTheDocument();
    const problems = screen.getByRole("region", { name: "What the record could not fill" });
    expect(problems).toHaveTextContent(
      "A bilirubin result in mmol/L was not used: the unit cannot be converted (Observation/bil)",
    );
    // The name is isolated (<bdi>): a direction mark in it cannot reverse the date after it.
    const intro = screen.getByText(/Nothing changes until/);
    expect(intro).toHaveTextContent(/for Ada Lovelace, born 10 Jan 1990/);
    expect(within(intro).getByText("Ada Lovelace").tagName).toBe("BDI");
    expect(screen.queryByRole("region", { name: "Answers that differ from what was typed" })).toBeNull();
  });

  it("shows a conflict side by side and fills nothing until a choice is made for it", async () => {
    const { onFill, user } = renderReview({ liver: { enzymes: { alt: { value: 65 } } } });
    const conflict = screen.getByRole("group", { name: "ALT" });
    expect(within(conflict).getByLabelText("Keep what was typed: 65 U/L")).not.toBeChecked();
    expect(within(conflict).getByLabelText(/Use the record: 70 U\/L/)).not.toBeChecked();

    await user.click(screen.getByRole("button", { name: "Fill the request" }));
    expect(onFill).not.toHaveBeenCalled();
    const summary = screen.getByRole("alert");
    expect(summary).toHaveTextContent("Choose whether to keep what was typed or use the record for ALT");
    expect(summary).toHaveFocus();
    expect(within(conflict).getByText("Choose which answer to keep")).toBeInTheDocument();

    await user.click(within(conflict).getByLabelText("Keep what was typed: 65 U/L"));
    await user.click(screen.getByRole("button", { name: "Fill the request" }));
    expect(onFill).toHaveBeenCalledTimes(1);
    const [filledItems, choices] = onFill.mock.calls[0] as Parameters<typeof chosenAnswers>;
    // Keeping what was typed leaves ALT out: only the blank weight is filled.
    expect(chosenAnswers(filledItems, choices).map((a) => a.path)).toEqual(["member.weight"]);
  });

  it("fills the record's value where it is chosen", async () => {
    const { onFill, user } = renderReview({ liver: { enzymes: { alt: { value: 65 } } } });
    await user.click(screen.getByLabelText(/Use the record: 70 U\/L/));
    await user.click(screen.getByRole("button", { name: "Fill the request" }));
    const [filledItems, choices] = onFill.mock.calls[0] as Parameters<typeof chosenAnswers>;
    expect(chosenAnswers(filledItems, choices).map((a) => a.path)).toEqual([
      "liver.enzymes.alt.value",
      "member.weight",
    ]);
  });

  it("cancels without filling", async () => {
    const { onFill, onCancel, user } = renderReview({});
    await user.click(screen.getByRole("button", { name: "Cancel: change nothing" }));
    expect(onCancel).toHaveBeenCalled();
    expect(onFill).not.toHaveBeenCalled();
  });

  it("warns that a record contradicting who the request is for may be another patient's, and fills nothing until checked", async () => {
    const typed = { member: { lastName: "Example" }, liver: { enzymes: { alt: { value: 70 } } } };
    const { onFill, user } = renderReview(typed, [alt, lastName]);
    const warning = screen.getByRole("region", { name: "This record may be another patient’s" });
    expect(warning).toHaveTextContent("The record’s Member last name differs from what was typed");
    await user.click(screen.getByLabelText("Keep what was typed: Example"));
    await user.click(screen.getByRole("button", { name: "Fill the request" }));
    expect(onFill).not.toHaveBeenCalled();
    expect(screen.getByRole("alert")).toHaveTextContent("Confirm that this record is this request's patient");
    await user.click(within(warning).getByLabelText("I have checked: this record is this request’s patient"));
    await user.click(screen.getByRole("button", { name: "Fill the request" }));
    expect(onFill).toHaveBeenCalledTimes(1);
  });

  it("asks nothing more when the identity the record gives is the one typed", () => {
    renderReview({ member: { lastName: "Otherperson" } }, [alt, lastName]);
    expect(screen.queryByRole("region", { name: /another patient/ })).toBeNull();
  });

  it("lists the first 50 results it could not use and counts the rest", () => {
    const many: RecordImport = {
      ...result,
      problems: Array.from({ length: 60_000 }, (_, i) => ({
        code: "unknown-code" as const,
        message: `An observation coded 9999-${i} is not one this request asks for`,
        reference: `Observation/o${i}`,
      })),
    };
    render(
      <ReviewScreen
        headingRef={null}
        from="the file big.json"
        result={many}
        items={reviewAnswers(many.answers, {})}
        onFill={vi.fn()}
        onCancel={vi.fn()}
      />,
    );
    const problems = screen.getByRole("region", { name: "What the record could not fill" });
    expect(within(problems).getAllByRole("listitem")).toHaveLength(50);
    expect(problems).toHaveTextContent("And 59,950 more results that were not used");
  });

  it("says when the configured local codes could not be fetched, and still offers to fill; says nothing when they were", async () => {
    const props = {
      headingRef: null,
      from: "the file record.json",
      result,
      items: reviewAnswers(result.answers, {}),
      onFill: vi.fn(),
      onCancel: vi.fn(),
    };
    const { rerender } = render(<ReviewScreen {...props} localCodesUnavailable />);
    const notice = screen.getByRole("region", {
      name: "AAV5 antibody results could not be read by the configured codes",
    });
    expect(notice).toHaveTextContent("could not be fetched from the server");
    // It does not claim the record holds an AAV5 result (this one holds none): it says where one would be.
    expect(notice).toHaveTextContent(
      "If the record holds an AAV5 antibody result, it is listed under “What the record could not fill”",
    );
    await userEvent.setup().click(screen.getByRole("button", { name: "Fill the request" }));
    expect(props.onFill).toHaveBeenCalledTimes(1);
    rerender(<ReviewScreen {...props} />);
    expect(screen.queryByRole("region", { name: /configured codes/ })).toBeNull();
  });
});
