import { useEffect } from "react";

const APP = "Hemgenix prior authorization";

/** The page title: "<page> – Hemgenix prior authorization", with "Error: " first while errors show. */
export function useDocumentTitle(page: string, hasError = false): void {
  useEffect(() => {
    document.title = `${hasError ? "Error: " : ""}${page} – ${APP}`;
  }, [page, hasError]);
}
