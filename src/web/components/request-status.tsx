/** Request status in words (never colour alone), and dates as people read them. */
import { OUTCOME_LABELS, formatDate, type Outcome } from "@/criteria";
import { REQUEST_STATUS_LABELS, type RequestStatus } from "@/contract";
import { dateTimeFormat } from "@/web/lib/date-time-format";

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

// en-CA writes the local calendar date as YYYY-MM-DD, which formatDate reads: one format everywhere.
const localDate = dateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit" });
const localTime = dateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** A moment in the viewer's time zone: "10 Nov 2026, 14:05". */
export const formatDateTime = (iso: string): string => {
  const at = new Date(iso);
  return `${formatDate(localDate(at))}, ${localTime(at)}`;
};
/** The viewer's calendar date of a moment: "10 Nov 2026". */
export const formatDayOf = (iso: string): string => formatDate(localDate(new Date(iso)));
