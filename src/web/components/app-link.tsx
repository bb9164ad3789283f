/** A link inside the app: a real href (open in a new tab, copy), followed without a page load. */
import type { ReactNode } from "react";
import { navigate } from "@/web/lib/router";

export function AppLink({
  to,
  children,
  className = "underline hover:no-underline",
  ...rest
}: {
  to: string;
  children: ReactNode;
  className?: string;
  "aria-current"?: "page" | "true";
  rel?: "prev" | "next";
}) {
  return (
    <a
      href={to}
      className={className}
      {...rest}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
        event.preventDefault();
        navigate(to);
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
