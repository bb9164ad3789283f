/** Request status in words (never colour alone), and dates as people read them. */
import { OUTCOME_LABELS, REQUEST_STATUS_LABELS, type Outcome, type RequestStatus } from "@/criteria";

const STYLE: Readonly<Record<RequestStatus, string>> = {
  submitted: "bg-blue-100 text-blue-900",
  in_review: "bg-amber-100 text-amber-900",
  more_info_requested: "bg-purple-100 text-purple-900",
  approved: "bg-green-100 text-green-900",
  denied: "bg-red-100 text-red-900",
};

export function StatusTag({ status }: { status: RequestStatus }) {
  return (
    <strong className={`inline-block px-2 py-0.5 text-sm uppercase tracking-wide ${STYLE[status]}`}>
      {REQUEST_STATUS_LABELS[status]}
    </strong>
  );
}

export const outcomeShort = (outcome: Outcome): string => OUTCOME_LABELS[outcome].split(" — ")[0] ?? outcome;

const DATE_TIME = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });
const DATE = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export const formatDateTime = (iso: string): string => DATE_TIME.format(new Date(iso));
/** A calendar date (YYYY-MM-DD) without shifting it into the viewer's time zone. */
export const formatDate = (isoDate: string): string => DATE.format(new Date(`${isoDate}T00:00:00Z`));
