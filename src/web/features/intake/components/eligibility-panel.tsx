/**
 * Live eligibility: the outcome and every criterion with its id, status in words and reason,
 * re-evaluated as the user types. It never takes focus; the polite live region holds only the
 * outcome, so screen readers hear it when the outcome changes and not on every keystroke.
 * Each criterion's row re-renders only when what it shows (status, reason, problems) changed:
 * a keystroke re-renders the one or two rows it moves, not all sixteen.
 */
import { memo } from "react";
import type { Control } from "react-hook-form";
import { focusWithoutTabStop } from "@/web/lib/focus-after-navigation";
import {
  CRITERIA,
  OUTCOME_LABELS,
  STATUS_LABELS,
  formatDate,
  formatDatesIn,
  type CriterionId,
  type CriterionStatus,
  type Outcome,
} from "@/criteria";
import type { Draft } from "../draft";
import { problemsOf } from "../draft-messages";
import { useLiveEvaluation, useLiveSelector } from "../hooks/live-evaluation";
import { questionOf } from "../steps";
import { QuestionLink } from "./question-link";

const STATUS_STYLE: Readonly<Record<CriterionStatus, string>> = {
  met: "bg-green-100 text-green-900 border-green-800",
  not_met: "bg-red-100 text-red-900 border-red-800",
  missing: "bg-amber-50 text-amber-900 border-amber-800",
  not_applicable: "bg-slate-100 text-slate-800 border-slate-500",
};

const STATUS_MARK: Readonly<Record<CriterionStatus, string>> = {
  met: "✓",
  not_met: "✗",
  missing: "…",
  not_applicable: "–",
};

const OUTCOME_STYLE: Readonly<Record<Outcome, string>> = {
  meets_criteria: "border-green-800 bg-green-50",
  does_not_meet: "border-red-800 bg-red-50",
  incomplete: "border-amber-700 bg-amber-50",
  not_authorized: "border-red-800 bg-red-50",
  refer: "border-blue-800 bg-blue-50",
};

const PANEL_TITLE_ID = "eligibility-title";

/**
 * Small screens only: the outcome in one line, kept in view at the bottom of the screen while the
 * question is answered (the full panel comes after the question there). It links to the full
 * panel. It is not a live region (the panel's polite one says the outcome once) and never takes focus.
 */
export function OutcomeLine({ control }: { control?: Control<Draft> }) {
  // Only the outcome: a keystroke that does not change it does not re-render the line.
  const known = useLiveSelector(({ live }) => live.evaluation?.outcome, Object.is, control);
  // The outcome's words before the dash ("Meets criteria"): one line; the panel says the rest.
  const outcome = known === undefined ? "not yet known" : OUTCOME_LABELS[known].split(" — ")[0];
  return (
    <section aria-label="Eligibility outcome" className="sticky bottom-0 z-10 -mx-4 lg:hidden print:hidden">
      <a
        href={`#${PANEL_TITLE_ID}`}
        className={`flex items-center justify-between gap-3 border-t-2 border-l-8 border-t-slate-400 px-4 py-2 shadow-[0_-2px_6px_rgb(0_0_0/0.15)] ${known === undefined ? "border-l-slate-500 bg-slate-50" : OUTCOME_STYLE[known]}`}
        onClick={(event) => {
          const title = document.getElementById(PANEL_TITLE_ID);
          if (title === null || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
          event.preventDefault();
          title.scrollIntoView({ block: "start" });
          focusWithoutTabStop(title);
        }}
      >
        <span>
          Eligibility: <strong>{outcome}</strong>
        </span>
        <span className="shrink-0 underline">All criteria</span>
      </a>
    </section>
  );
}

export function EligibilityPanel({ control }: { control?: Control<Draft> }) {
  const { evaluation, errors } = useLiveEvaluation(control);
  return (
    <aside aria-labelledby="eligibility-title" className="border-2 border-slate-300 p-4">
      <h2 id={PANEL_TITLE_ID} className="text-xl font-bold focus:outline-none">
        Eligibility so far
      </h2>
      <div aria-live="polite" className="mt-3">
        {evaluation === undefined ? (
          <p className="font-bold">Answer the request type, request date and line of business to see eligibility.</p>
        ) : (
          <p className={`border-l-8 p-3 font-bold ${OUTCOME_STYLE[evaluation.outcome]}`}>
            {OUTCOME_LABELS[evaluation.outcome]}
          </p>
        )}
      </div>
      {errors.length > 0 && (
        <p className="mt-2 text-red-800">
          {errors.length} answer{errors.length === 1 ? " needs" : "s need"} correcting;{" "}
          {errors.length === 1 ? "it is" : "they are"} left out until then.
        </p>
      )}
      {evaluation?.validThrough !== undefined && (
        <p className="mt-3">
          <span className="font-bold">Valid until {formatDate(evaluation.validThrough)}</span>: after this date a lab
          result or study in the request is too old.
        </p>
      )}
      {evaluation?.referral !== undefined && (
        <p className="mt-3">
          Send this request under policy <span className="font-bold">{evaluation.referral.policy}</span>.{" "}
          {evaluation.referral.reason}.
        </p>
      )}
      {evaluation !== undefined && (
        <ol className="mt-4 space-y-2">
          {evaluation.criteria.map((criterion) => {
            // Something typed for it is invalid (left out of the evaluation): say so, never "not answered".
            const problems = problemsOf(CRITERIA[criterion.id].fields, errors);
            const correcting = criterion.status === "missing" && problems.length > 0;
            return (
              <CriterionRow
                key={criterion.id}
                id={criterion.id}
                status={criterion.status}
                correcting={correcting}
                reason={correcting ? problems.map((p) => p.message).join("; ") : criterion.reason}
              />
            );
          })}
        </ol>
      )}
    </aside>
  );
}

/** One criterion: its props are strings, so `memo` skips the rows a keystroke did not change. */
const CriterionRow = memo(function CriterionRow({
  id,
  status,
  correcting,
  reason,
}: {
  id: CriterionId;
  status: CriterionStatus;
  correcting: boolean;
  /** The reason, or what needs correcting. */
  reason: string;
}) {
  const question = questionOf(id);
  return (
    <li className="border-b border-slate-200 pb-2">
      <div className="flex items-start gap-2">
        <span className={`shrink-0 border px-1.5 text-sm font-bold ${STATUS_STYLE[status]}`}>
          <span aria-hidden="true">{STATUS_MARK[status]} </span>
          {correcting ? "Needs correcting" : STATUS_LABELS[status]}
        </span>
        <QuestionLink step={question.step} fieldId={question.fieldId} className="font-bold underline">
          {id} {CRITERIA[id].title}
        </QuestionLink>
      </div>
      <p className="mt-1 text-sm text-slate-700">{correcting ? reason : formatDatesIn(reason)}</p>
    </li>
  );
});
