/**
 * The wizard's answers as one `Draft`, for the components that read all of them (the live
 * evaluation, the summary, the start page). The form is watched once, however many components
 * read it: one small store per form, fed by the form's value subscription while anything reads it.
 * `useDraft()` reads that store's draft; components that show only something derived from the
 * answers (the step list's statuses, the outcome) take it with `useDraftSelector`, and re-render
 * only when it changes, not on every key. Components that need one answer watch that answer
 * (`useWatch({ name })`), not this.
 */
import { createContext, use, useState, useSyncExternalStore, type ReactNode } from "react";
import { useFormContext, type Control } from "react-hook-form";
import { shareUnchanged } from "@/web/lib/share-unchanged";
import type { Draft } from "../draft";

interface DraftStore {
  get: () => Draft;
  subscribe: (listener: () => void) => () => void;
}

function draftStore(control: Control<Draft>): DraftStore {
  // Each draft is a frozen copy of the form's values (the form changes its own object in place,
  // each draft must stay as it was) that shares every answer that did not change with the draft
  // before it: the live evaluation then re-derives only the part of the request a keystroke changed.
  let current = shareUnchanged(undefined, control._getWatch() as Draft);
  const listeners = new Set<() => void>();
  let disconnect: (() => void) | undefined;
  const publish = (values: Draft) => {
    const next = shareUnchanged(current, values);
    if (next === current) return;
    current = next;
    for (const listener of listeners) listener();
  };
  // Followed only while someone reads it; between readers, the draft is brought up to date when read.
  const connect = () =>
    // Each change hands over the values: a copy shared by every subscriber, or at times (setValue)
    // the form's own live object. `publish` copies what changed either way, never keeping theirs.
    control._subscribe({
      formState: { values: true },
      callback: ({ values }) => publish(values),
    });
  return {
    get: () => {
      if (disconnect === undefined) current = shareUnchanged(current, control._getWatch() as Draft);
      return current;
    },
    subscribe: (listener) => {
      if (listeners.size === 0) {
        disconnect = connect();
        // A change between the first render and now is taken up once.
        publish(control._getWatch() as Draft);
      }
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        disconnect?.();
        disconnect = undefined;
      };
    },
  };
}

const stores = new WeakMap<Control<Draft>, DraftStore>();

/** The one store of `control`'s form: every component reading it shares its drafts (and so their evaluations). */
function storeOf(control: Control<Draft>): DraftStore {
  let store = stores.get(control);
  if (store === undefined) {
    store = draftStore(control);
    stores.set(control, store);
  }
  return store;
}

const DraftContext = createContext<DraftStore | null>(null);

/** Hands the form's draft store to `useDraft()` and `useDraftSelector()` below it, which then need no `control`. */
export function DraftProvider({ control, children }: { control: Control<Draft>; children: ReactNode }) {
  return <DraftContext value={storeOf(control)}>{children}</DraftContext>;
}

/** The store below a `DraftProvider`, else that of `control` or of the form in context. */
function useDraftStore(control: Control<Draft> | undefined): DraftStore {
  const provided = use(DraftContext);
  const context = useFormContext<Draft>() as ReturnType<typeof useFormContext<Draft>> | null;
  const own = control ?? context?.control;
  if (provided !== null) return provided;
  if (own === undefined) throw new Error("useDraft needs a DraftProvider, a control, or a form in context.");
  return storeOf(own);
}

/** Every answer, re-read on each change. The one place the watched values are typed as a `Draft`. */
export function useDraft(control?: Control<Draft>): Draft {
  const store = useDraftStore(control);
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/** Remembers the last draft and what was selected from it, so an unchanged selection keeps its identity. */
function selection<T>() {
  let last: { draft: Draft; value: T } | undefined;
  return (draft: Draft, select: (draft: Draft) => T, same: (a: T, b: T) => boolean): T => {
    if (last !== undefined && last.draft === draft) return last.value;
    const next = select(draft);
    const value = last !== undefined && same(last.value, next) ? last.value : next;
    last = { draft, value };
    return value;
  };
}

/**
 * Something derived from the answers; the component re-renders only when it changes (`same`
 * decides, `Object.is` by default). `select` should be cheap or cached per draft (it runs once a change).
 */
export function useDraftSelector<T>(
  select: (draft: Draft) => T,
  same: (a: T, b: T) => boolean = Object.is,
  control?: Control<Draft>,
): T {
  const store = useDraftStore(control);
  const [selectFrom] = useState(selection<T>);
  const read = () => selectFrom(store.get(), select, same);
  return useSyncExternalStore(store.subscribe, read, read);
}
