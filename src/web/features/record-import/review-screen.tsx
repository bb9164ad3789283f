/**
 * The review before anything changes (GOV.UK "Check answers"): each answer the record would fill
 * with its value and source, the results it did not use, what it could not use, and each answer
 * that differs from what was typed, side by side with a choice (keep what was typed, or use the
 * record). "Fill the request" needs a choice for every difference: nothing typed is replaced
 * unless chosen.
 */
import { useState, type Ref } from "react";
import { formatDate, type ChecklistItem } from "@/criteria";
import type { RecordAttachment, RecordImport, RecordSource } from "@/fhir";
import { Button } from "@/web/components/buttons";
import { ErrorSummary } from "@/web/components/error-summary";
import { recordSourceText } from "@/web/components/record-mark";
import {
  documentFieldId,
  documentsWithoutItem,
  initialDocumentChoices,
  RecordDocuments,
  type DocumentChoices,
} from "./record-documents";
import { identityConflicts, typedAnswerInWords, unresolved, type Choice, type ReviewItem } from "./review";

/** A document of the record to attach, and the checklist item it supports. */
export interface TakenDocument {
  attachment: RecordAttachment;
  item: ChecklistItem;
}

interface ReviewScreenProps {
  headingRef: Ref<HTMLHeadingElement>;
  from: string;
  result: RecordImport;
  items: readonly ReviewItem[];
  onFill: (
    items: readonly ReviewItem[],
    choices: Readonly<Record<string, Choice>>,
    documents: readonly TakenDocument[],
  ) => void;
  onCancel: () => void;
  /** The record's documents (none: the section is left out). */
  attachments?: readonly RecordAttachment[];
  /** Signed-in office staff: documents can be taken along. */
  staff?: boolean;
  /** The documentation checklist of the request as it will be after filling with these choices. */
  checklistFor?: (items: readonly ReviewItem[], choices: Readonly<Record<string, Choice>>) => readonly ChecklistItem[];
  /** The installation's local codes could not be fetched: the record was mapped without them. */
  localCodesUnavailable?: boolean;
}

const NO_ATTACHMENTS: readonly RecordAttachment[] = [];

const choiceId = (path: string): string => `choice-${path.replace(/[.[\]]+/g, "-")}`;

function Sources({ sources }: { sources: readonly RecordSource[] }) {
  return (
    <ul className="mt-1 list-disc pl-6 text-base text-slate-700">
      {sources.map((s) => (
        <li key={`${s.reference}:${s.date ?? ""}`}>
          {s.display} ({recordSourceText(s)})
        </li>
      ))}
    </ul>
  );
}

