/**
 * The page's main content: where the skip link goes and where reading starts. Focusable from
 * script only (tabIndex -1), so following "Skip to main content" puts the next Tab inside it.
 */
import type { ReactNode } from "react";
import { MAIN_CONTENT_ID } from "@/web/lib/focus-after-navigation";

export function MainContent({ children, className = "" }: { children: ReactNode; className?: string }) {
  return (
    <main id={MAIN_CONTENT_ID} tabIndex={-1} className={`min-w-0 focus:outline-none ${className}`}>
      {children}
    </main>
  );
}
