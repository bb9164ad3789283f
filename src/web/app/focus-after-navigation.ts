import { useEffect, useRef } from "react";

/**
 * After an in-app navigation to a signed-in page, focus would be left on nothing (the link or
 * button that was pressed is gone), so screen readers would not hear that the page changed: move
 * it to the main region, where reading starts. A page that placed focus itself (an error summary,
 * a success banner) keeps it, and the first page load leaves focus where the browser puts it.
 */
export function useFocusMainAfterNavigation(path: string, applies: boolean): void {
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (!applies) return;
    const active = document.activeElement;
    if (active !== null && active !== document.body && active.isConnected) return;
    const main = document.getElementById("main");
    if (main === null) return;
    main.tabIndex = -1;
    main.focus({ preventScroll: true });
  }, [path, applies]);
}
