/**
 * The calendar date of an instant in a time zone: "today" for the plan is the date of the moment
 * a decision is recorded in the plan's time zone. The instant is an argument: this library has
 * no clock.
 */
import type { IsoDate } from "./dates";

const formats = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD` of `at` in `timeZone` (an IANA name such as "America/Chicago"). */
export function calendarDateIn(at: Date | string, timeZone: string): IsoDate {
  let format = formats.get(timeZone);
  if (format === undefined) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formats.set(timeZone, format);
  }
  return format.format(typeof at === "string" ? new Date(at) : at);
}