export function ReviewScreen({
  headingRef,
  from,
  result,
  items,
  onFill,
  onCancel,
  attachments = NO_ATTACHMENTS,
  staff = false,
  checklistFor,
  localCodesUnavailable = false,
}: ReviewScreenProps) {
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [attempts, setAttempts] = useState(0);
  const [samePatient, setSamePatient] = useState(false);
  const otherPatient = identityConflicts(items);
  const unconfirmed = otherPatient.length > 0 && !samePatient;
  const checklist = checklistFor?.(items, choices) ?? [];
  const [documentChoices, setDocumentChoices] = useState<DocumentChoices>(() =>
    initialDocumentChoices(attachments, checklist),
  );
  const missing = attempts > 0 ? unresolved(items, choices) : [];
  const documentsMissing = attempts > 0 && staff ? documentsWithoutItem(attachments, documentChoices, checklist) : [];
  const takeable = staff && attachments.some((a) => a.notAccepted === undefined);
  const conflicts = items.filter((item) => item.kind === "conflict");
  const fills = items.filter((item) => item.kind !== "conflict");
  const patient = result.patient;

  const submit = () => {
    if (
      unconfirmed ||
      unresolved(items, choices).length > 0 ||
      (staff && documentsWithoutItem(attachments, documentChoices, checklist).length > 0)
    ) {
      setAttempts((n) => n + 1);
      return;
    }
    const taken = staff
      ? attachments.flatMap((attachment) => {
          const choice = documentChoices[attachment.key];
          const item = checklist.find((i) => i.id === choice?.item);
          return choice?.taken === true && item !== undefined && attachment.notAccepted === undefined
            ? [{ attachment, item }]
            : [];
        })
      : [];
    onFill(items, choices, taken);
  };

  return (
    <div>
      <ErrorSummary
        errors={[
          ...(attempts > 0 && unconfirmed
            ? [
                {
                  fieldId: SAME_PATIENT_ID,
                  message: "Confirm that this record is this request's patient, or cancel and choose the right one",
                },
              ]
            : []),
          ...missing.map((item) => ({
            fieldId: choiceId(item.answer.path),
            message: `Choose whether to keep what was typed or use the record for ${item.answer.label}`,
          })),
          ...documentsMissing.map((a) => ({
            fieldId: `${documentFieldId(attachments.indexOf(a))}-item`,
            message: `Choose what ${a.title} supports, or untick it`,
          })),
        ]}
        focusKey={attempts}
      />
      <h1 ref={headingRef} tabIndex={-1} className="mb-2 text-3xl font-bold focus:outline-none">
        Check what the record would fill
      </h1>
      <p className="mb-6 text-lg">
        From {from}
        {patient !== null && (
          <>
            {" "}
            for <bdi>{patient.name ?? patient.reference}</bdi>
            {patient.birthDate !== undefined && <>, born {formatDate(patient.birthDate)}</>}
          </>
        )}
        . Nothing changes until you choose &ldquo;Fill the request&rdquo;.
      </p>

      {otherPatient.length > 0 && (
        <SamePatientCheck
          differs={otherPatient.map((item) => item.answer.label)}
          checked={samePatient}
          error={attempts > 0 && unconfirmed}
          onChange={setSamePatient}
        />
      )}

      {conflicts.length > 0 && (
        <section aria-labelledby="review-conflicts" className="mb-8">
          <h2 id="review-conflicts" className="mb-2 text-2xl font-bold">
            Answers that differ from what was typed
          </h2>
          <p className="mb-4">Choose which to keep for each. What you keep is left exactly as it is.</p>
          {conflicts.map((item) => {
            const id = choiceId(item.answer.path);
            const error = missing.includes(item);
            const name = `choice:${item.answer.path}`;
            return (
              <fieldset
                key={item.answer.path}
                aria-describedby={error ? `${id}-error` : undefined}
                className={`mb-6 ${error ? "border-l-4 border-red-700 pl-4" : ""}`}
              >
                <legend className="mb-2 text-lg font-bold">{item.answer.label}</legend>
                {error && (
                  <p id={`${id}-error`} className="mb-2 font-bold text-red-700">
                    <span className="sr-only">Error:</span> Choose which answer to keep
                  </p>
                )}
                <div className="space-y-2">
                  {(["typed", "record"] as const).map((choice) => (
                    <div key={choice} className="flex items-start gap-2">
                      <input
                        id={choice === "typed" ? id : `${id}-record`}
                        type="radio"
                        name={name}
                        value={choice}
                        checked={choices[item.answer.path] === choice}
                        onChange={() => setChoices((c) => ({ ...c, [item.answer.path]: choice }))}
                        className="mt-1 size-6 accent-slate-900"
                      />
                      <label htmlFor={choice === "typed" ? id : `${id}-record`} className="text-lg">
                        {choice === "typed" ? (
                          <>
                            Keep what was typed:{" "}
                            {typedAnswerInWords(item.kind === "conflict" ? item.typed : undefined, item.answer.path)}
                          </>
                        ) : (
                          <>
                            Use the record: {item.answer.display}
                            <span className="block text-base text-slate-700">
                              {recordSourceText(item.answer.source)}
                            </span>
                          </>
                        )}
                      </label>
                    </div>
                  ))}
                </div>
              </fieldset>
            );
          })}
        </section>
      )}

      <section aria-labelledby="review-fills" className="mb-8">
        <h2 id="review-fills" className="mb-2 text-2xl font-bold">
          {conflicts.length > 0 ? "Other answers the record would fill" : "Answers the record would fill"}
        </h2>
        {fills.length === 0 ? (
          <p>None{conflicts.length === 0 ? ": the record holds nothing this request asks" : ""}.</p>
        ) : (
          <dl className="border-t border-slate-300">
            {fills.map(({ kind, answer }) => (
              <div
                key={answer.path}
                className="grid grid-cols-1 gap-1 border-b border-slate-300 py-3 sm:grid-cols-[14rem_1fr] sm:gap-4"
              >
                <dt className="font-bold">{answer.label}</dt>
                <dd>
                  {answer.display}
                  {kind === "same" && <span className="text-slate-700"> (already in the request)</span>}
                  <span className="block text-base text-slate-700">
                    Source: {(answer.sources ?? [answer.source]).map(recordSourceText).join("; ")}
                  </span>
                  {answer.others.length > 0 && (
                    <details className="mt-1">
                      <summary className="cursor-pointer text-base underline">
                        {answer.others.length === 1 ? "1 other result" : `${answer.others.length} other results`} in the
                        record, not used
                      </summary>
                      <Sources sources={answer.others} />
                    </details>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      {localCodesUnavailable && (
        <section aria-labelledby="review-local-codes" className="mb-8 border-l-8 border-amber-600 bg-amber-50 p-4">
          <h2 id="review-local-codes" className="text-2xl font-bold">
            AAV5 antibody results could not be read by the configured codes
          </h2>
          <p className="mt-2">
            The codes this installation&rsquo;s labs use for the AAV5 antibody test could not be fetched from the
            server, so the record was read without them. If the record holds an AAV5 antibody result, it is listed under
            &ldquo;What the record could not fill&rdquo;: enter it by hand, or cancel and try again later.
          </p>
        </section>
      )}

      {result.problems.length > 0 && (
        <section aria-labelledby="review-problems" className="mb-8">
          <h2 id="review-problems" className="mb-2 text-2xl font-bold">
            What the record could not fill
          </h2>
          <ul className="list-disc pl-6">
            {result.problems.slice(0, PROBLEMS_SHOWN).map((problem, index) => (
              <li key={`${problem.code}:${problem.reference ?? ""}:${index}`}>
                {problem.message}
                {problem.reference !== undefined && <span className="text-slate-700"> ({problem.reference})</span>}
              </li>
            ))}
          </ul>
          {result.problems.length > PROBLEMS_SHOWN && (
            <p className="mt-2">
              And {(result.problems.length - PROBLEMS_SHOWN).toLocaleString("en-US")} more results that were not used,
              for the same kinds of reason.
            </p>
          )}
        </section>
      )}

      <RecordDocuments
        attachments={attachments}
        checklist={checklist}
        staff={staff}
        choices={documentChoices}
        onChange={(key, choice) => setDocumentChoices((c) => ({ ...c, [key]: choice }))}
        errors={new Set(documentsMissing.map((a) => a.key))}
      />

      <div className="flex flex-wrap gap-4">
        {(items.length > 0 || takeable) && <Button onClick={submit}>Fill the request</Button>}
        <Button variant="secondary" onClick={onCancel}>
          Cancel: change nothing
        </Button>
      </div>
    </div>
  );
}

const SAME_PATIENT_ID = "record-same-patient";

/** A record of thousands of unusable results lists the first ones and counts the rest (the page stays readable). */
const PROBLEMS_SHOWN = 50;

/** The record contradicts who the request is for: it may be another patient's, so the person checks first. */
function SamePatientCheck({
  differs,
  checked,
  error,
  onChange,
}: {
  differs: readonly string[];
  checked: boolean;
  error: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <section
      aria-labelledby="record-other-patient"
      className={`mb-8 border-l-8 p-4 ${error ? "border-red-700" : "border-amber-600"} bg-amber-50`}
    >
      <h2 id="record-other-patient" className="text-2xl font-bold">
        <span aria-hidden="true">! </span>This record may be another patient&rsquo;s
      </h2>
      <p className="mt-2">
        The record&rsquo;s {differs.join(", ")} {differs.length === 1 ? "differs" : "differ"} from what was typed. Check
        that you chose the right patient before filling anything.
      </p>
      {error && (
        <p id={`${SAME_PATIENT_ID}-error`} className="mt-2 font-bold text-red-700">
          <span className="sr-only">Error:</span> Confirm this is the same patient, or cancel
        </p>
      )}
      <div className="mt-3 flex items-start gap-2">
        <input
          id={SAME_PATIENT_ID}
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby={error ? `${SAME_PATIENT_ID}-error` : undefined}
          className="mt-1 size-6 accent-slate-900"
        />
        <label htmlFor={SAME_PATIENT_ID} className="text-lg">
          I have checked: this record is this request&rsquo;s patient
        </label>
      </div>
    </section>
  );
}
