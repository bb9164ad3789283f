import { startTransition, StrictMode } from "react";
import { flushSync } from "react-dom";
import { createRoot, hydrateRoot } from "react-dom/client";
import { App } from "@/web/app/app";
import { checkSessionBeforeRender } from "@/web/app/session-end";
import { preloadIntake } from "@/web/features/intake/components/intake-page";
import { hasSavedDraft } from "@/web/features/intake/load-document";
import { isIntakeRoute, matchRoute } from "@/web/lib/paths";
import { takeOverPrerenderedPage } from "@/web/lib/prerendered";
import { wasSignedInHere } from "@/web/lib/signed-in-here";

const root = document.getElementById("root");
if (root === null) throw new Error("The page has no #root element");
// Someone signed in used this browser: their session must still exist before their answers show.
await checkSessionBeforeRender();
const app = (
  <StrictMode>
    <App />
  </StrictMode>
);

/**
 * The prerendered parts left to the browser (the account links and server draft, which depend on
 * the session) are Suspense boundaries React renders here, as planned; it reports each as error 419.
 */
function onRecoverableError(error: unknown): void {
  const message = error instanceof Error ? error.message : "";
  if (message.includes("#419") || message.includes("could not finish this Suspense boundary")) return;
  reportError(error);
}

// The page's HTML was rendered at build time for this address with no saved answers
// (scripts/prerender.ts): React takes it over as it is. Anything else is rendered over it, once the
// code of the page is here (so nothing shows "Loading…" in between).
const path = window.location.pathname;
const wizard = isIntakeRoute(matchRoute(path));
if (root.dataset.prerendered === path && window.location.search === "" && !hasSavedDraft() && !wasSignedInHere()) {
  // A step's questions are its page: their code comes first, then React takes the page over without
  // waiting for any. (A part still waiting for its code when something above it changes, as the form
  // does when the inputs register, would be drawn again from nothing: the page would jump.) The start
  // page's buttons need no more than this bundle; its step list and panel take over when their code
  // is in.
  if (path !== "/") await preloadIntake(path).catch(() => undefined);
  // As a transition, React hydrates in slices of a few milliseconds instead of one long task, so the
  // phone's main thread is never blocked for long (Lighthouse's total blocking time).
  startTransition(() => {
    hydrateRoot(root, app, { onRecoverableError });
  });
} else {
  if (wizard) await preloadIntake(path).catch(() => undefined);
  const reactRoot = createRoot(root);
  flushSync(() => reactRoot.render(app));
  // Drawn: the prerendered page (hidden while answers are saved here) is gone.
  delete root.dataset.prerendered;
  takeOverPrerenderedPage();
}
// The rest of the wizard's code, ahead of the first Continue.
if (wizard) setTimeout(() => void preloadIntake().catch(() => undefined), 0);
