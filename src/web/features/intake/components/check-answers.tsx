/**
 * "Check your answers": every answer by page, each with a Change link that opens its question
 * and comes back here. Problems are listed first; the summary opens once there are none.
 */
import type { ReactNode } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { BackLink, Button } from "@/web/components/buttons";
import { ErrorSummary } from "@/web/components/error-summary";
import { inputId } from "@/web/components/form-fields";
import { useDocumentTitle } from "@/web/components/use-document-title";
import { answerRows, checkedSteps } from "../answer-rows";
import type { Draft } from "../draft";
import { draftErrors } from "../draft-messages";
import { STEPS, stepOfPath } from "../steps";
import { ImportExport } from "./import-export";
import { QuestionLink } from "./question-link";

export function CheckAnswers({
  onBack,
  onContinue,
  documents,
}: {
  onBack: () => void;
  onContinue: () => void;
  /** Every document attached, by checklist item (#11). */
  documents?: ReactNode;
}) {
  const { control } = useFormContext<Draft>();
  const draft = useWatch({ control }) as Draft;
  const errors = draftErrors(draft);
  useDocumentTitle("Check your answers", errors.length > 0);
  const all = answerRows(draft);
  return (
    <div>
      <BackLink onClick={onBack} />
      <ErrorSummary
        errors={errors.map((error) => ({ fieldId: inputId(error.path), message: error.message, path: error.path }))}
        focusKey={0}
        link={(error, className) => (
          <QuestionLink step={stepOfPath(error.path)} fieldId={error.fieldId} returnToCheck className={className}>
            {error.message}
          </QuestionLink>
        )}
      />
      <h1 className="mb-6 text-3xl font-bold">Check your answers</h1>
      {checkedSteps(draft).map((step) => (
        <section key={step} aria-labelledby={`check-${step}`} className="mb-8">
          <h2 id={`check-${step}`} className="mb-2 text-2xl font-bold">
            {STEPS[step].title}
          </h2>
          <dl className="border-t border-slate-300">
            {all[step].map((row) => (
              <div
                key={row.field}
                className="grid grid-cols-1 gap-1 border-b border-slate-300 py-3 sm:grid-cols-[14rem_1fr_auto] sm:gap-4"
              >
                <dt className="font-bold">{row.label}</dt>
                <dd
                  className={
                    row.problem !== undefined ? "font-bold text-red-700" : row.value === "" ? "text-slate-600" : ""
                  }
                >
                  {row.problem !== undefined
                    ? `Needs correcting: ${row.problem}`
                    : row.value === ""
                      ? "Not answered"
                      : row.value}
                </dd>
                <dd>
                  {row.change !== null && (
                    <QuestionLink step={step} fieldId={inputId(row.field)} returnToCheck className="underline">
                      Change<span className="sr-only"> {row.change ?? row.label.toLowerCase()}</span>
                    </QuestionLink>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {documents}
      {errors.length === 0 ? (
        <Button onClick={onContinue}>Continue to the summary</Button>
      ) : (
        <p className="text-lg font-bold">Correct the problems above to see the summary.</p>
      )}
      <ImportExport />
    </div>
  );
}
