// @vitest-environment jsdom
/** The wizard's frame: the summary page's link back to "Check your answers" is an in-app link. */
import { render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { expectInAppLink } from "@/web/test-support/link-clicks";
import { emptyDraft } from "../draft";
import { clearDraft, saveDraft } from "../draft-storage";
import { IntakePage } from "./intake-page";

beforeEach(() => {
  localStorage.clear();
  vi.spyOn(window, "scrollTo").mockImplementation(() => undefined);
});
afterEach(() => {
  clearDraft();
  window.history.replaceState(null, "", "/");
});

describe("IntakePage", () => {
  it("on a summary that cannot be shown, links to 'Check your answers' in the app, and leaves Ctrl/⌘-click to the browser", async () => {
    const draft = emptyDraft("2026-11-30");
    draft.member.weight = { value: "eighty", unit: "kg" };
    saveDraft(draft);
    window.history.replaceState(null, "", "/summary");
    const renderSummary = vi.fn(() => null);
    render(<IntakePage renderSummary={renderSummary} />);
    // The summary check is loaded on demand (it needs the schema and the evaluation).
    expect(await screen.findByRole("heading", { name: "Some answers need correcting" })).toBeVisible();
    expect(renderSummary).not.toHaveBeenCalled();
    expectInAppLink(screen.getByRole("link", { name: "Check your answers" }), "/check");
  });
});
