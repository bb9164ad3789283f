/**
 * The live evaluation, computed once per change for the whole wizard (panel, step list and the
 * questions that depend on it) and deferred, so React paints the typed key before the panel.
 * Its errors are the problems with something typed, in the wizard's words: a blank answer is not
 * answered yet, never "needs correcting" (a fresh request, with no line of business, has none).
 */
import { createContext, useContext, useDeferredValue, useMemo, type ReactNode } from "react";
import { useWatch, type Control } from "react-hook-form";
import { evaluatePartial, type PartialEvaluation } from "@/criteria";
import { toDocument, type Draft } from "../draft";
import { answeredErrors, rewordErrors } from "../draft-messages";

interface Live {
  draft: Draft;
  live: PartialEvaluation;
}

function liveOf(draft: Draft): Live {
  const live = evaluatePartial(toDocument(draft));
  return { draft, live: { ...live, errors: answeredErrors(rewordErrors(live.errors, draft), draft) } };
}

const LiveContext = createContext<Live | null>(null);

export function LiveEvaluationProvider({ control, children }: { control: Control<Draft>; children: ReactNode }) {
  const values = useWatch({ control }) as Draft;
  const deferred = useDeferredValue(values);
  const value = useMemo(() => liveOf(deferred), [deferred]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

/** The shared live evaluation; outside a provider (a question rendered on its own) it computes its own. */
export function useLive(control: Control<Draft>): Live {
  const shared = useContext(LiveContext);
  const values = useWatch({ control, disabled: shared !== null }) as Draft;
  const own = useMemo(() => (shared === null ? liveOf(values) : null), [shared, values]);
  const live = shared ?? own;
  if (live === null) throw new Error("unreachable: no live evaluation");
  return live;
}

export const useLiveEvaluation = (control: Control<Draft>): PartialEvaluation => useLive(control).live;
