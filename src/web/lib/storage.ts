/**
 * The browser's storage, forgiving: a refused write (private mode, storage full or disabled) or an
 * unreadable value is simply not kept, and the app goes on working.
 */
interface Store {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

function forgiving(area: () => Storage): Store {
  return {
    get: (key) => {
      try {
        return area().getItem(key);
      } catch {
        return null;
      }
    },
    set: (key, value) => {
      try {
        area().setItem(key, value);
      } catch {
        // not kept
      }
    },
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
