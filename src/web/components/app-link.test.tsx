// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BROWSER_CLICKS, clickPrevented, expectInAppLink } from "@/web/test-support/link-clicks";
import { AppLink, BackTo } from "./app-link";
import { BackAddress, BackLink } from "./buttons";

beforeEach(() => {
  window.history.replaceState(null, "", "/start-here");
  vi.spyOn(window, "scrollTo").mockImplementation(() => undefined);
});
afterEach(() => {
  window.history.replaceState(null, "", "/");
});

describe("AppLink", () => {
  it("goes there in the app on a plain click, and leaves Ctrl/⌘/Shift/Alt and middle clicks to the browser", () => {
    render(<AppLink to="/requests/HGX-1">HGX-1</AppLink>);
    expectInAppLink(screen.getByRole("link", { name: "HGX-1" }), "/requests/HGX-1");
  });

  it("runs onFollow instead of going there on a plain click only", () => {
    const follow = vi.fn();
    render(
      <AppLink to="/check" onFollow={follow}>
        Check your answers
      </AppLink>,
    );
    const link = screen.getByRole("link", { name: "Check your answers" });
    for (const [what, init] of BROWSER_CLICKS) expect(clickPrevented(link, init), what).toBe(false);
    expect(follow).not.toHaveBeenCalled();
    expect(clickPrevented(link)).toBe(true);
    expect(follow).toHaveBeenCalledTimes(1);
    expect(window.location.pathname).toBe("/start-here");
  });
});

describe("back links", () => {
  it("BackTo is an in-app link", () => {
    render(<BackTo to="/admin/users">Accounts</BackTo>);
    expectInAppLink(screen.getByRole("link", { name: "Back to Accounts" }), "/admin/users");
  });

  it("BackLink with the wizard's address is an in-app link; without one it is a button", () => {
    const { unmount } = render(
      <BackAddress value="/request/member">
        <BackLink />
      </BackAddress>,
    );
    expectInAppLink(screen.getByRole("link", { name: "Back" }), "/request/member");
    unmount();
    const back = vi.fn();
    render(<BackLink onClick={back}>Back to the queue</BackLink>);
    screen.getByRole("button", { name: "Back to the queue" }).click();
    expect(back).toHaveBeenCalledTimes(1);
  });
});
