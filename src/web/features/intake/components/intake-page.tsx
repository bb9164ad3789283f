/**
 * The intake feature's frame: the form (restored from this browser), the step list, the current
 * page and the live eligibility panel. The wizard's place is the URL, moved by `wizardReducer`.
 */
import { lazy, Suspense, useCallback, type ComponentType, type ReactNode } from "react";
import { FormProvider, useWatch, type Control } from "react-hook-form";
import { evaluatePartial, validateRequestDocument, type Evaluation, type RequestDocument } from "@/criteria";
import { MainContent } from "@/web/components/main-content";
import { paths } from "@/web/lib/paths";
import { navigate, useLocation } from "@/web/lib/router";
import { AppLink } from "@/web/components/app-link";
import { BackAddress } from "@/web/components/buttons";
import { toDocument, type Draft } from "../draft";
import { LiveEvaluationProvider, useLive } from "../hooks/live-evaluation";
import { useIntakeForm } from "../hooks/use-intake-form";
import { stepStatuses } from "../step-status";
import type { StepId } from "../steps";
import { fromPath, toPath, wizardReducer, type WizardAction, type WizardState } from "../wizard-state";
import { EligibilityPanel, OutcomeLine } from "./eligibility-panel";
import { StartPage } from "./start-page";
import { StepList } from "./step-list";
import { StepPage } from "./step-page";
import { DiagnosisStep } from "./steps/diagnosis-step";
import { DoseStep } from "./steps/dose-step";
import { ExposureDaysStep } from "./steps/exposure-days-step";
import { GeneTherapyStep } from "./steps/gene-therapy-step";
import { InhibitorStep } from "./steps/inhibitor-step";
import { LiverStep } from "./steps/liver-step";
import { MemberStep } from "./steps/member-step";
import { PrescriberStep } from "./steps/prescriber-step";
import { ProphylaxisStep } from "./steps/prophylaxis-step";
import { RequestStep } from "./steps/request-step";

const CheckAnswers = lazy(() => import("./check-answers").then((m) => ({ default: m.CheckAnswers })));

const STEP_COMPONENTS: Readonly<Record<StepId, ComponentType>> = {
  request: RequestStep,
  member: MemberStep,
  prescriber: PrescriberStep,
  diagnosis: DiagnosisStep,
  prophylaxis: ProphylaxisStep,
  "exposure-days": ExposureDaysStep,
  inhibitor: InhibitorStep,
  liver: LiverStep,
  "gene-therapy": GeneTherapyStep,
  dose: DoseStep,
};

export interface SummaryProps {
  document: RequestDocument;
  evaluation: Evaluation;
  onBack: () => void;
}

function Steps({ control, current }: { control: Control<Draft>; current: StepId | "check" | undefined }) {
  const { draft, live } = useLive(control);
  return <StepList current={current} statuses={stepStatuses(draft, live)} />;
}

function Summary({
  control,
  render,
  onBack,
}: {
  control: Control<Draft>;
  render: (props: SummaryProps) => ReactNode;
  onBack: () => void;
}) {
  const draft = useWatch({ control }) as Draft;
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

const Loading = () => <p aria-live="polite">Loading…</p>;

interface IntakePageProps {
  renderSummary: (props: SummaryProps) => ReactNode;
  /** Rendered inside the form's context on every page (e.g. the server draft for signed-in staff). */
  formExtras?: ReactNode;
}

export function IntakePage({ renderSummary, formExtras }: IntakePageProps) {
  const form = useIntakeForm();
  const state: WizardState = fromPath(useLocation());
  const dispatch = useCallback((action: WizardAction) => navigate(toPath(wizardReducer(state, action))), [state]);
  // Every page's back link is a real link to the page "back" leads to.
  const backHref = toPath(wizardReducer(state, { type: "back" }));

  if (state.kind === "summary") {
    return (
      <FormProvider {...form}>
        <BackAddress value={backHref}>
          <MainContent>
            {formExtras}
            <Summary control={form.control} render={renderSummary} onBack={() => dispatch({ type: "back" })} />
          </MainContent>
        </BackAddress>
      </FormProvider>
    );
  }

  const current = state.kind === "editing" ? state.step : state.kind === "checking" ? "check" : undefined;
  const StepQuestions = state.kind === "editing" ? STEP_COMPONENTS[state.step] : undefined;
  return (
    <FormProvider {...form}>
      <LiveEvaluationProvider control={form.control}>
        <BackAddress value={backHref}>
          {/* Small screens: one column, the step list folded to a line, the question first, the outcome
              kept in view at the bottom. Wide screens: steps | question | panel. */}
          <div className="flex flex-col gap-6 lg:grid lg:grid-cols-[13rem_minmax(0,1fr)_22rem] lg:gap-8">
            {/* The start page lists the steps itself: on a small screen its Start button comes first. */}
            <div className={`print:hidden ${state.kind === "start" ? "hidden lg:block" : ""}`}>
              <Steps control={form.control} current={current} />
            </div>
            <MainContent>
              {formExtras}
              {state.kind === "start" && <StartPage onStart={() => dispatch({ type: "start" })} />}
              {state.kind === "editing" && StepQuestions !== undefined && (
                <StepPage
                  key={state.step}
                  step={state.step}
                  onContinue={() => dispatch({ type: "continue" })}
                  backHref={backHref}
                >
                  <StepQuestions />
                </StepPage>
              )}
              {state.kind === "checking" && (
                <Suspense fallback={<Loading />}>
                  <CheckAnswers
                    onBack={() => dispatch({ type: "back" })}
                    onContinue={() => dispatch({ type: "viewSummary" })}
                  />
                </Suspense>
              )}
            </MainContent>
            {state.kind !== "start" && <OutcomeLine control={form.control} />}
            <div className="print:hidden">
              <EligibilityPanel control={form.control} />
            </div>
          </div>
        </BackAddress>
      </LiveEvaluationProvider>
    </FormProvider>
  );
}
