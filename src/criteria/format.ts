/** Number formatting shared by reasons, the summary and the wizard. */

/** Rounds half away from zero at `decimals`, immune to binary artefacts (80.05 → 80.1, not 80.0). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(Number((value * factor).toPrecision(12))) / factor;
}

/**
 * 2e13 → "2 × 10^13"; 1.596e15 → "1.596 × 10^15". Keeps every digit the number needs, so a dose
 * just over the maximum (2.0000000000001e13) never reads as the maximum itself.
 */
export function formatGenomeCopies(value: number): string {
  const [digits = "0", power = "0"] = value.toExponential().split("e");
  return value === 0 ? "0" : `${digits} × 10^${Number(power)}`;
}

export const formatTiter = (titer: number): string => `1:${titer}`;

const MONTH_ABBREVIATIONS = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
] as const;

/**
 * "2026-11-10" → "10 Nov 2026": the one readable date format of every screen and printout. Reads
 * the calendar date from the text (no `Date`, so no time zone can shift it); a full ISO timestamp
 * gives its UTC date. Text that is not a date comes back unchanged (never throws while a page renders).
 */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = match === null ? undefined : MONTH_ABBREVIATIONS[Number(match[2]) - 1];
  if (match === null || month === undefined) return iso;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** Every `YYYY-MM-DD` date inside a sentence (a criterion's reason) written the readable way. */
export const formatDatesIn = (text: string): string => text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, formatDate);
