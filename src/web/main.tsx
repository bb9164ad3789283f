import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "@/web/app/app";
import { checkSessionBeforeRender } from "@/web/app/session-end";
import { preloadIntake } from "@/web/features/intake/components/intake-page";
import "@/web/styles.css";

const root = document.getElementById("root");
if (root === null) throw new Error("The page has no #root element");
// Someone signed in used this browser: their session must still exist before their answers show.
await checkSessionBeforeRender();
// The wizard's pages load after the first bundle: wait for this page's code, so nothing shows "Loading…" in between.
const path = window.location.pathname;
const wizard = path === "/" || path === "/check" || path === "/summary" || path.startsWith("/request/");
if (wizard) await preloadIntake(path).catch(() => undefined);
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// The rest of the wizard's code, ahead of the first Continue.
if (wizard) setTimeout(() => void preloadIntake().catch(() => undefined), 0);
