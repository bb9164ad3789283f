/**
 * Where the user is in the wizard, as a discriminated union moved by a reducer. The state is
 * kept in the URL (so a reload returns to the same page); `toPath` and `fromPath` convert, through
 * the app's route table.
 */
import { matchRoute, paths } from "@/web/lib/paths";
import { STEP_IDS, isStepId, stepIndex, type StepId } from "./steps";

export type WizardState =
  | { kind: "start" }
  | { kind: "editing"; step: StepId; returnToCheck: boolean }
  | { kind: "checking" }
  | { kind: "summary" };

export type WizardAction =
  | { type: "start" }
  | { type: "continue" }
  | { type: "back" }
  | { type: "goToStep"; step: StepId }
  | { type: "change"; step: StepId }
  | { type: "checkAnswers" }
  | { type: "viewSummary" }
  | { type: "restart" };

const editing = (step: StepId, returnToCheck = false): WizardState => ({ kind: "editing", step, returnToCheck });

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case "start":
      return editing("request");
    case "restart":
      return { kind: "start" };
    case "goToStep":
      return editing(action.step);
    case "change":
      return editing(action.step, true);
    case "checkAnswers":
      return { kind: "checking" };
    case "viewSummary":
      return { kind: "summary" };
    case "continue": {
      if (state.kind !== "editing") return state;
      if (state.returnToCheck) return { kind: "checking" };
      const next = STEP_IDS[stepIndex(state.step) + 1];
      return next === undefined ? { kind: "checking" } : editing(next);
    }
    case "back": {
      switch (state.kind) {
        case "start":
          return state;
        case "editing": {
          if (state.returnToCheck) return { kind: "checking" };
          const previous = STEP_IDS[stepIndex(state.step) - 1];
          return previous === undefined ? { kind: "start" } : editing(previous);
        }
        case "checking":
          return editing("dose");
        case "summary":
          return { kind: "checking" };
      }
    }
  }
}

export function toPath(state: WizardState): string {
  switch (state.kind) {
    case "start":
      return paths.start();
    case "editing":
      return paths.step(state.step, state.returnToCheck);
    case "checking":
      return paths.check();
    case "summary":
      return paths.summary();
  }
}

export function fromPath(location: string): WizardState {
  const route = matchRoute(location);
  if (route.name === "check") return { kind: "checking" };
  if (route.name === "summary") return { kind: "summary" };
  if (route.name === "step" && isStepId(route.step)) return editing(route.step, route.query.get("return") === "check");
  return { kind: "start" };
}
