import { createContext, use, type ComponentProps, type ReactNode } from "react";
import { AppLink } from "./app-link";

type Variant = "primary" | "secondary" | "warning";

const VARIANT: Readonly<Record<Variant, string>> = {
  primary: "bg-green-800 text-white hover:bg-green-900",
  secondary: "bg-slate-200 text-slate-900 hover:bg-slate-300",
  warning: "bg-red-700 text-white hover:bg-red-800",
};

export function Button({
  variant = "primary",
  className = "",
  children,
  ...props
}: ComponentProps<"button"> & { variant?: Variant; children: ReactNode }) {
  return (
    <button
      type="button"
      {...props}
      className={`border-b-4 border-slate-900/40 px-4 py-2 text-lg font-bold print:hidden ${VARIANT[variant]} ${className}`}
    >
      {children}
    </button>
  );
}

/**
 * Where "Back" goes on the pages below. The wizard knows the previous page's address and provides
 * it, so its pages' back links are real links (open in a new tab, copy) without each page knowing it.
 */
export const BackAddress = createContext<string | undefined>(undefined);

/**
 * The GOV.UK back link. With an address (given, or from `BackAddress`) it is a link: a plain click
 * runs `onClick` (or goes there) without a page load; Ctrl/⌘/Shift-click and middle-click are the
 * browser's. Without one it is a button that runs `onClick`.
 */
export function BackLink({
  onClick,
  href,
  children = "Back",
}: {
  onClick?: () => void;
  href?: string;
  children?: ReactNode;
}) {
  const provided = use(BackAddress);
  const to = href ?? provided;
  const content = (
    <>
      <span aria-hidden="true">‹ </span>
      {children}
    </>
  );
  if (to === undefined) {
    return (
      <button type="button" onClick={onClick} className="mb-6 text-base underline print:hidden">
        {content}
      </button>
    );
  }
  return (
    <p className="mb-6 print:hidden">
      <AppLink to={to} className="text-base underline hover:no-underline" onFollow={onClick}>
        {content}
      </AppLink>
    </p>
  );
}
