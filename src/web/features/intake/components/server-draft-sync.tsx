/**
 * For signed-in staff, the draft is also kept on the server so it can be resumed on another
 * computer. The browser copy stays first (nothing is lost offline); the server copy follows a
 * moment after typing stops.
 *
 * A server draft is offered only when it is genuinely another one: decided once, when the wizard
 * opens, from the server's answer then. A draft carrying the stamp of one of this browser's own
 * recent saves (or of one it already chose about) is its own, however far behind the typing; while
 * amending, only a draft of that same amendment is offered; a request filed from this browser is
 * not saved again. The offer is a region fixed to the bottom of the window, so it never moves the
 * page; it lists the answers that resuming would replace and asks before replacing them. Until the
 * person chooses, nothing from this browser is saved over it. Discarding the request (the start
 * page's "Yes, discard it") withdraws the offer and ends the server draft for good.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { useFormContext } from "react-hook-form";
import type { DraftAnswer } from "@/contract";
import { draftSavesHeld, useDeleteServerDraft, useSaveServerDraft, useServerDraft } from "@/web/api/draft";
import { useSession } from "@/web/api/session";
import { Button } from "@/web/components/buttons";
import { formatDateTime } from "@/web/components/request-status";
import { readAmending, startAmending, stopAmending } from "@/web/lib/amending";
import { isKnownServerDraftStamp, newServerDraftStamp, rememberServerDraftStamp } from "@/web/lib/server-draft-stamp";
import { forgetSubmission, isFiled } from "@/web/lib/submission";
import { hasAnswers, restoreDraft, type Draft } from "../draft";
import { draftDifferences, type StepDifference } from "../draft-differences";

const SAVE_AFTER_MS = 1500;

interface Offer {
  server: DraftAnswer;
  restored: Draft;
  differences: StepDifference[];
}

/** The server's draft if it is one to offer this browser, else undefined. */
function offerOf(server: DraftAnswer | null, current: Draft): Offer | undefined {
  if (server === null || isKnownServerDraftStamp(server.stamp)) return undefined;
  const amending = readAmending();
  // While amending, an older draft is never offered in place of the amendment.
  if (amending !== undefined && server.amends?.reference !== amending.reference) return undefined;
  const restored = restoreDraft(server.draft, current);
  if (!hasAnswers(restored)) return undefined;
  const differences = draftDifferences(current, restored);
  if (differences.length === 0) {
    rememberServerDraftStamp(server.stamp);
    return undefined;
  }
  return { server, restored, differences };
}

