/**
 * Whether a signed-in person used this browser, and whether their session ended by itself.
 * A signed-in person's answers are patient data entrusted to the practice: when the server says
 * their session is over (idle, too old, ended by an administrator), what they left in this browser
 * is cleared. A self-check without an account never sets the marker, so its answers stay: that is
 * the person's own browser.
 */
import { storage } from "./storage";

const MARKER = "hemgenix-pa:signed-in:v1";
const NOTICE = "hemgenix-pa:session-ended:v1";

export const markSignedInHere = (): void => {
  storage.local.set(MARKER, "1");
  storage.session.remove(NOTICE);
};

export const wasSignedInHere = (): boolean => storage.local.get(MARKER) !== null;

export const forgetSignedInHere = (): void => storage.local.remove(MARKER);

/** Said once on the sign-in page: the session ended and this browser's copy of the request was cleared. */
export const noteSessionEnded = (): void => storage.session.set(NOTICE, "1");

export const sessionEndedNoted = (): boolean => storage.session.get(NOTICE) !== null;
