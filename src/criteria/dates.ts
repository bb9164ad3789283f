/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`). No clock and no `Date`: every window is computed
 * from the request date, so the same document always evaluates the same way.
 * ISO dates of this fixed shape sort as strings, so `<` and `>` compare them correctly.
 */

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);

interface CivilDate {
  year: number;
  month: number;
  day: number;
}

function parts(date: IsoDate): CivilDate {
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

function format({ year, month, day }: CivilDate): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Has the `YYYY-MM-DD` shape (says nothing about whether the day exists). */
export const hasIsoDateShape = (value: string): boolean => ISO_DATE.test(value);

/** A `YYYY-MM-DD` string naming a day that exists (no 2026-02-30, no month 13, no year 0000). */
export function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const { year, month, day } = parts(value);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Shifts by whole calendar months, clamping to the end of a shorter month (05-31 − 3 → 02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  return format({
    year: newYear,
    month: newMonth,
    day: Math.min(day, daysInMonth(newYear, newMonth)),
  });
}

// Days since 1970-01-01 (proleptic Gregorian), after Howard Hinnant's days_from_civil.
function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return format({ year: era * 400 + yoe + (month <= 2 ? 1 : 0), month, day });
}

export const addDays = (date: IsoDate, days: number): IsoDate => fromDayNumber(toDayNumber(date) + days);

/** Whole days from `from` to `to` (positive when `to` is later). */
export const daysBetween = (from: IsoDate, to: IsoDate): number => toDayNumber(to) - toDayNumber(from);

/**
 * The first day of the window "within the last `months` months" as of `asOf`:
 * `asOf` minus that many calendar months, clamped to a shorter month's end.
 */
export const windowStart = (asOf: IsoDate, months: number): IsoDate => addMonths(asOf, -months);

/** On or after the window's first day and on or before `asOf`. */
export const isWithinLastMonths = (date: IsoDate, asOf: IsoDate, months: number): boolean =>
  date >= windowStart(asOf, months) && date <= asOf;

/**
 * The last "as of" date on which `date` still lies within the last `months` months: the largest R
 * with windowStart(R, months) <= date. Because of month-end clamping this can be a few days
 * after `date + months` (a study on 2026-02-28 still counts for 3 months as of 2026-05-31).
 */
export function lastDayWithinMonths(date: IsoDate, months: number): IsoDate {
  let last = addMonths(date, months);
  for (;;) {
    const next = addDays(last, 1);
    if (windowStart(next, months) > date) return last;
    last = next;
  }
}

/** Age in full years on `asOf`; a 29 February birthday falls on 1 March in common years. */
export function ageInFullYears(dateOfBirth: IsoDate, asOf: IsoDate): number {
  const birth = parts(dateOfBirth);
  const now = parts(asOf);
  const hadBirthday = now.month > birth.month || (now.month === birth.month && now.day >= birth.day);
  return now.year - birth.year - (hadBirthday ? 0 : 1);
}

/** The date of the `years`-th birthday; a 29 February birth date counts on 1 March in common years. */
export function birthday(dateOfBirth: IsoDate, years: number): IsoDate {
  const { year, month, day } = parts(dateOfBirth);
  const target = year + years;
  return day > daysInMonth(target, month)
    ? format({ year: target, month: 3, day: 1 })
    : format({ year: target, month, day });
}

/** The first "as of" date on which `date` lies at least `months` calendar months back. */
export function firstDayMonthsAfter(date: IsoDate, months: number): IsoDate {
  let first = addMonths(date, months);
  while (windowStart(first, months) < date) first = addDays(first, 1);
  return first;
}
