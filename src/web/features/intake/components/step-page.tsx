/**
 * One question page: back link, error summary, heading, its questions, Continue. Continue checks
 * this page's answers against the shared schema; blanks are allowed (a request is filled in over
 * time), invalid answers are not. Nothing typed is ever cleared.
 */
import { useEffect, useRef, useState, type ReactNode, type SyntheticEvent } from "react";
import { get, useFormContext, useFormState, type FieldErrors, type FieldPath } from "react-hook-form";
import { BackLink, Button } from "@/web/components/buttons";
import { ErrorSummary, type SummaryError } from "@/web/components/error-summary";
import { inputId } from "@/web/components/form-fields";
import { useDocumentTitle } from "@/web/components/use-document-title";
import { takeOverPrerenderedPage } from "@/web/lib/prerendered";
import type { Draft } from "../draft";
import { STEP_IDS, STEPS, stepIndex, type StepId } from "../steps";

/** Flattens nested field errors to "path → message", in the order the inputs appear. */
export function flattenErrors(errors: FieldErrors, prefix = ""): SummaryError[] {
  const out: SummaryError[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (typeof value !== "object" || value === null) continue;
    const path = prefix === "" ? key : `${prefix}.${key}`;
    const message = (value as { message?: unknown }).message;
    if (typeof message === "string") out.push({ fieldId: inputId(path), message });
    else out.push(...flattenErrors(value as FieldErrors, path));
  }
  return out;
}

interface StepPageProps {
  step: StepId;
  onContinue: () => void;
  /** The previous page's address: the back link is a real link to it. */
  backHref: string;
  children: ReactNode;
}

export function StepPage({ step, onContinue, backHref, children }: StepPageProps) {
  const { trigger, control } = useFormContext<Draft>();
  const heading = useRef<HTMLHeadingElement>(null);
  const paths = STEPS[step].paths as readonly FieldPath<Draft>[];
  const { errors } = useFormState({ control, name: [...paths] });
  const [attempts, setAttempts] = useState(0);
  const stepErrors = paths.flatMap((path) => {
    const error = get<typeof errors, FieldErrors | { message?: string } | undefined>(errors, path);
    if (error === undefined) return [];
    return "message" in error && typeof error.message === "string"
      ? [{ fieldId: inputId(path), message: error.message }]
      : flattenErrors(error as FieldErrors, path);
  });
  const showErrors = attempts > 0 && stepErrors.length > 0;
  useDocumentTitle(STEPS[step].title, showErrors);

  // The question page is the form's now: a prerendered page may be used (src/web/lib/prerendered.ts).
  useEffect(takeOverPrerenderedPage, []);
  // A new page starts at its heading, as a page load would for a screen reader.
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null)
      heading.current?.focus({ preventScroll: true });
  }, []);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void trigger([...paths]).then((valid) => {
      if (valid) onContinue();
      else setAttempts((n) => n + 1);
    });
  };

  return (
    <form noValidate onSubmit={submit} aria-labelledby="step-title">
      <BackLink href={backHref} />
      {showErrors && <ErrorSummary errors={stepErrors} focusKey={attempts} />}
      <p className="text-lg text-slate-600">
        Step {stepIndex(step) + 1} of {STEP_IDS.length}
      </p>
      <h1 id="step-title" ref={heading} tabIndex={-1} className="mb-6 text-3xl font-bold focus:outline-none">
        {STEPS[step].title}
      </h1>
      {children}
      <Button type="submit">Continue</Button>
    </form>
  );
}
