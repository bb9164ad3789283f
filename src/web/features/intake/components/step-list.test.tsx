// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { expectInAppLink } from "@/web/test-support/link-clicks";
import { STEP_IDS, type StepId } from "../steps";
import type { StepStatus } from "../step-status";
import { StepList } from "./step-list";

const statuses = (status: StepStatus): Record<StepId, StepStatus> =>
  Object.fromEntries(STEP_IDS.map((id) => [id, status])) as Record<StepId, StepStatus>;

beforeEach(() => {
  window.history.replaceState(null, "", "/request/liver");
  vi.spyOn(window, "scrollTo").mockImplementation(() => undefined);
});
afterEach(() => {
  window.history.replaceState(null, "", "/");
});

describe("StepList", () => {
  it("folds into one line saying where the user is, a button that shows and hides the list", async () => {
    const user = userEvent.setup();
    render(<StepList current="liver" statuses={statuses("complete")} />);
    const nav = screen.getByRole("navigation", { name: "Steps of the request" });
    const fold = within(nav).getByRole("button", { name: "Step 8 of 10: Liver workup" });
    const list = document.getElementById(fold.getAttribute("aria-controls") ?? "");
    expect(list?.tagName).toBe("OL");
    expect(fold).toHaveAttribute("aria-expanded", "false");
    // Hidden below the wide layout (lg:block shows it there).
    expect(list).toHaveClass("hidden", "lg:block");

    await user.click(fold);
    expect(fold).toHaveAttribute("aria-expanded", "true");
    expect(list).not.toHaveClass("hidden");
    const current = within(nav).getByRole("link", { name: /^8\. Liver workup/ });
    expect(current).toHaveAttribute("aria-current", "step");
    expect(current).toHaveTextContent("Complete");

    await user.click(fold);
    expect(fold).toHaveAttribute("aria-expanded", "false");
  });

  it("folds again when the user moves to another step", async () => {
    const user = userEvent.setup();
    const { rerender } = render(<StepList current="liver" statuses={statuses("in_progress")} />);
    await user.click(screen.getByRole("button", { name: "Step 8 of 10: Liver workup" }));
    rerender(<StepList current="dose" statuses={statuses("in_progress")} />);
    expect(screen.getByRole("button", { name: "Step 10 of 10: Dose" })).toHaveAttribute("aria-expanded", "false");
  });

  it("names 'Check your answers' and the start page's list plainly", () => {
    const { rerender } = render(<StepList current="check" statuses={statuses("complete")} />);
    expect(screen.getByRole("button", { name: "Check your answers" })).toBeInTheDocument();
    rerender(<StepList current={undefined} statuses={statuses("not_started")} />);
    expect(screen.getByRole("button", { name: "10 steps" })).toBeInTheDocument();
  });

  it("follows a step in the page, and leaves Ctrl-click to the browser (a new tab)", async () => {
    const user = userEvent.setup();
    render(<StepList current="liver" statuses={statuses("complete")} />);
    const dose = screen.getByRole("link", { name: /^10\. Dose/, hidden: true });
    expect(dose).toHaveAttribute("href", "/request/dose");
    await user.click(dose);
    expect(window.location.pathname).toBe("/request/dose");
    window.history.replaceState(null, "", "/request/liver");
    await user.keyboard("{Control>}");
    await user.click(dose);
    await user.keyboard("{/Control}");
    expect(window.location.pathname).toBe("/request/liver");
  });

  it("makes every step and 'Check your answers' an in-app link (Ctrl/⌘/Shift/Alt and middle clicks are the browser's)", () => {
    render(<StepList current="liver" statuses={statuses("complete")} />);
    for (const [index, id] of STEP_IDS.entries()) {
      window.history.replaceState(null, "", "/request/liver");
      const link = screen.getByRole("link", { name: new RegExp(`^${index + 1}\\. `), hidden: true });
      expectInAppLink(link, `/request/${id}`);
    }
    window.history.replaceState(null, "", "/request/liver");
    expectInAppLink(screen.getByRole("link", { name: "Check your answers", hidden: true }), "/check");
  });
});
