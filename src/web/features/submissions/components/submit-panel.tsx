/**
 * Submit from the summary (signed-in staff). The idempotency key is made once per request and
 * kept until the server acknowledges it, so a retry after a dropped connection never creates a
 * second request. A failed submit keeps everything and offers to try again.
 */
import { useState } from "react";
import { OUTCOME_LABELS, type Evaluation, type RequestDocument } from "@/criteria";
import { focusOnMount } from "@/web/app/focus-after-navigation";
import { navigate } from "@/web/app/router";
import { useSession } from "@/web/api/session";
import { useAmendRequest, useSubmitRequest } from "@/web/api/submit-request";
import { Button } from "@/web/components/buttons";
import { readAmending, stopAmending } from "@/web/lib/amending";
import { currentSubmission, recordSubmitted } from "@/web/lib/submission";

export function SubmitPanel({
  document,
  evaluation,
  onSubmitted,
}: {
  document: RequestDocument;
  evaluation: Evaluation;
  onSubmitted: () => void;
}) {
  const session = useSession();
  const submit = useSubmitRequest();
  const amend = useAmendRequest();
  const [amending] = useState(readAmending);
  const [submission] = useState(currentSubmission);
  const [expedited, setExpedited] = useState<"" | "yes" | "no">("");
  const [reference, setReference] = useState<string | undefined>(
    amending === undefined ? submission.reference : undefined,
  );

  const user = session.data?.user;
  if (session.isPending) return null;
  if (user?.role !== "staff") {
    return (
      <section aria-labelledby="submit-title" className="mt-8 border-t-2 border-slate-200 pt-6 print:hidden">
        <h2 id="submit-title" className="text-2xl font-bold">
          Submit this request
        </h2>
        <p className="mt-2">
          This is a self-check: nothing has been sent.{" "}
          <a
            href="/sign-in"
            className="underline"
            onClick={(e) => {
              e.preventDefault();
              navigate("/sign-in");
            }}
          >
            Sign in as office staff
          </a>{" "}
          to submit it for medical director review.
        </p>
      </section>
    );
  }

  if (reference !== undefined) {
    return (
      <section
        aria-labelledby="submitted-title"
        className="mt-8 bg-green-800 p-6 text-white print:hidden"
        role="status"
      >
        <h2 id="submitted-title" ref={focusOnMount} className="text-3xl font-bold">
          {amending === undefined ? "Request submitted" : "Amended request submitted"}
        </h2>
        <p className="mt-2 text-xl">
          Your reference number
          <br />
          <strong className="text-2xl">{reference}</strong>
        </p>
        <p className="mt-4">
          <a
            href={`/requests/${reference}`}
            className="text-white underline"
            onClick={(e) => {
              e.preventDefault();
              navigate(`/requests/${reference}`);
            }}
          >
            See its status
          </a>
        </p>
      </section>
    );
  }

  const pending = submit.isPending || amend.isPending;
  const error = submit.error ?? amend.error;
  const send = () => {
    const done = (ref: string) => {
      stopAmending();
      recordSubmitted(ref);
      setReference(ref);
      onSubmitted();
    };
    if (amending !== undefined) {
      amend.mutate(
        { reference: amending.reference, document, expectedRowVersion: amending.rowVersion },
        { onSuccess: (r) => done(r.reference) },
      );
    } else {
      submit.mutate(
        { document, expedited: expedited === "yes", idempotencyKey: submission.idempotencyKey },
        { onSuccess: (r) => done(r.reference) },
      );
    }
  };

  return (
    <section aria-labelledby="submit-title" className="mt-8 border-t-2 border-slate-200 pt-6 print:hidden">
      <h2 id="submit-title" className="text-2xl font-bold">
        {amending === undefined ? "Submit this request" : `Resubmit request ${amending.reference}`}
      </h2>
      <p className="mt-2">
        Outcome now: <strong>{OUTCOME_LABELS[evaluation.outcome]}</strong>. Any outcome can be submitted; the server
        checks the request again and a medical director reviews it.
      </p>
      {amending === undefined && (
        <fieldset className="mt-4">
          <legend className="text-lg font-bold">Is this request expedited?</legend>
          <p className="text-slate-600">Expedited requests are due in 72 hours instead of 7 days</p>
          <div className="mt-2 flex gap-6">
            {(["no", "yes"] as const).map((value) => (
              <label key={value} className="flex items-center gap-2 text-lg">
                <input
                  type="radio"
                  name="expedited"
                  value={value}
                  checked={expedited === value}
                  onChange={() => setExpedited(value)}
                  className="size-6"
                />
                {value === "yes" ? "Yes, expedited" : "No, standard"}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {error !== null && (
        <div role="alert" className="mt-4 border-4 border-red-700 p-4">
          <h3 className="text-xl font-bold">The request was not submitted</h3>
          <p className="mt-1">{error.message}</p>
          <p className="mt-1">Nothing is lost: your answers are still here. Try again when you are ready.</p>
        </div>
      )}
      <Button className="mt-4" onClick={send} disabled={pending}>
        {pending
          ? "Submitting…"
          : error !== null
            ? "Try again"
            : amending === undefined
              ? "Submit request"
              : "Resubmit request"}
      </Button>
    </section>
  );
}
