/**
 * Build-time only (loaded by `scripts/prerender.ts` through Vite's SSR loader, never bundled): the
 * app rendered to HTML at one path, as the browser's first render would draw it for someone with
 * no saved answers. The wizard's lazily loaded parts are loaded first so they are in the HTML; the
 * parts that depend on the session (account links, server draft) are left to the browser.
 */
import { StrictMode } from "react";
import { renderToString } from "react-dom/server";
import { App } from "@/web/app/app";
import { preloadIntake } from "@/web/features/intake/components/intake-page";
import { STEPS, type StepId } from "@/web/features/intake/steps";

export { STEP_IDS } from "@/web/features/intake/steps";

export async function renderApp(path: string): Promise<string> {
  await preloadIntake(path);
  return renderToString(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

/** The title the page sets once it runs (`useDocumentTitle`). */
export function titleOf(step: StepId | undefined): string {
  return `${step === undefined ? "Request prior authorization for Hemgenix" : STEPS[step].title} – Hemgenix prior authorization`;
}
