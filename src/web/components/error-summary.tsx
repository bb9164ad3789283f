/**
 * "There is a problem": the GOV.UK error summary. It takes focus when it appears (after a
 * Continue with errors), and each link moves focus to its field. A field on another page gets its
 * link from `link` (the link's words are the message).
 */
import { useEffect, useRef, type ReactNode } from "react";

export interface SummaryError {
  fieldId: string;
  message: string;
}

const LINK_CLASS = "font-bold text-red-700 underline";

export function ErrorSummary<E extends SummaryError>({
  errors,
  focusKey,
  link,
}: {
  errors: readonly E[];
  /** Focus moves to the summary whenever this changes to a value above 0. */
  focusKey: number;
  link?: (error: E, className: string) => ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey > 0) ref.current?.focus();
  }, [focusKey]);
  if (errors.length === 0) return null;
  // In the order the fields stand on the page, whatever order validation found them in.
  const ordered = [...errors].sort((a, b) => {
    const first = document.getElementById(a.fieldId);
    const second = document.getElementById(b.fieldId);
    if (first === null || second === null) return first === second ? 0 : first === null ? 1 : -1;
    return first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="mb-8 border-4 border-red-700 p-4 focus:outline-none focus-visible:outline-3 focus-visible:outline-yellow-400"
    >
      <h2 id="error-summary-title" className="text-2xl font-bold">
        There is a problem
      </h2>
      <ul className="mt-3 space-y-1">
        {ordered.map((error) => (
          <li key={`${error.fieldId}:${error.message}`}>
            {link !== undefined ? (
              link(error, LINK_CLASS)
            ) : (
              <a
                href={`#${error.fieldId}`}
                className={LINK_CLASS}
                onClick={(event) => {
                  const field = document.getElementById(error.fieldId);
                  if (field === null) return;
                  event.preventDefault();
                  field.scrollIntoView({ block: "center" });
                  field.focus();
                }}
              >
                {error.message}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
