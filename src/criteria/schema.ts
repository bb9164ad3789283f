/**
 * The request document (spec "The document", version 1) as a zod schema. Only the first four
 * fields are required: a request is filled in over time, and an absent field means "not answered
 * yet". Messages are written in `validate.ts` from the issue codes and params raised here.
 */
import { z } from "zod";
import { hasIsoDateShape, isRealDate } from "./dates";
import { isValidNpi } from "./npi";
import {
  BLEED_SITES,
  FACTOR_IX_PRODUCTS,
  KG_PER_LB,
  LINES_OF_BUSINESS,
  MAX_WEIGHT_KG,
} from "./policy";

/** Kinds of custom issue; `validate.ts` turns each into a sentence. */
export type CustomIssueKind = "date_shape" | "unreal_date" | "npi" | "too_heavy" | "after_request_date" | "blank";

const isoDate = z.string().superRefine((value, ctx) => {
  if (!hasIsoDateShape(value)) {
    ctx.addIssue({ code: "custom", input: value, params: { kind: "date_shape" } });
  } else if (!isRealDate(value)) {
    ctx.addIssue({ code: "custom", input: value, params: { kind: "unreal_date" } });
  }
});

const text = (maxLength: number) =>
  z
    .string()
    .max(maxLength)
    .superRefine((value, ctx) => {
      if (value.trim() === "") ctx.addIssue({ code: "custom", input: value, params: { kind: "blank" } });
    });

const labResult = z.object({
  value: z.number().min(0).optional(),
  upperLimit: z.number().gt(0).optional(),
});

const study = z.object({
  date: isoDate.optional(),
  result: z.enum(["normal", "abnormal"]).optional(),
});

const weight = z
  .object({
    value: z.number().gt(0).optional(),
    unit: z.enum(["kg", "lb"]).optional(),
  })
  .superRefine((w, ctx) => {
    if (w.value === undefined) return;
    const kg = w.unit === "lb" ? w.value * KG_PER_LB : w.value;
    if (kg > MAX_WEIGHT_KG) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        input: w.value,
        params: { kind: "too_heavy", unit: w.unit ?? "kg" },
      });
    }
  });

export const bleedSchema = z.object({
  date: isoDate.optional(),
  site: z.enum(BLEED_SITES).optional(),
  spontaneous: z.boolean().optional(),
});

export const assaySchema = z.object({
  date: isoDate.optional(),
  bethesdaUnits: z.number().min(0).optional(),
});

export const requestDocumentSchema = z.object({
  schemaVersion: z.literal(1),
  requestType: z.enum(["initial", "continuation"]),
  requestDate: isoDate,
  lineOfBusiness: z.enum(LINES_OF_BUSINESS),

  member: z
    .object({
      firstName: text(100).optional(),
      lastName: text(100).optional(),
      memberId: text(40).optional(),
      dateOfBirth: isoDate.optional(),
      weight: weight.optional(),
    })
    .optional(),

  prescriber: z
    .object({
      name: text(200).optional(),
      npi: z
        .string()
        .superRefine((value, ctx) => {
          if (!isValidNpi(value)) ctx.addIssue({ code: "custom", input: value, params: { kind: "npi" } });
        })
        .optional(),
      specialty: z.enum(["hematology", "other"]).optional(),
      hematologistConsulted: z.boolean().optional(),
    })
    .optional(),

  diagnosis: z
    .object({
      condition: z.enum(["congenital_hemophilia_b", "other"]).optional(),
      icd10: z
        .string()
        .regex(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/)
        .optional(),
      factorIxActivityPercent: z.number().min(0).max(200).optional(),
      otherDescription: text(1000).optional(),
      recentLabelChange: z.boolean().optional(),
      onFormulary: z.boolean().optional(),
    })
    .optional(),

  prophylaxis: z
    .object({
      product: z.enum(FACTOR_IX_PRODUCTS).optional(),
      startDate: isoDate.optional(),
      adherenceDocumented: z.boolean().optional(),
    })
    .optional(),

  bleeds: z.array(bleedSchema).max(500).optional(),

  exposureDays: z.number().int().min(0).optional(),

  inhibitor: z
    .object({
      historyOfInhibitor: z.boolean().optional(),
      assays: z.array(assaySchema).max(500).optional(),
    })
    .optional(),

  liver: z
    .object({
      enzymes: z
        .object({
          date: isoDate.optional(),
          alt: labResult.optional(),
          ast: labResult.optional(),
          alp: labResult.optional(),
          totalBilirubin: labResult.optional(),
        })
        .optional(),
      ultrasound: study.optional(),
      elastography: study.optional(),
      hepatologistAttestation: z.boolean().optional(),
    })
    .optional(),

  priorGeneTherapy: z.boolean().optional(),

  aav5: z
    .object({
      result: z.enum(["not_detected", "detected"]).optional(),
      titer: z.number().gt(0).optional(),
    })
    .optional(),

  dose: z
    .object({
      requestedGcPerKg: z.number().gt(0).optional(),
    })
    .optional(),
});

export type RequestDocument = z.infer<typeof requestDocumentSchema>;
export type Bleed = z.infer<typeof bleedSchema>;
export type InhibitorAssay = z.infer<typeof assaySchema>;
export type LabResult = z.infer<typeof labResult>;
export type LiverStudy = z.infer<typeof study>;
export type LineOfBusinessValue = RequestDocument["lineOfBusiness"];
