/**
 * An `Intl.DateTimeFormat` made on its first use. Making one loads locale data (tens of
 * milliseconds on a slow phone), and the modules that format dates are loaded with the header's
 * account links on every page, most of which never show a date: they should not pay it while the
 * page loads.
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): (date: Date) => string {
  let format: Intl.DateTimeFormat | undefined;
  return (date) => (format ??= new Intl.DateTimeFormat(locale, options)).format(date);
}
