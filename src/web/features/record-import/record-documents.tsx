/**
 * "Documents in the record" on the review screen (#12 with #11): the record's attachments, and for
 * signed-in office staff a checkbox per one the request accepts with the checklist item it
 * supports (the checklist of the request as it will be after filling). The self-check lists them
 * only: nothing from the record leaves the browser. Controlled: the review screen keeps the choices.
 */
import { formatDate, type ChecklistItem } from "@/criteria";
import type { RecordAttachment } from "@/fhir";

export interface DocumentChoice {
  taken: boolean;
  /** The checklist item id it supports; "" when not chosen yet. */
  item: string;
}
export type DocumentChoices = Readonly<Record<string, DocumentChoice>>;

/** Nothing taken; the item the record's codes name preselected where the checklist has it. */
export function initialDocumentChoices(
  attachments: readonly RecordAttachment[],
  checklist: readonly ChecklistItem[],
): DocumentChoices {
  return Object.fromEntries(
    attachments.map((a) => [
      a.key,
      { taken: false, item: checklist.some((i) => i.id === a.suggestedItem) ? (a.suggestedItem ?? "") : "" },
    ]),
  );
}

/** The documents taken whose item is not chosen (or no longer on the checklist). */
export function documentsWithoutItem(
  attachments: readonly RecordAttachment[],
  choices: DocumentChoices,
  checklist: readonly ChecklistItem[],
): RecordAttachment[] {
  return attachments.filter((a) => {
    const choice = choices[a.key];
    return choice?.taken === true && !checklist.some((i) => i.id === choice.item);
  });
}

export const documentFieldId = (index: number): string => `record-document-${index}`;

function facts(a: RecordAttachment): string {
  const parts = [
    a.loincType?.display ?? a.loincType?.code,
    a.date === undefined ? undefined : formatDate(a.date),
    a.contentType,
    a.size === undefined ? undefined : a.size < 1024 ? `${a.size} bytes` : `${Math.round(a.size / 1024)} KB`,
    a.reference,
  ];
  return parts.filter((p) => p !== undefined).join(", ");
}

export function RecordDocuments({
  attachments,
  checklist,
  staff,
  choices,
  onChange,
  errors,
}: {
  attachments: readonly RecordAttachment[];
  checklist: readonly ChecklistItem[];
  /** Signed-in office staff may take them along; anyone else (the self-check) sees the list only. */
  staff: boolean;
  choices: DocumentChoices;
  onChange: (key: string, choice: DocumentChoice) => void;
  /** Keys of the documents to mark as needing a checklist item. */
  errors: ReadonlySet<string>;
}) {
  if (attachments.length === 0) return null;
  return (
    <section aria-labelledby="record-documents-title" className="mb-8">
      <h2 id="record-documents-title" className="mb-2 text-2xl font-bold">
        Documents in the record
      </h2>
      {staff ? (
        <p className="mb-4 max-w-2xl">
          Tick the reports to attach to the request as supporting documents, and choose what each supports. They are
          attached after the answers are filled. Only PDF, PNG, JPEG and TIFF files can be attached.
        </p>
      ) : (
        <p className="mb-4 max-w-2xl">
          Office staff signed in to this service can attach these as supporting documents. In the self-check they are
          only listed: nothing from the record leaves this browser.
        </p>
      )}
      <ul className="border-t border-slate-300">
        {attachments.map((a, index) => {
          const id = documentFieldId(index);
          const choice = choices[a.key] ?? { taken: false, item: "" };
          const takeable = staff && a.notAccepted === undefined;
          const error = errors.has(a.key);
          return (
            <li
              key={a.key}
              className={`border-b border-slate-300 py-3 ${error ? "border-l-4 border-l-red-700 pl-4" : ""}`}
            >
              {takeable ? (
                <div className="flex items-start gap-2">
                  <input
                    id={id}
                    type="checkbox"
                    checked={choice.taken}
                    onChange={(event) => onChange(a.key, { ...choice, taken: event.target.checked })}
                    aria-describedby={`${id}-facts`}
                    className="mt-1 size-6 shrink-0 accent-slate-900"
                  />
                  <label htmlFor={id} className="text-lg font-bold">
                    {a.title}
                  </label>
                </div>
              ) : (
                <p className="text-lg font-bold">{a.title}</p>
              )}
              <p id={`${id}-facts`} className={`text-base text-slate-700 ${takeable ? "pl-8" : ""}`}>
                {facts(a)}
                {a.description !== undefined && <span className="block">{a.description}</span>}
              </p>
              {a.notAccepted !== undefined && (
                <p className={`text-base ${takeable ? "pl-8" : ""}`}>Cannot be attached: {a.notAccepted}.</p>
              )}
              {takeable && choice.taken && (
                <div className="mt-2 pl-8">
                  <label htmlFor={`${id}-item`} className="block font-bold">
                    This file supports
                  </label>
                  {error && (
                    <p id={`${id}-item-error`} className="font-bold text-red-700">
                      <span className="sr-only">Error:</span> Choose what {a.title} supports
                    </p>
                  )}
                  <select
                    id={`${id}-item`}
                    value={choice.item}
                    aria-describedby={error ? `${id}-item-error` : undefined}
                    onChange={(event) => onChange(a.key, { ...choice, item: event.target.value })}
                    className={`mt-1 block w-full max-w-xl border-2 px-2 py-1.5 text-base ${error ? "border-red-700" : "border-slate-900"}`}
                  >
                    <option value="">Choose a checklist item</option>
                    {checklist.map((item) => (
                      <option key={item.id} value={item.id}>
                        {item.title} ({item.criteria.join(", ")})
                      </option>
                    ))}
                  </select>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