export function ServerDraftSync() {
  const { subscribe, getValues, reset } = useFormContext<Draft>();
  const session = useSession();
  const isStaff = session.data?.user.role === "staff";
  const server = useServerDraft(isStaff);
  const { mutate: save } = useSaveServerDraft();
  const { mutate: remove } = useDeleteServerDraft();
  // undefined: not decided yet (the server's answer since the wizard opened has not come).
  const [offer, setOffer] = useState<Offer | null | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const panel = useRef<HTMLElement>(null);
  const open = offer !== null && offer !== undefined;

  // While the panel is open, the page's end grows by its height (nothing above moves), so the
  // last of the page (the Continue button) can still be scrolled into view above it.
  useEffect(() => {
    const element = panel.current;
    if (!open || element === null) return undefined;
    const fit = () => {
      document.body.style.paddingBottom = `${element.offsetHeight}px`;
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => {
      observer.disconnect();
      document.body.style.paddingBottom = "";
    };
  }, [open]);
  /** The offer as the save timer and the form's subscription see it (set with the state). */
  const offerRef = useRef(offer);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  /** Answers changed since the last save (or since the page opened). */
  const unsaved = useRef(false);

  // Decide once, from the first answer fetched since the wizard opened.
  const fetchedNow = server.isFetchedAfterMount && server.isSuccess;
  useEffect(() => {
    if (!fetchedNow || offerRef.current !== undefined) return;
    const current = getValues();
    const decided = offerOf(server.data, current) ?? null;
    // Answers the server does not have yet go there too: this browser's own draft a step behind, or
    // answers typed before signing in when the server has no draft (never over another computer's).
    const behind =
      server.data === null
        ? hasAnswers(current)
        : isKnownServerDraftStamp(server.data.stamp) &&
          JSON.stringify(restoreDraft(server.data.draft, current)) !== JSON.stringify(current);
    if (decided === null && behind) unsaved.current = true;
    offerRef.current = decided;
    setOffer(decided);
  }, [fetchedNow, server.data, getValues]);

  /** Sends this browser's answers, unless held: see the file's comment. */
  const send = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    // Held while an offer is open or undecided (nothing is saved over another computer's draft),
    // while a submit is on its way, and for good once this browser's request is filed.
    if (offerRef.current !== null || draftSavesHeld() || isFiled()) return;
    unsaved.current = false;
    const values = getValues();
    if (!hasAnswers(values)) {
      remove();
      return;
    }
    const stamp = newServerDraftStamp();
    // Remembered before it is sent: a reload while it is on its way still knows it as its own.
    rememberServerDraftStamp(stamp);
    save({ draft: values, stamp, amends: readAmending() ?? null });
  }, [getValues, save, remove]);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(send, SAVE_AFTER_MS);
  }, [send]);

  useEffect(() => {
    if (!isStaff) return undefined;
    const unsubscribe = subscribe({
      formState: { values: true },
      callback: ({ values }) => {
        const pending = offerRef.current;
        if (pending !== null && pending !== undefined && !hasAnswers(values)) {
          // The request was discarded: the offered draft goes with it, here and on the server.
          rememberServerDraftStamp(pending.server.stamp);
          offerRef.current = null;
          setOffer(null);
        }
        unsaved.current = true;
        schedule();
      },
    });
    return () => {
      unsubscribe();
      // Leaving the wizard's page (for the summary, say) sends what is waiting instead of dropping it.
      if (unsaved.current) send();
      clearTimeout(timer.current);
    };
  }, [isStaff, subscribe, send, schedule]);

  // Once nothing is offered, answers typed meanwhile go to the server.
  useEffect(() => {
    if (offer === null && unsaved.current) schedule();
  }, [offer, schedule]);

  if (!isStaff) return null;
  const keep = () => {
    if (offer === null || offer === undefined) return;
    rememberServerDraftStamp(offer.server.stamp);
    // The server draft stays until this browser's next change replaces it.
    offerRef.current = null;
    setOffer(null);
  };
  const resume = () => {
    if (offer === null || offer === undefined) return;
    rememberServerDraftStamp(offer.server.stamp);
    // The resumed draft is its own request (or amendment): it gets its own submission key.
    forgetSubmission();
    if (offer.server.amends === null) stopAmending();
    else startAmending(offer.server.amends);
    offerRef.current = null;
    setOffer(null);
    reset(offer.restored);
  };

  return (
    <>
      <p aria-live="polite" className="sr-only">
        {offer !== null && offer !== undefined
          ? "A different draft of yours is saved on the server. Choose what to keep at the end of the page."
          : ""}
      </p>
      {offer !== null && offer !== undefined && (
        <section
          ref={panel}
          aria-labelledby="server-draft-title"
          className="fixed inset-x-0 bottom-0 z-20 max-h-[50vh] overflow-y-auto sm:max-h-[70vh] border-t-8 border-blue-800 bg-blue-50 shadow-[0_-4px_12px_rgba(0,0,0,0.25)] print:hidden"
        >
          <div className="mx-auto max-w-7xl px-4 py-4">
            <h2 id="server-draft-title" className="text-xl font-bold">
              A different draft of yours is saved on the server
            </h2>
            <p className="mt-1">
              Saved {formatDateTime(offer.server.updatedAt)}
              {offer.server.amends === null ? "" : `, amending request ${offer.server.amends.reference}`}. It differs
              from the answers in this browser. Nothing from this browser is saved to the server until you choose.
            </p>
            {confirming ? (
              <>
                <h3 className="mt-3 font-bold">
                  Resuming it replaces these answers in this browser ({offer.differences.length}{" "}
                  {offer.differences.length === 1 ? "page" : "pages"}):
                </h3>
                <ul className="mt-1 list-disc pl-6">
                  {offer.differences.map((d) => (
                    <li key={d.step}>
                      <strong>{d.title}</strong>: {d.answers.join(", ")}
                    </li>
                  ))}
                </ul>
                <div className="mt-3 flex flex-wrap gap-4">
                  <Button variant="warning" onClick={resume}>
                    Yes, replace these answers
                  </Button>
                  <Button variant="secondary" onClick={() => setConfirming(false)}>
                    No, go back
                  </Button>
                </div>
              </>
            ) : (
              <div className="mt-3 flex flex-wrap gap-4">
                <Button variant="secondary" onClick={() => setConfirming(true)}>
                  Resume the server draft
                </Button>
                <Button variant="secondary" onClick={keep}>
                  Keep this browser&apos;s answers
                </Button>
              </div>
            )}
          </div>
        </section>
      )}
    </>
  );
}
