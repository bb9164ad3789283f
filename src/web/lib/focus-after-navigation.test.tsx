// @vitest-environment jsdom
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { focusOnMount, useFocusHeadingAfterNavigation, useFocusNeverLost } from "./focus-after-navigation";
import { MainContent } from "@/web/components/main-content";

function Page({ path = "/" }: { path?: string }) {
  useFocusNeverLost();
  useFocusHeadingAfterNavigation(path);
  const [answered, setAnswered] = useState<"" | "kept" | "submitted">("");
  return (
    <>
      <button type="button">In the header</button>
      <MainContent>
        <h1>Check your answers</h1>
        {answered === "" && (
          <>
            <button type="button" onClick={() => setAnswered("kept")}>
              Keep
            </button>
            <button type="button" onClick={() => setAnswered("submitted")}>
              Submit
            </button>
          </>
        )}
        {answered === "submitted" && <h2 ref={focusOnMount}>Request submitted</h2>}
      </MainContent>
    </>
  );
}

describe("focus is never left on <body>", () => {
  it("goes to the page's heading when the button that had it is gone", async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole("button", { name: "Keep" }));
    await act(() => Promise.resolve()); // the observer reports after the change
    const heading = screen.getByRole("heading", { level: 1 });
    expect(heading).toHaveFocus();
    expect(heading).toHaveAttribute("tabindex", "-1");
  });

  it("goes to a confirmation that takes it, and stays there", async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole("button", { name: "Submit" }));
    await act(() => Promise.resolve());
    expect(screen.getByRole("heading", { name: "Request submitted" })).toHaveFocus();
  });

  it("is left alone where the user put it (a click on the background), and on the first page load", async () => {
    const user = userEvent.setup();
    const { rerender } = render(<Page />);
    expect(document.body).toHaveFocus();
    await user.click(screen.getByRole("button", { name: "In the header" }));
    await user.click(document.body);
    rerender(<Page />);
    await act(() => Promise.resolve());
    expect(screen.getByRole("heading", { level: 1 })).not.toHaveFocus();
  });

  it("goes to the new page's heading after a navigation that left it nowhere", () => {
    const { rerender } = render(<Page path="/request/dose" />);
    expect(document.body).toHaveFocus();
    rerender(<Page path="/check" />);
    expect(screen.getByRole("heading", { level: 1 })).toHaveFocus();
  });

  it("the main content is where the skip link goes: focusable from script only", () => {
    render(<Page />);
    expect(screen.getByRole("main")).toHaveAttribute("id", "main-content");
    expect(screen.getByRole("main")).toHaveAttribute("tabindex", "-1");
  });
});
