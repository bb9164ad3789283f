// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { navigate, useLocation } from "./router";

const here = (): string => window.location.pathname + window.location.search;

beforeEach(() => {
  window.history.replaceState(null, "", "/");
  vi.spyOn(window, "scrollTo").mockImplementation(() => undefined);
});

afterEach(() => {
  window.history.replaceState(null, "", "/");
});

describe("navigate", () => {
  it("pushes the new path onto the history and scrolls to the top", () => {
    const before = window.history.length;
    navigate("/request/member");
    expect(here()).toBe("/request/member");
    expect(window.history.length).toBe(before + 1);
    expect(window.scrollTo).toHaveBeenCalledWith(0, 0);
  });

  it("replaces the current entry when asked", () => {
    navigate("/request/member");
    const before = window.history.length;
    navigate("/check", { replace: true });
    expect(here()).toBe("/check");
    expect(window.history.length).toBe(before);
  });

  it("keeps the query", () => {
    navigate("/request/liver?return=check");
    expect(window.location.pathname).toBe("/request/liver");
    expect(window.location.search).toBe("?return=check");
  });

  it("does nothing when already there", () => {
    navigate("/check");
    const before = window.history.length;
    const listener = vi.fn();
    window.addEventListener("app:navigate", listener);
    vi.mocked(window.scrollTo).mockClear();
    navigate("/check");
    window.removeEventListener("app:navigate", listener);
    expect(window.history.length).toBe(before);
    expect(listener).not.toHaveBeenCalled();
    expect(window.scrollTo).not.toHaveBeenCalled();
  });
});

describe("useLocation", () => {
  it("gives the current path and query", () => {
    window.history.replaceState(null, "", "/request/dose?return=check");
    const { result } = renderHook(() => useLocation());
    expect(result.current).toBe("/request/dose?return=check");
  });

  it("follows navigate", () => {
    const { result } = renderHook(() => useLocation());
    expect(result.current).toBe("/");
    act(() => navigate("/request/member"));
    expect(result.current).toBe("/request/member");
    act(() => navigate("/summary", { replace: true }));
    expect(result.current).toBe("/summary");
  });

  it("follows the browser's back and forward buttons", () => {
    const { result } = renderHook(() => useLocation());
    act(() => navigate("/request/member"));
    act(() => {
      window.history.replaceState(null, "", "/request/request");
      window.dispatchEvent(new PopStateEvent("popstate"));
    });
    expect(result.current).toBe("/request/request");
  });

  it("stops listening when unmounted", () => {
    const remove = vi.spyOn(window, "removeEventListener");
    const { unmount } = renderHook(() => useLocation());
    unmount();
    const removed = remove.mock.calls.map(([type]) => type);
    expect(removed).toContain("popstate");
    expect(removed).toContain("app:navigate");
  });
});
