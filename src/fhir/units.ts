/**
 * Unit conversion into the request document's units, by UCUM code (Quantity.code when the system
 * is UCUM; else the printed Quantity.unit, which many EHRs fill with the same spelling). Only the
 * conversions listed here are made; any other unit is refused, never guessed.
 */
import type { Quantity } from "@medplum/fhirtypes";
import { KG_PER_LB, roundTo } from "@/criteria";
import { SYSTEMS } from "./codes";

/** What a measured value is converted into. */
export type Measure = "weightKg" | "factorIxPercent" | "enzymeUnitsPerLitre" | "bilirubinMgPerDl" | "bethesdaUnits";

/** One micromole of bilirubin per litre is 1/17.1 mg/dL (bilirubin 584.66 g/mol: 1 mg/dL = 17.1 µmol/L). */
export const UMOL_PER_L_PER_MG_PER_DL = 17.1;

/** Per measure: accepted unit spellings → factor into the document's unit, and the digits kept. */
const CONVERSIONS: Readonly<
  Record<Measure, { unit: string; factors: Readonly<Record<string, number>>; decimals: number }>
> = {
  // The spec rounds weight to 0.1 kg for the dose (176 lb → 79.8 kg), so the answer keeps that.
  weightKg: { unit: "kg", factors: { kg: 1, g: 0.001, "[lb_av]": KG_PER_LB, lb: KG_PER_LB }, decimals: 1 },
  // 1 IU/dL of factor IX is 1 % of normal (the pooled-plasma standard holds 1 IU/mL = 100 %).
  factorIxPercent: {
    unit: "%",
    factors: { "%": 1, "[IU]/dL": 1, "IU/dL": 1, "U/dL": 1, "[IU]/mL": 100, "IU/mL": 100, "U/mL": 100 },
    decimals: 2,
  },
  // International units and units of enzyme activity are the same unit (µmol/min) for these tests.
  enzymeUnitsPerLitre: { unit: "U/L", factors: { "U/L": 1, "[IU]/L": 1, "IU/L": 1 }, decimals: 2 },
  bilirubinMgPerDl: {
    unit: "mg/dL",
    factors: { "mg/dL": 1, "umol/L": 1 / UMOL_PER_L_PER_MG_PER_DL, "µmol/L": 1 / UMOL_PER_L_PER_MG_PER_DL },
    decimals: 2,
  },
  // UCUM's Bethesda unit is [beth'U]; labs print "BU" (per mL of plasma, by the assay's definition).
  bethesdaUnits: {
    unit: "BU",
    factors: { "[beth'U]": 1, "[beth'U]/mL": 1, BU: 1, "BU/mL": 1, "B.U.": 1 },
    decimals: 2,
  },
};

export type Converted = { ok: true; value: number; unit: string } | { ok: false; unit: string | undefined };

/** The unit as written: the UCUM code when it is one, else the printed unit. */
export function unitOf(quantity: Pick<Quantity, "code" | "system" | "unit">): string | undefined {
  if (quantity.code !== undefined && (quantity.system === undefined || quantity.system === SYSTEMS.ucum)) {
    return quantity.code;
  }
  return quantity.unit ?? quantity.code;
}

/** The quantity in the document's unit for `measure`, or the unit that could not be converted. */
export function convert(quantity: Quantity, measure: Measure, fallbackUnit?: string): Converted {
  const conversion = CONVERSIONS[measure];
  const unit = unitOf(quantity) ?? fallbackUnit;
  const factor = unit === undefined ? undefined : conversion.factors[unit];
  if (factor === undefined || typeof quantity.value !== "number" || !Number.isFinite(quantity.value)) {
    return { ok: false, unit };
  }
  return { ok: true, value: roundTo(quantity.value * factor, conversion.decimals), unit: conversion.unit };
}

/** The units accepted for a measure, for messages ("U/L, [IU]/L or IU/L"). */
export function acceptedUnits(measure: Measure): string {
  const units = Object.keys(CONVERSIONS[measure].factors);
  return units.length === 1 ? (units[0] ?? "") : `${units.slice(0, -1).join(", ")} or ${units[units.length - 1] ?? ""}`;
}

/** The document's unit for a measure. */
export const documentUnit = (measure: Measure): string => CONVERSIONS[measure].unit;
