/**
 * The request document (spec "The document", version 1) as a zod schema. Only the first four
 * fields are required: a request is filled in over time, and an absent field means "not answered
 * yet". Messages are written in `validate.ts` from the issue codes and params raised here.
 */
// zod/mini: the same validation core at about a third of the size in the browser bundle.
import { z } from "zod/mini";
import { hasIsoDateShape, isRealDate } from "./dates";
import { isValidNpi } from "./npi";
import { BLEED_SITES, FACTOR_IX_PRODUCTS, KG_PER_LB, LINES_OF_BUSINESS, MAX_WEIGHT_KG } from "./policy";

/** Kinds of custom issue; `validate.ts` turns each into a sentence. */
export type CustomIssueKind = "date_shape" | "unreal_date" | "npi" | "too_heavy" | "after_request_date" | "blank";

const isoDate = z.string().check(
  z.superRefine((value, ctx) => {
    if (!hasIsoDateShape(value)) {
      ctx.addIssue({ code: "custom", input: value, params: { kind: "date_shape" } });
    } else if (!isRealDate(value)) {
      ctx.addIssue({ code: "custom", input: value, params: { kind: "unreal_date" } });
    }
  }),
);

const text = (maxLength: number) =>
  z.string().check(
    z.maxLength(maxLength),
    z.superRefine((value, ctx) => {
      if (value.trim() === "") ctx.addIssue({ code: "custom", input: value, params: { kind: "blank" } });
    }),
  );

const optional = z.optional;
const atLeast = (min: number) => z.number().check(z.gte(min));
const above = (min: number) => z.number().check(z.gt(min));

const labResult = z.object({
  value: optional(atLeast(0)),
  upperLimit: optional(above(0)),
});

const study = z.object({
  date: optional(isoDate),
  result: optional(z.enum(["normal", "abnormal"])),
});

const weight = z
  .object({
    value: optional(above(0)),
    unit: optional(z.enum(["kg", "lb"])),
  })
  .check(
    z.superRefine((w, ctx) => {
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
    }),
  );

export const bleedSchema = z.object({
  date: optional(isoDate),
  site: optional(z.enum(BLEED_SITES)),
  spontaneous: optional(z.boolean()),
});

export const assaySchema = z.object({
  date: optional(isoDate),
  bethesdaUnits: optional(atLeast(0)),
});

const npi = z.string().check(
  z.superRefine((value, ctx) => {
    if (!isValidNpi(value)) ctx.addIssue({ code: "custom", input: value, params: { kind: "npi" } });
  }),
);

export const requestDocumentSchema = z.object({
  schemaVersion: z.literal(1),
  requestType: z.enum(["initial", "continuation"]),
  requestDate: isoDate,
  lineOfBusiness: z.enum(LINES_OF_BUSINESS),

  member: optional(
    z.object({
      firstName: optional(text(100)),
      lastName: optional(text(100)),
      memberId: optional(text(40)),
      dateOfBirth: optional(isoDate),
      weight: optional(weight),
    }),
  ),

  prescriber: optional(
    z.object({
      name: optional(text(200)),
      npi: optional(npi),
      specialty: optional(z.enum(["hematology", "other"])),
      hematologistConsulted: optional(z.boolean()),
    }),
  ),

  diagnosis: optional(
    z.object({
      condition: optional(z.enum(["congenital_hemophilia_b", "other"])),
      icd10: optional(text(16)),
      factorIxActivityPercent: optional(z.number().check(z.gte(0), z.lte(200))),
      otherDescription: optional(text(1000)),
      recentLabelChange: optional(z.boolean()),
      onFormulary: optional(z.boolean()),
    }),
  ),

  prophylaxis: optional(
    z.object({
      product: optional(z.enum(FACTOR_IX_PRODUCTS)),
      startDate: optional(isoDate),
      adherenceDocumented: optional(z.boolean()),
    }),
  ),

  bleeds: optional(z.array(bleedSchema).check(z.maxLength(500))),

  exposureDays: optional(z.int().check(z.gte(0))),

  inhibitor: optional(
    z.object({
      historyOfInhibitor: optional(z.boolean()),
      assays: optional(z.array(assaySchema).check(z.maxLength(500))),
    }),
  ),

  liver: optional(
    z.object({
      enzymes: optional(
        z.object({
          date: optional(isoDate),
          alt: optional(labResult),
          ast: optional(labResult),
          alp: optional(labResult),
          totalBilirubin: optional(labResult),
        }),
      ),
      ultrasound: optional(study),
      elastography: optional(study),
      hepatologistAttestation: optional(z.boolean()),
    }),
  ),

  priorGeneTherapy: optional(z.boolean()),

  aav5: optional(
    z.object({
      result: optional(z.enum(["not_detected", "detected"])),
      titer: optional(above(0)),
    }),
  ),

  dose: optional(
    z.object({
      requestedGcPerKg: optional(above(0)),
    }),
  ),
});

export type RequestDocument = z.infer<typeof requestDocumentSchema>;
export type Bleed = z.infer<typeof bleedSchema>;
export type InhibitorAssay = z.infer<typeof assaySchema>;
export type LabResult = z.infer<typeof labResult>;
export type LiverStudy = z.infer<typeof study>;
