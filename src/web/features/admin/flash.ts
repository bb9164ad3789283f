/**
 * The one-line confirmation shown on the page an admin lands on after a change ("Account added
 * for …"). Read on mount and cleared after, so it shows once and never survives a reload.
 */
let pending: string | undefined;

export const setFlash = (message: string): void => {
  pending = message;
};

export const peekFlash = (): string | undefined => pending;

export const clearFlash = (): void => {
  pending = undefined;
};
