// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BROWSER_CLICKS, clickPrevented } from "@/web/test-support/link-clicks";
import { QuestionLink } from "./question-link";

beforeEach(() => {
  window.history.replaceState(null, "", "/check");
  vi.spyOn(window, "scrollTo").mockImplementation(() => undefined);
});
afterEach(() => {
  window.history.replaceState(null, "", "/");
});

describe("QuestionLink", () => {
  it("points at the question, opens its page in the app on a plain click, and leaves modified clicks to the browser", () => {
    render(
      <QuestionLink step="liver" fieldId="liver-alt" returnToCheck className="underline">
        Change ALT
      </QuestionLink>,
    );
    const link = screen.getByRole("link", { name: "Change ALT" });
    expect(link).toHaveAttribute("href", "/request/liver?return=check#liver-alt");
    expect(link).toHaveClass("underline");
    for (const [what, init] of BROWSER_CLICKS) {
      expect(clickPrevented(link, init), what).toBe(false);
      expect(window.location.pathname).toBe("/check");
    }
    expect(clickPrevented(link)).toBe(true);
    expect(window.location.pathname + window.location.search + window.location.hash).toBe(
      "/request/liver?return=check",
    );
  });
});
