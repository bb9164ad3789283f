/**
 * When a signed-in person's session ends by itself (idle, too old, or ended by an administrator),
 * what they left in this browser (the request's answers, an amendment in progress, the submission
 * key) is cleared and the sign-in page says why. Checked before the first render on load, so a
 * reload never shows the patient even for a moment, and on any 401 while the app runs.
 */
import { forgetDraft } from "@/web/features/intake/draft-storage";
import { paths } from "@/web/lib/paths";
import { forgetSignedInHere, noteSessionEnded, wasSignedInHere } from "@/web/lib/signed-in-here";

/** Sign-out and session end: the request kept in this browser, and the marker that someone signed in. */
export function forgetSignedInData(): void {
  forgetDraft();
  forgetSignedInHere();
}

/** The session is over: clear this browser's copy and say so on the sign-in page. False when nobody was signed in here. */
export function endSignedInSession(): boolean {
  if (!wasSignedInHere()) return false;
  forgetSignedInData();
  noteSessionEnded();
  return true;
}

/** Before the app renders: does the session that last used this browser still exist? */
export async function checkSessionBeforeRender(): Promise<void> {
  if (!wasSignedInHere()) return;
  let response: Response;
  try {
    response = await fetch("/api/session", { headers: { accept: "application/json" }, credentials: "same-origin" });
  } catch {
    return; // Offline: nothing can be known (and nothing leaves this browser); the next call will tell.
  }
  if (response.status === 204 && endSignedInSession()) window.history.replaceState(null, "", paths.signIn());
}
