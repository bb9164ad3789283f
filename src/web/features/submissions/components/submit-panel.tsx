/**
 * Submit from the summary (signed-in staff). The person says whether the request is standard or
 * expedited (there is no default: nothing is filed until they choose), and the confirmation says
 * which was filed and when a decision is due. The idempotency key is made once per request and
 * kept until the server acknowledges it, so a retry after a dropped connection never creates a
 * second request. When the member already has an open request, the server refuses until the
 * person, told which one, confirms. Required supporting documents not attached are listed, and the
 * request is submitted without them only once the person has ticked that they confirm that list
 * (#11; the server checks it against what is attached, and the reviewer sees it). A failed submit
 * keeps everything and offers to try again.
 */
import { useEffect, useRef, useState } from "react";
import { documentationChecklist, OUTCOME_LABELS, type Evaluation, type RequestDocument } from "@/criteria";
import type { ProvenanceEntry } from "@/contract";
import { useDraftEvidence } from "@/web/api/draft-evidence";
import { useSession } from "@/web/api/session";
import { AppLink } from "@/web/components/app-link";
import { Button } from "@/web/components/buttons";
import { ErrorSummary, type SummaryError } from "@/web/components/error-summary";
import { missingRequired } from "@/web/lib/document-list";
import { readAmending } from "@/web/lib/amending";
import { dateTimeFormat } from "@/web/lib/date-time-format";
import { paths } from "@/web/lib/paths";
import { currentSubmission, type Filed } from "@/web/lib/submission";
import { openRequestOf, useAmendRequest, useSubmitRequest } from "../api/submit-request";

const KIND_ERROR = "Select whether the request is standard or expedited";
const CONFIRM_ERROR = "Confirm that you are submitting without the missing documents, or attach them first";
const CONFIRM_ID = "confirm-missing-documents";
const KINDS = [
  { value: "standard", label: "Standard", hint: "A decision is due within 7 days" },
  {
    value: "expedited",
    label: "Expedited",
    hint: "A decision is due within 72 hours: for when waiting could seriously harm the patient's health",
  },
] as const;
type Kind = (typeof KINDS)[number]["value"];

