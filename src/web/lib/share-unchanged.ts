/**
 * Structural sharing for values that change a part at a time (the wizard's answers): `next` as a
 * frozen value in which every part equal to the same part of `prev` *is* that part of `prev`.
 * What was worked out from an unchanged part (its piece of the request document, its
 * validation) is then known unchanged by identity alone. Lists and plain objects are copied,
 * never taken from `next` (whoever handed it over may still hold it); everything else is a leaf.
 */
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;

export function shareUnchanged<T>(prev: unknown, next: T): T {
  return share(prev, next) as T;
}

function share(prev: unknown, next: unknown): unknown {
  if (Array.isArray(next)) {
    const before = Array.isArray(prev) ? (prev as readonly unknown[]) : undefined;
    let same = before !== undefined && before.length === next.length && Object.isFrozen(before);
    const copy = next.map((item: unknown, i) => {
      const shared = share(before?.[i], item);
      if (shared !== before?.[i]) same = false;
      return shared;
    });
    return same ? before : Object.freeze(copy);
  }
  if (isPlainObject(next)) {
    const before = isPlainObject(prev) ? prev : undefined;
    const keys = Object.keys(next);
    let same = before !== undefined && Object.keys(before).length === keys.length && Object.isFrozen(before);
    const copy: Record<string, unknown> = {};
    for (const key of keys) {
      const shared = share(before?.[key], next[key]);
      if (before === undefined || !Object.hasOwn(before, key) || shared !== before[key]) same = false;
      copy[key] = shared;
    }
    return same ? before : Object.freeze(copy);
  }
  return next;
}
