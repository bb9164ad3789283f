/** A link to a question: opens its page and moves focus to the input (on click only). */
import type { ReactNode } from "react";
import { navigate } from "@/web/lib/router";
import type { StepId } from "../steps";

export function focusWhenPresent(id: string, framesLeft = 30): void {
  const element = document.getElementById(id);
  if (element !== null) {
    element.scrollIntoView({ block: "center" });
    element.focus();
    return;
  }
  if (framesLeft > 0) requestAnimationFrame(() => focusWhenPresent(id, framesLeft - 1));
}

export function QuestionLink({
  step,
  fieldId,
  returnToCheck = false,
  className,
  children,
}: {
  step: StepId;
  fieldId: string;
  returnToCheck?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const href = `/request/${step}${returnToCheck ? "?return=check" : ""}#${fieldId}`;
  return (
    <a
      href={href}
      className={className}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        navigate(href.split("#")[0] ?? href);
        focusWhenPresent(fieldId);
      }}
    >
      {children}
    </a>
  );
}
