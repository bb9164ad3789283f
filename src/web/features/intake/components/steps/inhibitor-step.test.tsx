// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { stubScrollIntoView } from "@/web/test-support/scroll-into-view";
import { renderInForm, testDraft } from "@/web/test-support/render-in-form";
import { toDocument, type Draft } from "../../draft";
import { InhibitorStep } from "./inhibitor-step";

stubScrollIntoView();

const renderStep = (change?: (draft: Draft) => void) => renderInForm(<InhibitorStep />, testDraft(change));

const onRecord = (answer: "Yes" | "No") =>
  within(screen.getByRole("group", { name: "Are there inhibitor assay (Bethesda) results on record?" })).getByRole(
    "radio",
    { name: answer },
  );
const addButton = () => screen.queryByRole("button", { name: "Add an assay" });

describe("InhibitorStep", () => {
  it("shows the assays only when there are some on record", async () => {
    const { user } = renderStep();
    expect(addButton()).not.toBeInTheDocument();
    await user.click(onRecord("Yes"));
    expect(addButton()).toBeInTheDocument();
    await user.click(onRecord("No"));
    expect(addButton()).not.toBeInTheDocument();
  });

  it("adds an assay, focuses its date, and records its result", async () => {
    const { user, form } = renderStep();
    await user.click(onRecord("Yes"));
    const button = addButton();
    if (button === null) throw new Error("no add button");
    await user.click(button);
    const assay = screen.getByRole("group", { name: "Assay 1" });
    const drawn = within(assay).getByRole("group", { name: "Date drawn" });
    await waitFor(() => expect(within(drawn).getByLabelText("Day")).toHaveFocus());
    await user.type(within(assay).getByLabelText("Result"), "0.2");
    expect(toDocument(form.getValues()).inhibitor).toEqual({ assays: [{ bethesdaUnits: 0.2 }] });
    await user.click(screen.getByRole("button", { name: "Remove assay 1" }));
    expect(screen.queryByRole("group", { name: "Assay 1" })).not.toBeInTheDocument();
  });
});
