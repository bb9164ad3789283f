/** The wizard's question pages: the shared table (src/criteria/steps.ts) and what only the wizard needs. */
import { CRITERIA, STEP_IDS, stepOfPath, type CriterionId, type StepId } from "@/criteria";
import { inputId } from "@/web/components/form-fields";

export { STEP_IDS, STEPS, stepOfPath, type StepId } from "@/criteria";

export const stepIndex = (id: StepId): number => STEP_IDS.indexOf(id);

export const isStepId = (value: string): value is StepId => (STEP_IDS as readonly string[]).includes(value);

/** Document paths whose question is a differently named input of the draft. */
const QUESTION_OF_PATH: Readonly<Record<string, string>> = {
  bleeds: "bleedsOnRecord",
  "inhibitor.assays": "inhibitor.assaysOnRecord",
  "liver.ultrasound": "liver.ultrasound.result",
  "liver.elastography": "liver.elastography.result",
  "member.weight": "member.weight.value",
};

/** The question that feeds a criterion (its first field): the page and the input's id. */
export function questionOf(id: CriterionId): { step: StepId; fieldId: string } {
  const first = CRITERIA[id].fields[0] ?? "requestDate";
  return { step: stepOfPath(first), fieldId: inputId(QUESTION_OF_PATH[first] ?? first) };
}
