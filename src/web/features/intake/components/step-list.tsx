/** The step indicator: every page with its status in words; the current one marked with aria-current. */
import { navigate } from "@/web/app/router";
import { STEP_IDS, STEPS, type StepId } from "../steps";
import { STEP_STATUS_LABELS, type StepStatus } from "../step-status";

const STATUS_STYLE: Readonly<Record<StepStatus, string>> = {
  not_started: "text-slate-600",
  in_progress: "text-amber-800",
  complete: "text-green-800",
  has_problem: "text-red-700 font-bold",
  not_needed: "text-slate-500",
};

export function StepList({
  current,
  statuses,
}: {
  current: StepId | "check" | undefined;
  statuses: Record<StepId, StepStatus>;
}) {
  return (
    <nav aria-label="Steps of the request">
      <ol className="space-y-1">
        {STEP_IDS.map((id, index) => {
          const isCurrent = id === current;
          return (
            <li key={id}>
              <a
                href={`/request/${id}`}
                aria-current={isCurrent ? "step" : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(`/request/${id}`);
                }}
                className={`block border-l-4 px-2 py-1 ${isCurrent ? "border-blue-700 bg-blue-50 font-bold" : "border-transparent"} hover:bg-slate-100`}
              >
                <span className="underline">
                  {index + 1}. {STEPS[id].title}
                </span>
                <span className={`block text-sm ${STATUS_STYLE[statuses[id]]}`}>
                  {STEP_STATUS_LABELS[statuses[id]]}
                </span>
              </a>
            </li>
          );
        })}
        <li>
          <a
            href="/check"
            aria-current={current === "check" ? "step" : undefined}
            onClick={(event) => {
              event.preventDefault();
              navigate("/check");
            }}
            className={`block border-l-4 px-2 py-1 ${current === "check" ? "border-blue-700 bg-blue-50 font-bold" : "border-transparent"} underline hover:bg-slate-100`}
          >
            Check your answers
          </a>
        </li>
      </ol>
    </nav>
  );
}
