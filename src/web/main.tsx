import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "@/web/app/app";
import { checkSessionBeforeRender } from "@/web/app/session-end";
import "@/web/styles.css";

const root = document.getElementById("root");
if (root === null) throw new Error("The page has no #root element");
// Someone signed in used this browser: their session must still exist before their answers show.
await checkSessionBeforeRender();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
