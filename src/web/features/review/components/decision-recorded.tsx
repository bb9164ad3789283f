/**
 * What the reviewer sees in place of the decision form once a decision is recorded: which one, what
 * happens next, and the way back to the queue (GOV.UK's confirmation pattern; the notice is listed
 * under Decisions beside it). Focus moves to it, so a keyboard
 * or screen-reader user learns the form is gone and why.
 */
import type { DecisionKind } from "@/criteria";
import { AppLink } from "@/web/components/app-link";
import { focusOnMount } from "@/web/lib/focus-after-navigation";
import { paths } from "@/web/lib/paths";

const RECORDED: Record<DecisionKind, { title: string; next: string }> = {
  approve: {
    title: "Approved",
    next: "The practice sees the approval on its request. Its decision notice is under Decisions.",
  },
  deny: {
    title: "Denied",
    next: "The practice sees the denial and the criteria you cited on its request. Its decision notice is under Decisions.",
  },
  request_info: {
    title: "More information requested",
    next: "The request goes back to the practice with your message. It returns to the queue when they resubmit it.",
  },
};

export function DecisionRecorded({ reference, kind }: { reference: string; kind: DecisionKind }) {
  const { title, next } = RECORDED[kind];
  return (
    <section aria-labelledby="decision-recorded-title" className="border-4 border-green-800 bg-green-50 p-4">
      <h2
        id="decision-recorded-title"
        ref={focusOnMount}
        tabIndex={-1}
        className="text-2xl font-bold text-green-900 focus:outline-none"
      >
        Decision recorded: {title}
      </h2>
      <p className="mt-2">
        {reference}. {next}
      </p>
      <p className="mt-2">
        <AppLink to={paths.queue()} className="underline">
          Back to the queue
        </AppLink>
      </p>
    </section>
  );
}
