/**
 * A minimal client-side router: the path is the state, History API moves it. The app has a
 * handful of fixed routes, so a router library (about 30 kB) would cost more than it gives.
 * Paths never carry patient data.
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
