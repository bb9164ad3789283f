/**
 * Dose arithmetic (prescribing information, section 2): weight in kg to 0.1 kg, totals in whole
 * genome copies, volume at 1 × 10^13 gc/mL to 0.1 mL, vials of at least 10 mL rounded up.
 */
import type { DoseBlock } from "./evaluation";
import { roundTo } from "./format";
import { KG_PER_LB, KIT_MAX_VIALS, KIT_MIN_VIALS, MAX_GC_PER_KG, ML_PER_VIAL, SUSPENSION_GC_PER_ML } from "./policy";
import type { RequestDocument } from "./schema";

export function weightInKg(weight: { value: number; unit: "kg" | "lb" }): number {
  return roundTo(weight.unit === "lb" ? weight.value * KG_PER_LB : weight.value, 1);
}

/** The kit to order: the smallest holds 10 vials, the largest 48; none when more are needed. */
export const kitVials = (vials: number): number | undefined =>
  vials > KIT_MAX_VIALS ? undefined : Math.max(KIT_MIN_VIALS, vials);

export function calculateDose(doc: RequestDocument): DoseBlock | undefined {
  const weight = doc.member?.weight;
  if (weight?.value === undefined || weight.unit === undefined) return undefined;
  const weightKg = weightInKg({ value: weight.value, unit: weight.unit });
  const requested = doc.dose?.requestedGcPerKg;
  const volumeMl = roundTo((weightKg * (requested ?? MAX_GC_PER_KG)) / SUSPENSION_GC_PER_ML, 1);
  const vials = Math.ceil(roundTo(volumeMl / ML_PER_VIAL, 9));
  const kit = kitVials(vials);
  return {
    weightKg,
    maxGcPerKg: MAX_GC_PER_KG,
    maxTotalGc: Math.round(weightKg * MAX_GC_PER_KG),
    ...(requested !== undefined && { requestedTotalGc: Math.round(weightKg * requested) }),
    volumeMl,
    vials,
    ...(kit !== undefined && { kitVials: kit }),
  };
}
