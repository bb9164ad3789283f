/**
 * Structural sharing for values that change a part at a time (the wizard's answers): `next` as a
 * frozen value in which every part equal to the same part of `prev` *is* that part of `prev`.
 * What was worked out from an unchanged part (its piece of the request document, its
 * validation) is then known unchanged by identity alone. Lists and plain objects are copied,
 * never taken from `next` (whoever handed it over may still hold it, or change it: react-hook-form
 * hands out its own live values at times); everything else is a leaf.
 */
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** Every list and object made here: frozen all the way down, so safe to know by identity. */
const made = new WeakSet<object>();

/** Whether `value` came from `shareUnchanged` (and so can never change). */
export const isShared = (value: unknown): boolean => typeof value === "object" && value !== null && made.has(value);

export function shareUnchanged<T>(prev: unknown, next: T): T {
  return share(prev, next) as T;
}

function madeHere<T extends object>(value: T): T {
  made.add(Object.freeze(value));
  return value;
}

function share(prev: unknown, next: unknown): unknown {
  if (Array.isArray(next)) {
    const before = Array.isArray(prev) && isShared(prev) ? (prev as readonly unknown[]) : undefined;
    let same = before !== undefined && before.length === next.length;
    const copy: unknown[] = [];
    for (let i = 0; i < next.length; i++) {
      const shared = share(before?.[i], next[i]);
      if (before === undefined || !Object.is(shared, before[i])) same = false;
      copy.push(shared);
    }
    return same ? before : madeHere(copy);
  }
  if (isPlainObject(next)) {
    const before = isPlainObject(prev) && isShared(prev) ? prev : undefined;
    const keys = Object.keys(next);
    let same = before !== undefined && Object.keys(before).length === keys.length;
    const copy: Record<string, unknown> = {};
    for (const key of keys) {
      const shared = share(before?.[key], next[key]);
      if (before === undefined || !Object.hasOwn(before, key) || !Object.is(shared, before[key])) same = false;
      copy[key] = shared;
    }
    return same ? before : madeHere(copy);
  }
  return next;
}