const day = dateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });
const dayAndTime = dateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "Expedited: a decision is due by 4 Dec 2026, 14:30" (in this computer's time zone). */
export const dueSentence = (expedited: boolean, dueAt: string): string =>
  `${expedited ? "Expedited" : "Standard"}: a decision is due by ${dayAndTime(new Date(dueAt))}`;

export function SubmitPanel({
  document,
  evaluation,
  onSubmitted,
  provenance = [],
}: {
  document: RequestDocument;
  evaluation: Evaluation;
  onSubmitted: () => void;
  /** The answers still as filled from the patient's record (#12): filed with the request. */
  provenance?: readonly ProvenanceEntry[];
}) {
  const session = useSession();
  const submit = useSubmitRequest();
  const amend = useAmendRequest();
  const [amending] = useState(readAmending);
  const [submission] = useState(currentSubmission);
  const [kind, setKind] = useState<Kind | "">("");
  const [kindMissing, setKindMissing] = useState(false);
  // The missing list the person confirmed (its ids): a change to what is missing asks again.
  const [confirmedFor, setConfirmedFor] = useState<string | undefined>(undefined);
  const [confirmMissing, setConfirmMissing] = useState(false);
  const [justFiled, setJustFiled] = useState(false);
  const filedHeading = useRef<HTMLHeadingElement>(null);
  const warningHeading = useRef<HTMLHeadingElement>(null);
  const [errorFocus, setErrorFocus] = useState(0);
  const [filed, setFiled] = useState<Filed | undefined>(() =>
    amending === undefined && submission.reference !== undefined
      ? { ...submission, reference: submission.reference }
      : undefined,
  );

  const openReference = openRequestOf(submit.error)?.reference;
  // Focus moves to the confirmation once filed here (not when it is shown again after a reload),
  // and to the warning when the server names the member's open request.
  useEffect(() => {
    if (justFiled) filedHeading.current?.focus();
  }, [justFiled]);
  useEffect(() => {
    if (openReference !== undefined) warningHeading.current?.focus();
  }, [openReference]);

  const user = session.data?.user;
  // What is attached decides what must be confirmed missing; read only while there is something to submit.
  const evidence = useDraftEvidence(user?.role === "staff" && filed === undefined);
  if (session.isPending) return null;
  if (user?.role !== "staff") {
    return (
      <section aria-labelledby="submit-title" className="mt-8 border-t-2 border-slate-200 pt-6 print:hidden">
        <h2 id="submit-title" className="text-2xl font-bold">
          Submit this request
        </h2>
        <p className="mt-2">
          This is a self-check: nothing has been sent.{" "}
          <AppLink to={paths.signIn()} className="underline">
            Sign in as office staff
          </AppLink>{" "}
          to submit it for medical director review.
        </p>
      </section>
    );
  }

  // Answers changed in this browser after filing are not what was filed: say so, never "submitted".
  if (filed?.document !== undefined && filed.document !== JSON.stringify(document)) {
    return (
      <section
        aria-labelledby="changed-after-filing-title"
        className="mt-8 border-l-8 border-amber-600 bg-amber-50 p-6 print:hidden"
      >
        <h2 id="changed-after-filing-title" className="text-2xl font-bold">
          Changed since {filed.reference} was submitted
        </h2>
        <p className="mt-2">
          These answers differ from the request you submitted, so this summary is not what was filed, and the changes
          have not been sent.{" "}
          <AppLink to={paths.requestSummary(filed.reference)} className="underline">
            See {filed.reference} as submitted
          </AppLink>
          .
        </p>
        <p className="mt-2">
          To send the changes, wait until the reviewer asks for more information and amend the request, or start a new
          request from the start page.
        </p>
      </section>
    );
  }

  if (filed !== undefined) {
    return (
      <section
        aria-labelledby="submitted-title"
        className="mt-8 bg-green-800 p-6 text-white print:hidden"
        role="status"
      >
        <h2
          id="submitted-title"
          tabIndex={-1}
          ref={filedHeading}
          className="text-3xl font-bold focus:outline-3 focus:outline-offset-4 focus:outline-yellow-400"
        >
          {amending === undefined ? "Request submitted" : "Amended request submitted"}
        </h2>
        <p className="mt-2 text-xl">
          Your reference number
          <br />
          <strong className="text-2xl">{filed.reference}</strong>
        </p>
        {filed.expedited !== undefined && filed.dueAt !== undefined && (
          <p className="mt-4 text-xl">{dueSentence(filed.expedited, filed.dueAt)}.</p>
        )}
        <p className="mt-4">
          <AppLink to={paths.request(filed.reference)} className="text-white underline">
            See its status
          </AppLink>
        </p>
      </section>
    );
  }

  const missing = missingRequired(documentationChecklist(document, evaluation), [
    ...evidence.kept,
    ...evidence.documents,
  ]);
  const missingKey = missing.map((item) => item.id).join(",");
  const confirmed = missing.length === 0 || confirmedFor === missingKey;
  const confirmError = confirmMissing && !confirmed;
  const pending = submit.isPending || amend.isPending;
  const openRequest = openRequestOf(submit.error);
  const error = openRequest === undefined ? (submit.error ?? amend.error) : null;
  const done = (result: Filed) => {
    setJustFiled(true);
    setFiled(result);
    onSubmitted();
  };
  const send = (confirmDuplicateOf?: string) => {
    if (evidence.isPending || evidence.error !== null) return;
    const kindUnanswered = amending === undefined && kind === "";
    if (kindUnanswered || !confirmed) {
      setKindMissing(kindUnanswered);
      setConfirmMissing(!confirmed);
      setErrorFocus((n) => n + 1);
      return;
    }
    const confirmedMissingDocuments = missing.map((item) => item.id);
    if (amending !== undefined) {
      amend.mutate(
        {
          reference: amending.reference,
          document,
          expectedRowVersion: amending.rowVersion,
          confirmedMissingDocuments,
          provenance: [...provenance],
        },
        { onSuccess: (r) => done({ reference: r.reference }) },
      );
      return;
    }
    submit.mutate(
      {
        document,
        expedited: kind === "expedited",
        idempotencyKey: submission.idempotencyKey,
        confirmedMissingDocuments,
        provenance: [...provenance],
        ...(confirmDuplicateOf !== undefined && { confirmDuplicateOf }),
      },
      { onSuccess: done },
    );
  };
  const kindError = kindMissing && kind === "";
  const summaryErrors: SummaryError[] = [
    ...(kindError ? [{ fieldId: "expedited-standard", message: KIND_ERROR }] : []),
    ...(confirmError ? [{ fieldId: CONFIRM_ID, message: CONFIRM_ERROR }] : []),
  ];

  return (
    <section aria-labelledby="submit-title" className="mt-8 border-t-2 border-slate-200 pt-6 print:hidden">
      <h2 id="submit-title" className="text-2xl font-bold">
        {amending === undefined ? "Submit this request" : `Resubmit request ${amending.reference}`}
      </h2>
      <p className="mt-2">
        Outcome now: <strong>{OUTCOME_LABELS[evaluation.outcome]}</strong>. Any outcome can be submitted; the server
        checks the request again and a medical director reviews it.
      </p>
      {summaryErrors.length > 0 && <ErrorSummary errors={summaryErrors} focusKey={errorFocus} />}
      {amending === undefined && (
        <div className={`mt-4 ${kindError ? "border-l-4 border-red-700 pl-4" : ""}`}>
          <fieldset aria-describedby={kindError ? "expedited-error" : undefined}>
            <legend className="text-lg font-bold">Is this request standard or expedited?</legend>
            {kindError && (
              <p id="expedited-error" className="mb-2 font-bold text-red-700">
                <span className="sr-only">Error:</span> {KIND_ERROR}
              </p>
            )}
            <div className="mt-2 space-y-2">
              {KINDS.map((option) => (
                <div key={option.value} className="flex items-start gap-2">
                  <input
                    id={`expedited-${option.value}`}
                    type="radio"
                    name="expedited"
                    value={option.value}
                    checked={kind === option.value}
                    onChange={() => setKind(option.value)}
                    aria-describedby={`expedited-${option.value}-hint`}
                    className="mt-1 size-6 accent-slate-900"
                  />
                  <div>
                    <label htmlFor={`expedited-${option.value}`} className="text-lg">
                      {option.label}
                    </label>
                    <div id={`expedited-${option.value}-hint`} className="text-slate-600">
                      {option.hint}
                    </div>
                  </div>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
      )}
      {evidence.error !== null && (
        <div role="alert" className="mt-4 border-4 border-red-700 p-4">
          <h3 className="text-xl font-bold">The documents attached could not be checked</h3>
          <p className="mt-1">{evidence.error.message}</p>
          <Button variant="secondary" className="mt-2" onClick={evidence.retry}>
            Check the documents again
          </Button>
        </div>
      )}
      {evidence.error === null && !evidence.isPending && missing.length > 0 && (
        <div
          className={`mt-4 border-l-8 p-4 ${confirmError ? "border-red-700" : "border-amber-600"} bg-amber-50`}
          data-testid="missing-documents"
        >
          <h3 id="missing-documents-title" className="text-xl font-bold">
            <span aria-hidden="true">! </span>
            <span className="sr-only">Warning: </span>
            {missing.length === 1
              ? "1 required document is not attached"
              : `${missing.length} required documents are not attached`}
          </h3>
          <ul className="mt-1 list-disc pl-6">
            {missing.map((item) => (
              <li key={item.id}>
                {item.title} <span className="text-slate-700">({item.criteria.join(", ")})</span>
              </li>
            ))}
          </ul>
          <p className="mt-2">
            The policy asks for documentation supporting every criterion. You can attach them on the pages of the
            request, or submit without them: the reviewer will see this list and may ask for them.
          </p>
          {confirmError && (
            <p id={`${CONFIRM_ID}-error`} className="mt-2 font-bold text-red-700">
              <span className="sr-only">Error:</span> {CONFIRM_ERROR}
            </p>
          )}
          <div className="mt-2 flex items-start gap-2">
            <input
              id={CONFIRM_ID}
              type="checkbox"
              className="mt-1 size-6 accent-slate-900"
              checked={confirmed}
              onChange={(event) => setConfirmedFor(event.target.checked ? missingKey : undefined)}
              aria-describedby={confirmError ? `${CONFIRM_ID}-error` : undefined}
            />
            <label htmlFor={CONFIRM_ID} className="text-lg">
              I confirm I am submitting without {missing.length === 1 ? "this document" : "these documents"}
            </label>
          </div>
        </div>
      )}
      {openRequest !== undefined && (
        <div role="alert" aria-labelledby="open-request-title" className="mt-4 border-4 border-amber-600 p-4">
          <h3
            id="open-request-title"
            tabIndex={-1}
            ref={warningHeading}
            className="text-xl font-bold focus:outline-3 focus:outline-offset-4 focus:outline-yellow-400"
          >
            This member already has an open request
          </h3>
          <p className="mt-1">
            <AppLink to={paths.request(openRequest.reference)} className="underline">
              {openRequest.reference}
            </AppLink>{" "}
            for this member is still open (submitted {day(new Date(openRequest.receivedAt))}). Submit another request
            anyway?
          </p>
          <div className="mt-3 flex flex-wrap gap-4">
            <Button variant="warning" onClick={() => send(openRequest.reference)} disabled={pending}>
              Yes, submit another request
            </Button>
            <Button variant="secondary" onClick={() => submit.reset()} disabled={pending}>
              No, do not submit
            </Button>
          </div>
        </div>
      )}
      {error !== null && (
        <div role="alert" className="mt-4 border-4 border-red-700 p-4">
          <h3 className="text-xl font-bold">The request was not submitted</h3>
          <p className="mt-1">{error.message}</p>
          <p className="mt-1">Nothing is lost: your answers are still here. Try again when you are ready.</p>
        </div>
      )}
      <Button
        className="mt-4"
        onClick={() => send()}
        disabled={pending || openRequest !== undefined || evidence.isPending || evidence.error !== null}
      >
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
