/**
 * The browser's storage, forgiving: a refused write (private mode, storage full or disabled) or an
 * unreadable value is simply not kept, and the app goes on working. The one place that catches
 * what `localStorage` and `sessionStorage` throw.
 */
interface Store {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
  /** The value stored as JSON; `undefined` when there is none or it is not JSON. Check it before use. */
  getJson(key: string): unknown;
  setJson(key: string, value: unknown): void;
}

function parse(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function forgiving(area: () => Storage): Store {
  const get = (key: string): string | null => {
    try {
      return area().getItem(key);
    } catch {
      return null;
    }
  };
  /** `value` is made inside the catch, so a value that cannot be written out (JSON) is not kept either. */
  const put = (key: string, value: () => string): void => {
    try {
      area().setItem(key, value());
    } catch {
      // not kept
    }
  };
  return {
    get,
    set: (key, value) => put(key, () => value),
    getJson: (key) => parse(get(key)),
    setJson: (key, value) => put(key, () => JSON.stringify(value)),
    remove: (key) => {
      try {
        area().removeItem(key);
      } catch {
        // nothing stored
      }
    },
  };
}

export const storage = { local: forgiving(() => localStorage), session: forgiving(() => sessionStorage) };
