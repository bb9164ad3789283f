/**
 * The medical director's decision: approve (3 months, one dose), deny (citing the criteria not
 * met) or request more information, ticking the documents that are missing or unreadable (items
 * of the request's documentation checklist). A request someone else has just decided is refused by
 * the server (409) and the message says so; nothing is overwritten.
 */
import { useEffect, useRef, useState, type SyntheticEvent } from "react";
import {
  CRITERIA,
  approvable,
  approvalSentence,
  decisionProblems,
  deniableCriteria,
  type CriterionId,
  type DecisionKind,
} from "@/criteria";
import { type RequestDetail, type RequestDocumentsAnswer } from "@/contract";
import { useRequestDocuments } from "@/web/api/request-documents";
import { documentCount } from "@/web/components/document-evidence";
import { Button } from "@/web/components/buttons";
import { ErrorSummary, type SummaryError } from "@/web/components/error-summary";
import { useDecide, useReloadRequest } from "../api/decide";

const KINDS: readonly { value: DecisionKind; label: string; hint: string }[] = [
  { value: "approve", label: "Approve", hint: "Authorization for 3 months from today, one dose of J1411" },
  { value: "deny", label: "Deny", hint: "Cite the criteria not met" },
  {
    value: "request_info",
    label: "Request more information",
    hint: "The practice reads your message on the request and while amending it, then resubmits",
  },
];

export function DecisionForm({
  request,
  onRecorded,
}: {
  request: RequestDetail;
  /** Called once the server has recorded the decision. */
  onRecorded?: (kind: DecisionKind) => void;
}) {
  const decide = useDecide();
  const reload = useReloadRequest();
  // The rules are the library's (the server applies the same): the form only shows what they allow.
  const deniable = deniableCriteria(request.evaluation);
  const notMet = deniable.map((c) => c.id);
  const meets = request.evaluation.outcome === "meets_criteria";
  const kinds = KINDS.filter((k) => k.value !== "approve" || approvable(request.evaluation));
  const [kind, setKind] = useState<DecisionKind | "">("");
  const [criteria, setCriteria] = useState<CriterionId[]>(notMet);
  const [documents, setDocuments] = useState<string[]>([]);
  const [message, setMessage] = useState("");
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [attempt, setAttempt] = useState(0);
  /** An approval is recorded only after the reviewer has read what it authorizes. */
  const [confirming, setConfirming] = useState(false);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const problems: SummaryError[] = decisionProblems(
      { kind, criteria: kind === "deny" ? criteria : [], message },
      request.evaluation,
    ).map((problem) => ({ fieldId: `decision-${problem.path}`, message: problem.message }));
    setErrors(problems);
    setAttempt((n) => n + 1);
    if (problems.length > 0 || kind === "") return;
    if (kind === "approve" && !confirming) {
      setConfirming(true);
      return;
    }
    record(kind);
  };

  const record = (kind: DecisionKind) => {
    decide.mutate(
      {
        reference: request.reference,
        kind,
        criteria: kind === "deny" ? criteria : [],
        message,
        documents: kind === "request_info" ? documents : [],
        expectedRowVersion: request.rowVersion,
      },
      { onSuccess: () => onRecorded?.(kind) },
    );
  };

  const error = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  if (confirming && kind === "approve")
    return (
      <ApprovalConfirmation
        request={request}
        note={message.trim()}
        pending={decide.isPending}
        failure={decide.isError ? decide.error.message : undefined}
        onConfirm={() => record("approve")}
        onCancel={() => setConfirming(false)}
        onReload={() => void reload(request.reference)}
      />
    );
  return (
    <form
      noValidate
      onSubmit={submit}
      aria-labelledby="decision-title"
      className="border-4 border-slate-900 p-4 print:hidden"
    >
      <h2 id="decision-title" className="mb-4 text-2xl font-bold">
        Record a decision
      </h2>
      <ErrorSummary errors={errors} focusKey={attempt} />
      {decide.isError && (
        <div role="alert" className="mb-4 border-4 border-red-700 p-4">
          <h3 className="text-xl font-bold">The decision was not recorded</h3>
          <p>{decide.error.message}</p>
          <Button variant="secondary" className="mt-3" onClick={() => void reload(request.reference)}>
            Reload the request
          </Button>
        </div>
      )}
      <fieldset
        className="mb-6"
        aria-describedby={error("decision-kind") !== undefined ? "decision-kind-error" : undefined}
      >
        <legend className="mb-2 text-lg font-bold">Decision</legend>
        {error("decision-kind") !== undefined && (
          <p id="decision-kind-error" className="mb-2 font-bold text-red-700">
            <span className="sr-only">Error: </span>
            {error("decision-kind")}
          </p>
        )}
        {kinds.map((option, index) => (
          <div key={option.value} className="mb-2 flex items-start gap-2">
            <input
              id={index === 0 ? "decision-kind" : `decision-kind-${option.value}`}
              type="radio"
              name="decision-kind"
              value={option.value}
              checked={kind === option.value}
              onChange={() => setKind(option.value)}
              className="mt-1 size-6 shrink-0"
            />
            <label htmlFor={index === 0 ? "decision-kind" : `decision-kind-${option.value}`} className="text-lg">
              {option.label}
              <span className="block text-base text-slate-600">{option.hint}</span>
            </label>
          </div>
        ))}
      </fieldset>
      {kind === "deny" && (
        <fieldset
          className="mb-6"
          aria-describedby={error("decision-criteria") !== undefined ? "decision-criteria-error" : undefined}
        >
          <legend className="mb-2 text-lg font-bold">Criteria not met</legend>
          {error("decision-criteria") !== undefined && (
            <p id="decision-criteria-error" className="mb-2 font-bold text-red-700">
              <span className="sr-only">Error:</span> {error("decision-criteria")}
            </p>
          )}
          {deniable.length === 0 && <p>Every criterion is met or not applicable: there is nothing to cite.</p>}
          {deniable.map((c, index) => (
            <div key={c.id} className="mb-1 flex items-start gap-2">
              <input
                id={index === 0 ? "decision-criteria" : `decision-criteria-${c.id}`}
                type="checkbox"
                checked={criteria.includes(c.id)}
                onChange={(e) =>
                  setCriteria((list) => (e.target.checked ? [...list, c.id] : list.filter((id) => id !== c.id)))
                }
                className="mt-1 size-5 shrink-0"
              />
              <label htmlFor={index === 0 ? "decision-criteria" : `decision-criteria-${c.id}`}>
                <strong>{c.id}</strong> {CRITERIA[c.id].title}{" "}
                <span className="text-slate-600">({c.status.replace("_", " ")})</span>
              </label>
            </div>
          ))}
        </fieldset>
      )}
      {kind === "request_info" && (
        <DocumentsToRequest reference={request.reference} selected={documents} onChange={setDocuments} />
      )}
      {kind !== "" && (
        <div className="mb-6">
          <label htmlFor="decision-message" className="mb-1 block text-lg font-bold">
            {kind === "deny"
              ? "Reasons for the denial"
              : kind === "approve"
                ? meets
                  ? "Note for the record (optional)"
                  : "Why it is approved although not every criterion is met"
                : "Message to the practice"}
          </label>
          {error("decision-message") !== undefined && (
            <p id="decision-message-error" className="mb-2 font-bold text-red-700">
              <span className="sr-only">Error:</span> {error("decision-message")}
            </p>
          )}
          <textarea
            id="decision-message"
            aria-describedby={error("decision-message") !== undefined ? "decision-message-error" : undefined}
            aria-invalid={error("decision-message") !== undefined || undefined}
            rows={5}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            className="block w-full border-2 border-slate-900 p-2 text-lg"
          />
        </div>
      )}
      <Button type="submit" disabled={decide.isPending}>
        {decide.isPending ? "Recording…" : "Record decision"}
      </Button>
    </form>
  );
}

