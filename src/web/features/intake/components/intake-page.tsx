/**
 * The intake feature's frame: the form (restored from this browser), the step list, the current
 * page and the live eligibility panel. The wizard's place is the URL, moved by `wizardReducer`.
 */
import { lazy, memo, Suspense, useCallback, useMemo, type ReactNode } from "react";
import { FormProvider, type UseFormReturn } from "react-hook-form";
import type { Evaluation, RequestDocument } from "@/criteria";
import { MainContent } from "@/web/components/main-content";
import { navigate, useLocation } from "@/web/lib/router";
import { BackAddress } from "@/web/components/buttons";
import { preloadable } from "@/web/lib/preloadable";
import { isRecordRoute, matchRoute } from "@/web/lib/paths";
import type { RecordTarget } from "@/web/lib/record-provenance";
import { toDocument, type Draft } from "../draft";
import { fillDraft } from "../record-answers";
import { flushDraft } from "../draft-storage";
import { DraftProvider } from "../hooks/use-draft";
import { useIntakeForm } from "../hooks/use-intake-form";
import type { StepId } from "../steps";
import { fromPath, toPath, wizardReducer, type WizardAction, type WizardState } from "../wizard-state";
import { StartPage } from "./start-page";

const CheckAnswers = lazy(() => import("./check-answers").then((m) => ({ default: m.CheckAnswers })));
// The start page is the first bundle; the evaluation (schema, criteria) and the questions come
// after it, so they load on demand (and are asked for as soon as the page is up: `preloadIntake`).
const Summary = preloadable(() => import("./summary-check").then((m) => m.Summary));
const WizardStep = preloadable(() => import("./wizard-step").then((m) => m.WizardStep));
const LiveStepList = preloadable(() => import("./live-step-list").then((m) => m.LiveStepList));
const EligibilityPanel = preloadable(() => import("./eligibility-panel").then((m) => m.EligibilityPanel));
const OutcomeLine = preloadable(() => import("./eligibility-panel").then((m) => m.OutcomeLine));

/** Loads the wizard's code ahead of need; resolves when the pages of `path` can render without waiting. */
export function preloadIntake(path = "/"): Promise<unknown> {
  const parts: Promise<unknown>[] = [LiveStepList.preload(), EligibilityPanel.preload(), OutcomeLine.preload()];
  const later = [WizardStep.preload, Summary.preload];
  if (path === "/") return Promise.all(parts).then(() => Promise.all(later.map((load) => load())));
  return Promise.all([...parts, ...later.map((load) => load())]);
}

export interface SummaryProps {
  document: RequestDocument;
  evaluation: Evaluation;
  onBack: () => void;
}

const Loading = () => <p aria-live="polite">Loading…</p>;

interface IntakePageProps {
  renderSummary: (props: SummaryProps) => ReactNode;
  /** Rendered inside the form's context on every page (e.g. the server draft for signed-in staff). */
  formExtras?: ReactNode;
  /** The supporting documents of a question page, or of "Check your answers" (#11; server state, lazy). */
  renderDocuments?: (place: StepId | "check") => ReactNode;
  /** The record import's pages (/record), given the wizard's answers to read and fill. */
  renderRecordPage?: (target: RecordTarget) => ReactNode;
}

export function IntakePage(props: IntakePageProps) {
  const form = useIntakeForm();
  return <IntakeFrame form={form} {...props} />;
}

/**
 * Everything below the form. It reads the form through subscriptions (`useWatch`, `useFormState`,
 * the `DraftProvider`), so the form's own state changes, which re-render `IntakePage`, need not
 * draw it again: react-hook-form's first "ready" update, made in a layout effect in the hydration's
 * commit, would otherwise draw the whole page again at once, in one long synchronous task that
 * also hydrates at once every part React was hydrating in slices. (`form` keeps its identity.)
 */
const IntakeFrame = memo(function IntakeFrame({
  form,
  renderSummary,
  formExtras,
  renderDocuments,
  renderRecordPage,
}: IntakePageProps & { form: UseFormReturn<Draft> }) {
  const location = useLocation();
  const state: WizardState = fromPath(location);
  const recordPage = isRecordRoute(matchRoute(location));
  const recordTarget = useMemo<RecordTarget>(
    () => ({
      currentDocument: () => toDocument(form.getValues()),
      fill: (answers) => {
        const { draft, applied } = fillDraft(form.getValues(), answers);
        form.reset(draft);
        return applied;
      },
    }),
    [form],
  );
  const dispatch = useCallback(
    (action: WizardAction) => {
      flushDraft(); // the page moves: what was typed is stored before anything else runs
      navigate(toPath(wizardReducer(state, action)));
    },
    [state],
  );
  // Every page's back link is a real link to the page "back" leads to.
  const backHref = toPath(wizardReducer(state, { type: "back" }));

  if (state.kind === "summary") {
    return (
      <FormProvider {...form}>
        <BackAddress value={backHref}>
          <MainContent>
            {formExtras}
            <Suspense fallback={<Loading />}>
              <Summary control={form.control} render={renderSummary} onBack={() => dispatch({ type: "back" })} />
            </Suspense>
          </MainContent>
        </BackAddress>
      </FormProvider>
    );
  }

  const current = state.kind === "editing" ? state.step : state.kind === "checking" ? "check" : undefined;
  return (
    <FormProvider {...form}>
      <DraftProvider control={form.control}>
        <BackAddress value={backHref}>
          {/* Small screens: one column, the step list folded to a line, the question first, the outcome
              kept in view at the bottom. Wide screens: steps | question | panel. */}
          <div className="flex flex-col gap-6 lg:grid lg:grid-cols-[13rem_minmax(0,1fr)_22rem] lg:gap-8">
            {/* The start page lists the steps itself: on a small screen its Start button comes first. */}
            <div className={`print:hidden ${state.kind === "start" ? "hidden lg:block" : ""}`}>
              <Suspense fallback={null}>
                <LiveStepList current={current} />
              </Suspense>
            </div>
            <MainContent>
              {formExtras}
              {recordPage && renderRecordPage?.(recordTarget)}
              {!recordPage && state.kind === "start" && <StartPage onStart={() => dispatch({ type: "start" })} />}
              {!recordPage && state.kind === "editing" && (
                <Suspense fallback={<Loading />}>
                  <WizardStep
                    step={state.step}
                    onContinue={() => dispatch({ type: "continue" })}
                    backHref={backHref}
                    documents={renderDocuments?.(state.step)}
                  />
                </Suspense>
              )}
              {!recordPage && state.kind === "checking" && (
                <Suspense fallback={<Loading />}>
                  <CheckAnswers
                    onBack={() => dispatch({ type: "back" })}
                    onContinue={() => dispatch({ type: "viewSummary" })}
                    documents={renderDocuments?.("check")}
                  />
                </Suspense>
              )}
            </MainContent>
            {(state.kind !== "start" || recordPage) && (
              <Suspense fallback={null}>
                <OutcomeLine />
              </Suspense>
            )}
            <div className="print:hidden">
              <Suspense fallback={null}>
                <EligibilityPanel />
              </Suspense>
            </div>
          </div>
        </BackAddress>
      </DraftProvider>
    </FormProvider>
  );
});
