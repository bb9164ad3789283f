/**
 * How an in-app link answers each kind of click. A plain left click is the app's: it goes there
 * without a page load (the click's default is prevented). Ctrl, ⌘, Shift and Alt clicks and the
 * middle button are the browser's (a new tab or window, a download): the default is left alone and
 * the app stays where it is.
 */
import { fireEvent } from "@testing-library/react";
import { expect } from "vitest";

const here = (): string => window.location.pathname + window.location.search;

/** Clicks and says whether anything prevented the default (then stops jsdom's own navigation). */
export function clickPrevented(link: HTMLElement, init: MouseEventInit = {}): boolean {
  let prevented = false;
  const record = (event: Event) => {
    prevented = event.defaultPrevented;
    event.preventDefault();
  };
  // Registered on the document after React's root listener: it sees what the app's handler did.
  document.addEventListener("click", record);
  try {
    fireEvent.click(link, { button: 0, ...init });
  } finally {
    document.removeEventListener("click", record);
  }
  return prevented;
}

export const BROWSER_CLICKS: readonly [string, MouseEventInit][] = [
  ["Ctrl-click", { ctrlKey: true }],
  ["⌘-click", { metaKey: true }],
  ["Shift-click", { shiftKey: true }],
  ["Alt-click", { altKey: true }],
  ["middle click", { button: 1 }],
];

/**
 * Asserts that `link` points at `to`, that every modified click leaves it to the browser (no
 * in-app move), and that a plain click goes to `expected` (by default `to`) inside the app.
 */
export function expectInAppLink(link: HTMLElement, to: string, expected = to): void {
  expect(link).toHaveAttribute("href", to);
  const start = here();
  for (const [what, init] of BROWSER_CLICKS) {
    expect(clickPrevented(link, init), `${what} is the browser's`).toBe(false);
    expect(here(), `${what} stays in place`).toBe(start);
  }
  expect(clickPrevented(link), "a plain click is the app's").toBe(true);
  expect(here()).toBe(expected);
}
