/**
 * Before the summary: the answers must make a valid request document. Loaded on demand (it needs
 * the schema and the evaluation, which the start page does not).
 */
import type { ReactNode } from "react";
import type { Control } from "react-hook-form";
import { evaluatePartial, validateRequestDocument } from "@/criteria";
import { AppLink } from "@/web/components/app-link";
import { paths } from "@/web/lib/paths";
import { toDocument, type Draft } from "../draft";
import { useDraft } from "../hooks/use-draft";
import type { SummaryProps } from "./intake-page";

export function Summary({
  control,
  render,
  onBack,
}: {
  control: Control<Draft>;
  render: (props: SummaryProps) => ReactNode;
  onBack: () => void;
}) {
  const draft = useDraft(control);
  const validation = validateRequestDocument(toDocument(draft));
  const evaluation = validation.ok ? evaluatePartial(validation.document).evaluation : undefined;
  if (!validation.ok || evaluation === undefined) {
    return (
      <div>
        <h1 className="text-3xl font-bold">Some answers need correcting</h1>
        <p className="mt-4">
          <AppLink to={paths.check()} className="underline" onFollow={onBack}>
            Check your answers
          </AppLink>{" "}
          to see what to correct before the summary can be shown.
        </p>
      </div>
    );
  }
  return <>{render({ document: validation.document, evaluation, onBack })}</>;
}
