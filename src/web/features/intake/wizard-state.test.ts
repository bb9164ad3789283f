import { describe, expect, it } from "vitest";
import { STEP_IDS, type StepId } from "./steps";
import { fromPath, toPath, wizardReducer, type WizardAction, type WizardState } from "./wizard-state";

const ORDER: StepId[] = [
  "request",
  "member",
  "prescriber",
  "diagnosis",
  "prophylaxis",
  "exposure-days",
  "inhibitor",
  "liver",
  "gene-therapy",
  "dose",
];

const start: WizardState = { kind: "start" };
const checking: WizardState = { kind: "checking" };
const summary: WizardState = { kind: "summary" };
const editing = (step: StepId, returnToCheck = false): WizardState => ({ kind: "editing", step, returnToCheck });

const ALL_STATES: WizardState[] = [
  start,
  checking,
  summary,
  ...ORDER.flatMap((step) => [editing(step), editing(step, true)]),
];

const name = (state: WizardState): string =>
  state.kind === "editing" ? `editing ${state.step}${state.returnToCheck ? " (return to check)" : ""}` : state.kind;

const reduce = (state: WizardState, ...actions: WizardAction[]): WizardState => actions.reduce(wizardReducer, state);

describe("the steps", () => {
  it("are the ten pages in policy order", () => {
    expect([...STEP_IDS]).toEqual(ORDER);
  });
});

describe("wizardReducer", () => {
  describe.each(ALL_STATES.map((state) => [name(state), state] as const))("from %s", (_, state) => {
    it("start opens the first page", () => {
      expect(wizardReducer(state, { type: "start" })).toEqual(editing("request"));
    });

    it("restart returns to the start page", () => {
      expect(wizardReducer(state, { type: "restart" })).toEqual(start);
    });

    it("goToStep opens that page, not returning to the check", () => {
      for (const step of ORDER) expect(wizardReducer(state, { type: "goToStep", step })).toEqual(editing(step));
    });

    it("change opens that page and returns to the check after it", () => {
      for (const step of ORDER) expect(wizardReducer(state, { type: "change", step })).toEqual(editing(step, true));
    });

    it("checkAnswers opens the check page", () => {
      expect(wizardReducer(state, { type: "checkAnswers" })).toEqual(checking);
    });

    it("viewSummary opens the summary", () => {
      expect(wizardReducer(state, { type: "viewSummary" })).toEqual(summary);
    });

    it("continue goes to the next page, or to the check after the last page or a change", () => {
      const expected =
        state.kind !== "editing"
          ? state
          : state.returnToCheck
            ? checking
            : state.step === "dose"
              ? checking
              : editing(ORDER[ORDER.indexOf(state.step) + 1] ?? "dose");
      expect(wizardReducer(state, { type: "continue" })).toEqual(expected);
    });

    it("back goes to the previous page, or the start before the first, or the check after a change", () => {
      const expected: WizardState =
        state.kind === "start"
          ? start
          : state.kind === "checking"
            ? editing("dose")
            : state.kind === "summary"
              ? checking
              : state.returnToCheck
                ? checking
                : state.step === "request"
                  ? start
                  : editing(ORDER[ORDER.indexOf(state.step) - 1] ?? "request");
      expect(wizardReducer(state, { type: "back" })).toEqual(expected);
    });

    it("leaves the state it was given unchanged", () => {
      const copy = structuredClone(state);
      for (const action of [
        { type: "continue" },
        { type: "back" },
        { type: "start" },
        { type: "change", step: "liver" },
      ] as const)
        wizardReducer(state, action);
      expect(state).toEqual(copy);
    });
  });

  it("walks every page with continue from start to the check, and back again to the start", () => {
    let state = reduce(start, { type: "start" });
    const visited: string[] = [];
    while (state.kind === "editing") {
      visited.push(state.step);
      state = wizardReducer(state, { type: "continue" });
    }
    expect(visited).toEqual(ORDER);
    expect(state).toEqual(checking);

    const back: string[] = [];
    state = wizardReducer(state, { type: "back" });
    while (state.kind === "editing") {
      back.push(state.step);
      state = wizardReducer(state, { type: "back" });
    }
    expect(back).toEqual([...ORDER].reverse());
    expect(state).toEqual(start);
  });

  it("back from the first page goes to the start page", () => {
    expect(wizardReducer(editing("request"), { type: "back" })).toEqual(start);
  });

  it("continue from the last page goes to the check", () => {
    expect(wizardReducer(editing("dose"), { type: "continue" })).toEqual(checking);
  });

  it("a change from the check edits one page and continue returns to the check", () => {
    const changing = wizardReducer(checking, { type: "change", step: "member" });
    expect(changing).toEqual({ kind: "editing", step: "member", returnToCheck: true });
    expect(wizardReducer(changing, { type: "continue" })).toEqual(checking);
    expect(wizardReducer(changing, { type: "back" })).toEqual(checking);
  });

  it("the summary goes back to the check", () => {
    expect(reduce(checking, { type: "viewSummary" }, { type: "back" })).toEqual(checking);
  });
});

describe("toPath and fromPath", () => {
  it.each(ALL_STATES.map((state) => [name(state), state] as const))("round-trip %s", (_, state) => {
    expect(fromPath(toPath(state))).toEqual(state);
  });

  it("give every state its own path", () => {
    const paths = ALL_STATES.map(toPath);
    expect(new Set(paths).size).toBe(ALL_STATES.length);
  });

  it("write the paths the app links to", () => {
    expect(toPath(start)).toBe("/");
    expect(toPath(checking)).toBe("/check");
    expect(toPath(summary)).toBe("/summary");
    expect(toPath(editing("exposure-days"))).toBe("/request/exposure-days");
    expect(toPath(editing("liver", true))).toBe("/request/liver?return=check");
  });

  it("read the return-to-check flag only from its own query", () => {
    expect(fromPath("/request/liver?return=check&x=1")).toEqual(editing("liver", true));
    expect(fromPath("/request/liver?return=summary")).toEqual(editing("liver"));
    expect(fromPath("/request/liver?")).toEqual(editing("liver"));
  });

  it.each([
    "",
    "/unknown",
    "/request",
    "/request/",
    "/request/nope",
    "/request/Member",
    "/request/member/extra",
    "/request/member-",
    "/check/extra",
    "/summary/",
    "request/member",
    "//request/member",
    "/?return=check",
  ])("read the unknown path %j as the start page", (path) => {
    expect(fromPath(path)).toEqual(start);
  });
});
