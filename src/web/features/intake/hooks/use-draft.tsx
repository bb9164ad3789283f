/**
 * The wizard's answers as one `Draft`, for the components that read all of them (the live
 * evaluation, the summary, the start page). The form is watched once for the whole wizard (the
 * `DraftProvider`, a small store fed by the form's value subscription); inside it `useDraft()`
 * reads that one copy, outside it (a page rendered on its own, a test) it watches the form itself.
 * Components that show only something derived from the answers (the step list's statuses, the
 * outcome) take it with `useDraftSelector`, and re-render only when it changes, not on every key.
 * Components that need one answer watch that answer (`useWatch({ name })`), not this.
 */
import { createContext, use, useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import { useFormContext, useWatch, type Control } from "react-hook-form";
import { shareUnchanged } from "@/web/lib/share-unchanged";
import type { Draft } from "../draft";

interface DraftStore {
  get: () => Draft;
  subscribe: (listener: () => void) => () => void;
  /** Follows the form's changes until the returned function is called. */
  connect: () => () => void;
}

function draftStore(control: Control<Draft>): DraftStore {
  // Each draft is a frozen copy of the form's values (the form changes its own object in place,
  // each draft must stay as it was) that shares every answer that did not change with the draft
  // before it: the live evaluation then re-derives only the part of the request a keystroke changed.
  let current = shareUnchanged(undefined, control._getWatch() as Draft);
  const listeners = new Set<() => void>();
  const publish = (values: Draft) => {
    const next = shareUnchanged(current, values);
    if (next === current) return;
    current = next;
    for (const listener of listeners) listener();
  };
  return {
    get: () => current,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    connect: () => {
      // A change between the first render and now (rare) is taken up once.
      publish(control._getWatch() as Draft);
      // Each change hands over the values: a copy shared by every subscriber, or at times (setValue)
      // the form's own live object. `publish` copies what changed either way, never keeping theirs.
      return control._subscribe({
        formState: { values: true },
        callback: ({ values }) => publish(values),
      });
    },
  };
}

const DraftContext = createContext<DraftStore | null>(null);

/** Watches every answer once and hands the draft to `useDraft()` and `useDraftSelector()` below it. */
export function DraftProvider({ control, children }: { control: Control<Draft>; children: ReactNode }) {
  const [store] = useState(() => draftStore(control));
  useEffect(() => store.connect(), [store]);
  return <DraftContext value={store}>{children}</DraftContext>;
}

const noStore = () => () => undefined;

/** Every answer, re-read on each change. The one place the watched values are typed as a `Draft`. */
export function useDraft(control?: Control<Draft>): Draft {
  const store = use(DraftContext);
  const context = useFormContext<Draft>() as ReturnType<typeof useFormContext<Draft>> | null;
  const own = useWatch({ control: control ?? context?.control, disabled: store !== null });
  const shared = useSyncExternalStore(
    store?.subscribe ?? noStore,
    () => store?.get(),
    () => store?.get(),
  );
  return shared ?? (own as Draft);
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
  const store = use(DraftContext);
  const context = useFormContext<Draft>() as ReturnType<typeof useFormContext<Draft>> | null;
  const own = useWatch({ control: control ?? context?.control, disabled: store !== null }) as Draft;
  const [selectFrom] = useState(selection<T>);
  const read = store === null ? () => undefined : () => selectFrom(store.get(), select, same);
  const shared = useSyncExternalStore(store?.subscribe ?? noStore, read, read);
  return store === null ? selectFrom(own, select, same) : (shared as T);
}
