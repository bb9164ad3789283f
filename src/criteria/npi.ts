/**
 * National Provider Identifier: 10 digits whose last is a Luhn check digit computed over the
 * card-issuer prefix "80840" followed by the first nine digits (CMS NPI standard).
 */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi}`;
  let sum = 0;
  // Walk from the right; every second digit (starting with the one left of the check digit) doubles.
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
