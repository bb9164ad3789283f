/** The first page: what this is, start or continue, start a new request, import and export. */
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { focusOnMount, focusWithoutTabStop } from "@/web/lib/focus-after-navigation";
import { takeOverPrerenderedPage } from "@/web/lib/prerendered";
import { useFormContext } from "react-hook-form";
import { POLICY_ID } from "@/criteria";
import { Button } from "@/web/components/buttons";
import { useDocumentTitle } from "@/web/components/use-document-title";
import { emptyDraft, hasAnswers as draftHasAnswers, type Draft } from "../draft";
import { clearDraft } from "../draft-storage";
import { useDraftSelector } from "../hooks/use-draft";
import { localToday } from "../hooks/use-intake-form";
import { ImportExport } from "./import-export";

export function StartPage({ onStart }: { onStart: () => void }) {
  const { reset, control } = useFormContext<Draft>();
  const hasAnswers = useDraftSelector(draftHasAnswers, Object.is, control);
  const [confirming, setConfirming] = useState(false);
  const [discards, setDiscards] = useState(0);
  // After the question is answered its buttons are gone: focus goes to what happened ("discarded")
  // or back to the button that asked, never to <body>.
  const confirmation = useRef<HTMLParagraphElement>(null);
  const askButton = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (discards > 0 && confirmation.current !== null) focusWithoutTabStop(confirmation.current);
  }, [discards]);
  useDocumentTitle("Request prior authorization for Hemgenix");
  // The start page is the form's now: a prerendered page may be used (src/web/lib/prerendered.ts).
  useEffect(takeOverPrerenderedPage, []);

  const startNew = () => {
    clearDraft();
    reset(emptyDraft(localToday()));
    setConfirming(false);
    setDiscards((n) => n + 1);
  };
  const keep = () => {
    setConfirming(false);
    askButton.current?.focus();
  };

  return (
    <div>
      <h1 className="text-3xl font-bold lg:text-4xl">Request prior authorization for Hemgenix</h1>
      <p className="mt-4 max-w-2xl lg:text-lg">
        Check whether a patient meets policy {POLICY_ID} for Hemgenix (etranacogene dezaparvovec-drlb), the one-time
        gene therapy for adults with congenital hemophilia B, and prepare a summary for submission.
      </p>
      <ul className="mt-4 max-w-2xl list-disc space-y-1 pl-6 lg:text-lg">
        <li>
          10 short steps: request, member, prescriber, diagnosis, prophylaxis and bleeds, exposure days, inhibitor,
          liver, gene therapy and AAV5, dose.
        </li>
        <li>Eligibility is shown as you answer, criterion by criterion.</li>
        <li>
          Answers are saved in this browser as you type. Nothing is sent anywhere unless you sign in as office staff:
          then the draft is kept on the server too, and you can submit it.
        </li>
      </ul>
      <div className="mt-6 flex flex-wrap gap-4">
        <Button onClick={onStart}>{hasAnswers ? "Continue the request" : "Start now"}</Button>
        <Button ref={askButton} variant="secondary" onClick={() => setConfirming(true)}>
          Start a new request
        </Button>
      </div>
      {confirming && (
        <div role="alertdialog" aria-labelledby="discard-title" className="mt-6 max-w-2xl border-4 border-red-700 p-4">
          <h2 id="discard-title" ref={focusOnMount} tabIndex={-1} className="text-xl font-bold focus:outline-none">
            Discard the current request?
          </h2>
          <p className="mt-2">Every answer in it will be deleted from this browser. Export it first to keep a copy.</p>
          <div className="mt-4 flex gap-4">
            <Button variant="warning" onClick={startNew}>
              Yes, discard it
            </Button>
            <Button variant="secondary" onClick={keep}>
              No, keep it
            </Button>
          </div>
        </div>
      )}
      <p ref={confirmation} aria-live="polite" className="mt-4 focus:outline-none">
        {discards > 0 && "The previous request was discarded. A new request is ready."}
      </p>
      <ImportExport />
    </div>
  );
}
