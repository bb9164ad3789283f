/**
 * The step list with each page's status from the live evaluation. The statuses are recomputed on
 * every change, but the list re-renders only when one of them (or the current page) changed.
 */
import { memo, type ComponentProps } from "react";
import { useLive } from "../hooks/live-evaluation";
import { stepStatuses } from "../step-status";
import { STEP_IDS, type StepId } from "../steps";
import { StepList } from "./step-list";

type Props = ComponentProps<typeof StepList>;

const MemoStepList = memo(
  StepList,
  (a: Props, b: Props) => a.current === b.current && STEP_IDS.every((id) => a.statuses[id] === b.statuses[id]),
);

export function LiveStepList({ current }: { current: StepId | "check" | undefined }) {
  const { draft, live } = useLive();
  return <MemoStepList current={current} statuses={stepStatuses(draft, live)} />;
}
