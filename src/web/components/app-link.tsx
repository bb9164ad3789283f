/**
 * A link inside the app: a real href (open in a new tab, copy), followed without a page load. Every
 * in-app link is one of these, so Ctrl/⌘/Shift/Alt-click and middle-click stay the browser's.
 */
import type { MouseEvent, ReactNode } from "react";
import { navigate } from "@/web/lib/router";

/** A plain left click, which the app follows itself; any other is the browser's (new tab, window, download). */
export const isPlainClick = (event: MouseEvent): boolean =>
  !(event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0);

export function AppLink({
  to,
  children,
  className = "underline hover:no-underline",
  onFollow,
  ...rest
}: {
  to: string;
  children: ReactNode;
  className?: string;
  "aria-current"?: "page" | "step" | "true" | undefined;
  rel?: "prev" | "next";
  /** Runs on a plain click instead of going to `to` (when following means more than going there). */
  onFollow?: (() => void) | undefined;
}) {
  return (
    <a
      href={to}
      className={className}
      {...rest}
      onClick={(event) => {
        if (!isPlainClick(event)) return;
        event.preventDefault();
        if (onFollow === undefined) navigate(to);
        else onFollow();
      }}
    >
      {children}
    </a>
  );
}

/** The GOV.UK back link, as a real link: to the page above this one ("Back to Accounts"). */
export function BackTo({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p className="mb-6 print:hidden">
      <AppLink to={to} className="text-base underline hover:no-underline">
        <span aria-hidden="true">‹ </span>
        Back to {children}
      </AppLink>
    </p>
  );
}
