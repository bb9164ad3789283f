/** Number formatting shared by reasons, the summary and the wizard. */

/** Rounds half away from zero at `decimals`, immune to binary artefacts (80.05 → 80.1, not 80.0). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(Number((value * factor).toPrecision(12))) / factor;
}

/** 2e13 → "2 × 10^13"; 1.596e15 → "1.596 × 10^15". */
export function formatGenomeCopies(value: number): string {
  if (value === 0) return "0";
  let exponent = Math.floor(Math.log10(Math.abs(value)));
  let mantissa = Number((value / 10 ** exponent).toPrecision(4));
  if (Math.abs(mantissa) >= 10) {
    mantissa /= 10;
    exponent += 1;
  }
  return `${mantissa} × 10^${exponent}`;
}

export const formatTiter = (titer: number): string => `1:${titer}`;
