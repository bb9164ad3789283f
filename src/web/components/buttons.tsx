import type { ButtonHTMLAttributes, ReactNode } from "react";

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
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; children: ReactNode }) {
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

export function BackLink({ onClick, children = "Back" }: { onClick: () => void; children?: ReactNode }) {
  return (
    <button type="button" onClick={onClick} className="mb-6 text-base underline print:hidden">
      <span aria-hidden="true">‹ </span>
      {children}
    </button>
  );
}
