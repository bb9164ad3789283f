/**
 * The step indicator: every page with its status in words; the current one marked with
 * aria-current. On a small screen it folds into one line ("Step 8 of 10: Liver workup"), a
 * disclosure button that shows the list, so the page's question comes first; following a step
 * folds it again. On a wide screen the list is always shown and the button is not there.
 */
import { memo, useState } from "react";
import { AppLink } from "@/web/components/app-link";
import { paths } from "@/web/lib/paths";
import { STEP_IDS, STEPS, stepIndex, type StepId } from "../steps";
import { STEP_STATUS_LABELS, type StepStatus } from "../step-status";

const STATUS_STYLE: Readonly<Record<StepStatus, string>> = {
  not_started: "text-slate-600",
  in_progress: "text-amber-800",
  complete: "text-green-800",
  has_problem: "text-red-700 font-bold",
  not_needed: "text-slate-500",
};

const LIST_ID = "step-list";

/** The folded list's one line: where the user is. */
function whereAmI(current: StepId | "check" | undefined): string {
  if (current === undefined) return `${STEP_IDS.length} steps`;
  if (current === "check") return "Check your answers";
  return `Step ${stepIndex(current) + 1} of ${STEP_IDS.length}: ${STEPS[current].title}`;
}

export function StepList({
  current,
  statuses,
}: {
  current: StepId | "check" | undefined;
  statuses: Record<StepId, StepStatus>;
}) {
  // Open on the page where it was opened: moving to another page folds it without an effect.
  const here = current ?? "start";
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === here;
  return (
    <nav aria-label="Steps of the request">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={LIST_ID}
        onClick={() => setOpenOn(open ? null : here)}
        className="flex w-full items-center justify-between gap-2 border-2 border-slate-400 bg-slate-50 px-3 py-2 text-left text-lg font-bold lg:hidden"
      >
        <span>{whereAmI(current)}</span>
        {/* The state is aria-expanded's to say; the arrow only shows it. */}
        <span aria-hidden="true" className="shrink-0">
          {open ? "▴" : "▾"}
        </span>
      </button>
      <ol id={LIST_ID} className={`mt-2 space-y-1 lg:mt-0 lg:block ${open ? "" : "hidden"}`}>
        {STEP_IDS.map((id) => (
          <StepItem key={id} id={id} status={statuses[id]} isCurrent={id === current} />
        ))}
        <li>
          <AppLink
            to={paths.check()}
            aria-current={current === "check" ? "step" : undefined}
            className={`block border-l-4 px-2 py-1 ${current === "check" ? "border-blue-700 bg-blue-50 font-bold" : "border-transparent"} underline hover:bg-slate-100`}
          >
            Check your answers
          </AppLink>
        </li>
      </ol>
    </nav>
  );
}

/** One page of the list: a key that changes one page's status draws only that page again. */
const StepItem = memo(function StepItem({
  id,
  status,
  isCurrent,
}: {
  id: StepId;
  status: StepStatus;
  isCurrent: boolean;
}) {
  return (
    <li>
      <AppLink
        to={paths.step(id)}
        aria-current={isCurrent ? "step" : undefined}
        className={`block border-l-4 px-2 py-1 ${isCurrent ? "border-blue-700 bg-blue-50 font-bold" : "border-transparent"} hover:bg-slate-100`}
      >
        <span className="underline">
          {stepIndex(id) + 1}. {STEPS[id].title}
        </span>
        <span className={`block text-sm ${STATUS_STYLE[status]}`}>{STEP_STATUS_LABELS[status]}</span>
      </AppLink>
    </li>
  );
});
