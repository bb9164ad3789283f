/**
 * The step list with each page's status from the live evaluation. The statuses are recomputed on
 * every change, but the list re-renders only when one of them (or the current page) changed.
 */
import { memo, useSyncExternalStore } from "react";
import { useLiveSelector } from "../hooks/live-evaluation";
import { stepStatuses, type StepStatus } from "../step-status";
import { STEP_IDS, type StepId } from "../steps";
import { StepList } from "./step-list";

const MemoStepList = memo(StepList);

// What this part was drawn by: false on the server and while React hydrates its HTML, then true.
const noChange = () => () => undefined;
const inBrowser = () => true;
const onServer = () => false;

const sameStatuses = (a: Record<StepId, StepStatus>, b: Record<StepId, StepStatus>): boolean =>
  STEP_IDS.every((id) => a[id] === b[id]);

export function LiveStepList({ current }: { current: StepId | "check" | undefined }) {
  const statuses = useLiveSelector(({ draft, document, live }) => stepStatuses(draft, live, document), sameStatuses);
  // On a prerendered page React hydrates this part when its code is in, after the page around it
  // (src/web/lib/prerendered.ts). Its links are inert until then: a click on one would otherwise be
  // the browser's, which loads the link's address as a new page. Drawn in the browser, it never is.
  const hydrated = useSyncExternalStore(noChange, inBrowser, onServer);
  return (
    <div inert={!hydrated}>
      <MemoStepList current={current} statuses={statuses} />
    </div>
  );
}
