// @vitest-environment jsdom
/** What replaces the decision form once a decision is recorded: which one, what next, where to go. */
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { DecisionKind } from "@/criteria";
import { expectInAppLink } from "@/web/test-support/link-clicks";
import { DecisionRecorded } from "./decision-recorded";

const CASES: readonly [DecisionKind, string, RegExp][] = [
  ["approve", "Decision recorded: Approved", /sees the approval/],
  ["deny", "Decision recorded: Denied", /criteria you cited/],
  ["request_info", "Decision recorded: More information requested", /returns to the queue when they resubmit/],
];

describe("DecisionRecorded", () => {
  for (const [kind, heading, next] of CASES) {
    it(`says "${heading}" and what happens next, with the focus on it`, () => {
      render(<DecisionRecorded reference="HGX-TEST-0001" kind={kind} />);
      const title = screen.getByRole("heading", { name: heading });
      expect(title).toHaveFocus();
      expect(screen.getByRole("region", { name: heading })).toHaveTextContent(next);
      expect(screen.getByRole("region", { name: heading })).toHaveTextContent("HGX-TEST-0001.");
    });
  }

  it("links back to the queue, in the app", () => {
    render(<DecisionRecorded reference="HGX-TEST-0001" kind="deny" />);
    expectInAppLink(screen.getByRole("link", { name: "Back to the queue" }), "/review");
  });
});
