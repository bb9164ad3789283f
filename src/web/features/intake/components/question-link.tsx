/** A link to a question: opens its page and moves focus to the input (on click only). */
import type { ReactNode } from "react";
import { AppLink } from "@/web/components/app-link";
import { paths } from "@/web/lib/paths";
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
  const page = paths.step(step, returnToCheck);
  return (
    <AppLink
      to={`${page}#${fieldId}`}
      className={className ?? ""}
      onFollow={() => {
        navigate(page);
        focusWhenPresent(fieldId);
      }}
    >
      {children}
    </AppLink>
  );
}
