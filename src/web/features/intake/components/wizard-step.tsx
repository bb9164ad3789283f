/** One question page of the wizard with its questions: loaded on demand, after the start page. */
import type { ComponentType, ReactNode } from "react";
import type { StepId } from "../steps";
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

export function WizardStep({
  step,
  onContinue,
  backHref,
  documents,
}: {
  step: StepId;
  onContinue: () => void;
  backHref: string;
  /** The page's supporting documents, after its questions (#11). */
  documents?: ReactNode;
}) {
  const Questions = STEP_COMPONENTS[step];
  return (
    <StepPage key={step} step={step} onContinue={onContinue} backHref={backHref}>
      <Questions />
      {documents}
    </StepPage>
  );
}
