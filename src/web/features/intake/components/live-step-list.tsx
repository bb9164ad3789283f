/**
 * The step list with each page's status from the live evaluation. The statuses are recomputed on
 * every change, but the list re-renders only when one of them (or the current page) changed.
 */
import { memo, useEffect } from "react";
import { partTakenOver } from "@/web/lib/prerendered";
import { useLiveSelector } from "../hooks/live-evaluation";
import { stepStatuses, type StepStatus } from "../step-status";
import { STEP_IDS, type StepId } from "../steps";
import { StepList } from "./step-list";

const MemoStepList = memo(StepList);

const sameStatuses = (a: Record<StepId, StepStatus>, b: Record<StepId, StepStatus>): boolean =>
  STEP_IDS.every((id) => a[id] === b[id]);

export function LiveStepList({ current }: { current: StepId | "check" | undefined }) {
  const statuses = useLiveSelector(({ draft, document, live }) => stepStatuses(draft, live, document), sameStatuses);
  // Its links are the app's now (src/web/lib/prerendered.ts).
  useEffect(() => partTakenOver("step-list"), []);
  return <MemoStepList current={current} statuses={statuses} />;
}