/** What an approval authorizes, written out, before it is recorded: the period, the dose, the note. */
function ApprovalConfirmation({
  request,
  note,
  pending,
  failure,
  onConfirm,
  onCancel,
  onReload,
}: {
  request: RequestDetail;
  note: string;
  pending: boolean;
  failure: string | undefined;
  onConfirm: () => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="confirm-title" className="border-4 border-green-800 p-4 print:hidden">
      <h2 id="confirm-title" ref={heading} tabIndex={-1} className="mb-4 text-2xl font-bold">
        Confirm the approval
      </h2>
      {failure !== undefined && (
        <div role="alert" className="mb-4 border-4 border-red-700 p-4">
          <h3 className="text-xl font-bold">The decision was not recorded</h3>
          <p>{failure}</p>
          <Button variant="secondary" className="mt-3" onClick={onReload}>
            Reload the request
          </Button>
        </div>
      )}
      <p className="text-lg">
        {request.approvalPeriod === undefined
          ? "Approve Hemgenix: authorized for 3 months from today, one dose of J1411"
          : approvalSentence(request.document, request.evaluation, request.approvalPeriod)}
        .
      </p>
      <p className="mt-2">
        <span className="font-bold">Note:</span> {note === "" ? "none" : note}
      </p>
      <div className="mt-4 flex flex-wrap gap-4">
        <Button onClick={onConfirm} disabled={pending}>
          {pending ? "Recording…" : "Confirm approval"}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          Change the decision
        </Button>
      </div>
    </section>
  );
}

/** The checklist's items, to tick those whose documents are missing or unreadable (optional). */
function DocumentsToRequest({
  reference,
  selected,
  onChange,
}: {
  reference: string;
  selected: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  const query = useRequestDocuments(reference);
  return (
    <fieldset className="mb-6" aria-describedby="decision-documents-hint">
      <legend className="mb-1 text-lg font-bold">Documents to add (optional)</legend>
      <p id="decision-documents-hint" className="mb-2 text-slate-600">
        Tick the documents that are missing or unreadable: the practice sees exactly which ones to add.
      </p>
      {query.isPending && <p role="status">Loading the documentation checklist…</p>}
      {query.isError && (
        <p role="alert" className="font-bold text-red-700">
          The documentation checklist could not be loaded ({query.error.message}). Name the documents in the message.
        </p>
      )}
      {query.data !== undefined && <ChecklistBoxes answer={query.data} selected={selected} onChange={onChange} />}
    </fieldset>
  );
}

function ChecklistBoxes({
  answer,
  selected,
  onChange,
}: {
  answer: RequestDocumentsAnswer;
  selected: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  if (answer.checklist.length === 0) return <p>This request has no documentation checklist.</p>;
  return answer.checklist.map((item) => {
    const id = `decision-documents-${item.id}`;
    return (
      <div key={item.id} className="mb-1 flex items-start gap-2">
        <input
          id={id}
          type="checkbox"
          checked={selected.includes(item.id)}
          onChange={(e) =>
            onChange(e.target.checked ? [...selected, item.id] : selected.filter((other) => other !== item.id))
          }
          className="mt-1 size-5 shrink-0"
        />
        <label htmlFor={id}>
          {item.title}{" "}
          <span className="text-slate-600">
            ({item.criteria.join(", ")};{" "}
            {answer.missing.includes(item.id) ? "missing" : documentCount(item.documents.length)})
          </span>
        </label>
      </div>
    );
  });
}
