/**
 * The wizard's answers as one `Draft`, for the components that read all of them (the live
 * evaluation, the summary, the start page). The form is watched once for the whole wizard (the
 * `DraftProvider`); inside it `useDraft()` reads that one copy, outside it (a page rendered on its
 * own, a test) it watches the form itself. Components that need one answer watch that answer
 * (`useWatch({ name })`), not this.
 */
import { createContext, use, type ReactNode } from "react";
import { useFormContext, useWatch, type Control } from "react-hook-form";
import type { Draft } from "../draft";

const DraftContext = createContext<Draft | null>(null);

/** Watches every answer once and hands the draft to `useDraft()` below it. */
export function DraftProvider({ control, children }: { control: Control<Draft>; children: ReactNode }) {
  const draft = useDraft(control);
  return <DraftContext value={draft}>{children}</DraftContext>;
}

/** Every answer, re-read on each change. The one place the watched values are typed as a `Draft`. */
export function useDraft(control?: Control<Draft>): Draft {
  const shared = use(DraftContext);
  const context = useFormContext<Draft>() as ReturnType<typeof useFormContext<Draft>> | null;
  const own = useWatch({ control: control ?? context?.control, disabled: shared !== null });
  return shared ?? (own as Draft);
}
