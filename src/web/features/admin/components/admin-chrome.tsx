/** What every admin page shares: the section navigation and the success banner. */
import { useEffect, useRef, useState } from "react";
import { AppLink } from "@/web/components/app-link";
import { paths } from "@/web/lib/paths";
import { clearFlash, peekFlash } from "../flash";

/** `onSubPage`: the page is inside the current section (an account), not the section's own page. */
export function AdminNav({
  current,
  onSubPage = false,
}: {
  current: "accounts" | "practices" | "recordImport";
  onSubPage?: boolean;
}) {
  const item = (key: typeof current, to: string, label: string) => (
    <li>
      <AppLink
        to={to}
        className={`inline-block border-b-4 px-1 pb-1 text-lg ${key === current ? "border-blue-800 font-bold" : "border-transparent underline"}`}
        {...(key === current && { "aria-current": onSubPage ? ("true" as const) : ("page" as const) })}
      >
        {label}
      </AppLink>
    </li>
  );
  return (
    <nav aria-label="Administration" className="mb-8 border-b border-slate-300">
      <ul className="flex gap-6">
        {item("accounts", paths.accounts(), "Accounts")}
        {item("practices", paths.practices(), "Practices")}
        {item("recordImport", paths.recordImportSettings(), "Record import")}
      </ul>
    </nav>
  );
}

/** GOV.UK success notification banner: announced and focused once, after the change that caused it. */
export function FlashBanner() {
  const [message] = useState(peekFlash);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    clearFlash();
    ref.current?.focus();
  }, []);
  if (message === undefined) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="flash-title"
      className="mb-8 border-4 border-green-800 focus:outline-none focus-visible:outline-3 focus-visible:outline-yellow-400"
    >
      <h2 id="flash-title" className="bg-green-800 px-4 py-1 font-bold text-white">
        Success
      </h2>
      <p className="p-4 text-lg font-bold">{message}</p>
    </div>
  );
}
