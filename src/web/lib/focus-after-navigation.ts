/**
 * Focus is never left on <body>. When what had focus goes away (the Continue button of a page that
 * was replaced, a "Submit" or "Keep" button that was answered, a link of a page left behind), a
 * screen reader would hear nothing and the next Tab would start again at the top of the page: move
 * focus to the page's heading instead, where reading starts. One mechanism for the whole app, so a
 * feature that replaces its own buttons needs no focus code of its own; a feature that has a
 * better place (a confirmation, an error summary) takes focus there itself, and this leaves it.
 */
import { useEffect, useRef } from "react";

export const MAIN_CONTENT_ID = "main-content";

/** The page's heading: the first h1 of the main content (none while the page is loading). */
function pageHeading(): HTMLElement | null {
  return document.querySelector<HTMLElement>(`#${MAIN_CONTENT_ID} h1`);
}

/** Focuses a heading (or any element) without making it a Tab stop and without scrolling to it. */
export function focusWithoutTabStop(element: HTMLElement): void {
  if (!element.hasAttribute("tabindex")) element.tabIndex = -1;
  element.focus({ preventScroll: true });
}

// checkVisibility: every current browser (not jsdom), hence the guard.
const isGone = (element: Element): boolean =>
  !element.isConnected || (typeof element.checkVisibility === "function" && !element.checkVisibility());
const focusIsOnNothing = (): boolean => document.activeElement === null || document.activeElement === document.body;
/** Focus is on <body>, or still on an element that was removed or hidden (the browser has not moved it yet). */
const focusIsLost = (): boolean => focusIsOnNothing() || isGone(document.activeElement as Element);

/**
 * Watches the page; when the element that had focus is removed or hidden and focus fell to <body>,
 * focuses the page's heading (waiting for it while a page is loading). A click on the page's
 * background lets focus go deliberately, and that is left alone.
 */
export function useFocusNeverLost(): void {
  useEffect(() => {
    let last: Element | null = null;
    const remember = (event: FocusEvent) => {
      if (event.target instanceof Element) last = event.target;
    };
    // A click anywhere first forgets; if it lands on something focusable, focusin remembers that.
    const forget = () => {
      last = null;
    };
    const restore = (records: MutationRecord[]) => {
      const active = document.activeElement;
      // The common case while typing (the live panel re-renders): focus sits on a connected element
      // and nothing changed on it or around it. Skip the visibility check, which forces a style pass.
      if (
        active !== null &&
        active !== document.body &&
        active.isConnected &&
        !records.some((r) => r.type === "attributes" && r.target instanceof Node && r.target.contains(active))
      )
        return;
      if (focusIsOnNothing() ? last === null || !isGone(last) : !focusIsLost()) return;
      const heading = pageHeading();
      if (heading !== null) focusWithoutTabStop(heading);
    };
    const observer = new MutationObserver(restore);
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["class", "hidden", "open", "disabled"],
    });
    document.addEventListener("focusin", remember);
    document.addEventListener("pointerdown", forget, true);
    return () => {
      observer.disconnect();
      document.removeEventListener("focusin", remember);
      document.removeEventListener("pointerdown", forget, true);
    };
  }, []);
}

/**
 * A ref for a confirmation's heading that replaces what was pressed ("Request submitted"): it takes
 * focus when it appears (before any paint), so it is read at once: `<h2 ref={focusOnMount}>`. One
 * function for every use, so React calls it on mount only, not again on each render.
 */
export function focusOnMount(element: HTMLElement | null): void {
  if (element !== null) focusWithoutTabStop(element);
}

/**
 * After an in-app navigation that left focus on nothing (the browser's Back, a link whose page
 * replaced it), the new page's heading takes focus once it is there. The first page load leaves
 * focus where the browser puts it (the skip link is then the first Tab).
 */
export function useFocusHeadingAfterNavigation(path: string): void {
  // The path focus was last placed for (not a first-render flag: StrictMode runs effects twice),
  // and the frame still waiting for the heading (cancelled by the next navigation, or on unmount).
  const placedFor = useRef(path);
  const frame = useRef(0);
  useEffect(() => {
    if (placedFor.current === path) return;
    placedFor.current = path;
    cancelAnimationFrame(frame.current);
    let framesLeft = 60;
    const tryFocus = () => {
      if (!focusIsLost()) return;
      const heading = pageHeading();
      if (heading !== null) focusWithoutTabStop(heading);
      else if (framesLeft-- > 0) frame.current = requestAnimationFrame(tryFocus);
    };
    tryFocus();
  }, [path]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
}
