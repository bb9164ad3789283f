// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { stubScrollIntoView } from "@/web/test-support/scroll-into-view";
import { commercialDraft, renderInForm } from "@/web/test-support/render-in-form";
import { toDocument, type Draft } from "../../draft";
import { ProphylaxisStep } from "./prophylaxis-step";
import { datePartsFromIso } from "@/web/lib/date-parts";

stubScrollIntoView();

const renderStep = (change?: (draft: Draft) => void) => renderInForm(<ProphylaxisStep />, commercialDraft(change));

const ON_RECORD = "Are there bleeding episodes on record?";
const onRecord = (answer: "Yes" | "No") =>
  within(screen.getByRole("group", { name: ON_RECORD })).getByRole("radio", { name: answer });
const addButton = () => screen.queryByRole("button", { name: "Add a bleeding episode" });
const episode = (n: number) => screen.queryByRole("group", { name: `Bleeding episode ${n}` });

describe("ProphylaxisStep", () => {
  it("asks for the product, start date and adherence", () => {
    renderStep();
    expect(
      screen.getByRole("combobox", { name: "Factor IX product used for routine prophylaxis" }),
    ).toBeInTheDocument();
    const start = screen.getByRole("group", { name: "Start of continuous routine prophylaxis" });
    expect(within(start).getByRole("textbox", { name: "Day" })).toHaveAttribute("id", "f-prophylaxis-startDate");
    expect(
      screen.getByRole("group", { name: "Does the prescriber document adherence to prophylaxis?" }),
    ).toBeInTheDocument();
  });

  it("shows the bleeding episodes only when there are some on record", async () => {
    const { user } = renderStep();
    expect(addButton()).not.toBeInTheDocument();
    await user.click(onRecord("No"));
    expect(addButton()).not.toBeInTheDocument();
    await user.click(onRecord("Yes"));
    expect(addButton()).toBeInTheDocument();
    await user.click(onRecord("No"));
    expect(addButton()).not.toBeInTheDocument();
  });

  it("adds an episode with its questions and moves focus to its date", async () => {
    const { user, form } = renderStep();
    await user.click(onRecord("Yes"));
    const button = addButton();
    if (button === null) throw new Error("no add button");
    await user.click(button);
    const first = episode(1);
    if (first === null) throw new Error("no episode");
    const date = within(first).getByLabelText("Day");
    expect(date).toHaveAttribute("id", "f-bleeds-0-date");
    expect(within(first).getByRole("group", { name: "Date of the bleed" })).toContainElement(date);
    expect(within(first).getByRole("combobox", { name: "Site" })).toBeInTheDocument();
    expect(within(first).getByRole("group", { name: "Was it spontaneous?" })).toBeInTheDocument();
    await waitFor(() => expect(date).toHaveFocus());

    await user.selectOptions(within(first).getByRole("combobox", { name: "Site" }), "joint");
    await user.click(within(first).getByRole("radio", { name: "Spontaneous" }));
    expect(toDocument(form.getValues()).bleeds).toEqual([{ site: "joint", spontaneous: true }]);

    await user.click(button);
    const second = episode(2);
    if (second === null) throw new Error("no second episode");
    await waitFor(() => expect(within(second).getByLabelText("Day")).toHaveFocus());
  });

  it("removes an episode", async () => {
    const { user, form } = renderStep((d) => {
      d.bleedsOnRecord = "yes";
      d.bleeds = [
        { date: datePartsFromIso("2025-09-14"), site: "joint", spontaneous: "yes" },
        { date: datePartsFromIso("2025-10-01"), site: "muscle", spontaneous: "no" },
      ];
    });
    await user.click(screen.getByRole("button", { name: "Remove bleeding episode 1" }));
    expect(episode(2)).not.toBeInTheDocument();
    expect(form.getValues("bleeds")).toEqual([
      { date: { day: "1", month: "10", year: "2025" }, site: "muscle", spontaneous: "no" },
    ]);
  });

  it("keeps the episodes while they are hidden and sends an empty list for 'no'", async () => {
    const { user, form } = renderStep((d) => {
      d.bleedsOnRecord = "yes";
      d.bleeds = [{ date: datePartsFromIso("2025-09-14"), site: "joint", spontaneous: "yes" }];
    });
    expect(episode(1)).toBeInTheDocument();
    await user.click(onRecord("No"));
    expect(episode(1)).not.toBeInTheDocument();
    expect(toDocument(form.getValues()).bleeds).toEqual([]);
    await user.click(onRecord("Yes"));
    const shown = within(episode(1) ?? document.body);
    expect(shown.getByLabelText("Day")).toHaveValue("14");
    expect(shown.getByLabelText("Month")).toHaveValue("9");
    expect(shown.getByLabelText("Year")).toHaveValue("2025");
  });
});
