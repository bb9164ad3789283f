/**
 * The live evaluation of the wizard's answers, for the panel, the step list and the questions that
 * depend on it. It is computed once per change however many components ask: each draft (a new
 * object on every change, from `useDraft()`) keeps its evaluation in a weak cache. Its errors are
 * the problems with something typed, in the wizard's words: a blank answer is not answered yet,
 * never "needs correcting" (a fresh request, with no line of business, has none).
 */
import type { Control } from "react-hook-form";
import { evaluatePartial, liveEvaluator, type PartialEvaluation } from "@/criteria";
import { isShared } from "@/web/lib/share-unchanged";
import { documentBuilder, toDocument, type Draft } from "../draft";
import { answeredErrors, rewordErrors } from "../draft-messages";
import { useDraft, useDraftSelector } from "./use-draft";

interface Live {
  draft: Draft;
  /** The draft as a request document (what was evaluated). */
  document: RequestDocumentInput;
  live: PartialEvaluation;
}

type RequestDocumentInput = ReturnType<typeof toDocument>;

const evaluated = new WeakMap<Draft, Live>();

// The wizard's drafts are frozen and share their unchanged answers with the draft before
// (`useDraft`): a keystroke rebuilds and re-checks only the part of the request it changed.
// Any other draft (one a caller builds itself, as tests do) is built and checked whole.
const buildFrozen = documentBuilder();
const evaluateFrozen = liveEvaluator();

export function liveOf(draft: Draft): Live {
  let result = evaluated.get(draft);
  if (result === undefined) {
    const frozen = isShared(draft);
    const document = frozen ? buildFrozen(draft) : toDocument(draft);
    const live = frozen ? evaluateFrozen(document) : evaluatePartial(document);
    result = {
      draft,
      document,
      live: { ...live, errors: rewordErrors(answeredErrors(live.errors, draft), draft, document) },
    };
    evaluated.set(draft, result);
  }
  return result;
}

/** The draft and its live evaluation (the form's when there is no `DraftProvider` above). */
export function useLive(control?: Control<Draft>): Live {
  return liveOf(useDraft(control));
}

export const useLiveEvaluation = (control?: Control<Draft>): PartialEvaluation => useLive(control).live;

/** Something derived from the live evaluation: the component re-renders only when it changes (see `useDraftSelector`). */
export function useLiveSelector<T>(
  select: (live: Live) => T,
  same?: (a: T, b: T) => boolean,
  control?: Control<Draft>,
): T {
  return useDraftSelector((draft) => select(liveOf(draft)), same, control);
}
