/**
 * A minimal client-side router: the path is the state, History API moves it. Kept rather than a
 * library (wouter, react-router): it is 31 lines in the first bundle, which is budgeted (120 kB,
 * nearly full), and the app has a handful of fixed routes, listed once in `paths.ts`; a library
 * would add its own matching beside that table (wouter about 2 kB, react-router about 30 kB)
 * and give nothing this needs. Links go through `AppLink`. Paths never carry patient data.
 */
import { useSyncExternalStore } from "react";

const NAVIGATE = "app:navigate";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("popstate", onChange);
  window.addEventListener(NAVIGATE, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(NAVIGATE, onChange);
  };
}

const currentLocation = (): string => window.location.pathname + window.location.search;

export function useLocation(): string {
  // The same on the server (the build's prerender gives it a window) as in the browser: hydration matches.
  return useSyncExternalStore(subscribe, currentLocation, currentLocation);
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === currentLocation()) return;
  if (options.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  window.dispatchEvent(new Event(NAVIGATE));
  window.scrollTo(0, 0);
}
