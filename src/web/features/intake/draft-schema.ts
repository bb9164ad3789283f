/**
 * The draft's shape as a schema: every answer as typed (text), or a choice from its list
 * (`CHOICES` in draft.ts, the lists' one home). The types of draft.ts come from it. Tests check
 * that a restored draft always satisfies it; it stays out of the first bundle (zod is not needed
 * to draw the start page).
 */
import { z } from "zod/mini";
import { CHOICES, type ChoicePath } from "./draft";

/** A choice not made yet ("") or one of the list at `path`. */
const blankOr = <const P extends ChoicePath>(path: P) => z.enum(["", ...CHOICES[path]] as const);

const datePartsSchema = z.object({ day: z.string(), month: z.string(), year: z.string() });
const labSchema = z.object({ value: z.string(), upperLimit: z.string() });

const bleedSchema = z.object({
  date: datePartsSchema,
  site: blankOr("bleeds[].site"),
  spontaneous: blankOr("bleeds[].spontaneous"),
});

const assaySchema = z.object({ date: datePartsSchema, bethesdaUnits: z.string() });

const studySchema = <P extends "liver.ultrasound.result" | "liver.elastography.result">(path: P) =>
  z.object({ date: datePartsSchema, result: blankOr(path) });

export const draftSchema = z.object({
  requestType: blankOr("requestType"),
  requestDate: datePartsSchema,
  lineOfBusiness: blankOr("lineOfBusiness"),
  member: z.object({
    firstName: z.string(),
    lastName: z.string(),
    memberId: z.string(),
    dateOfBirth: datePartsSchema,
    weight: z.object({ value: z.string(), unit: blankOr("member.weight.unit") }),
  }),
  prescriber: z.object({
    name: z.string(),
    npi: z.string(),
    specialty: blankOr("prescriber.specialty"),
    hematologistConsulted: blankOr("prescriber.hematologistConsulted"),
  }),
  diagnosis: z.object({
    condition: blankOr("diagnosis.condition"),
    /** Filled in as D67 for hemophilia B; kept as given when a document is imported. */
    icd10: z.string(),
    factorIxActivityPercent: z.string(),
    otherDescription: z.string(),
    recentLabelChange: blankOr("diagnosis.recentLabelChange"),
    onFormulary: blankOr("diagnosis.onFormulary"),
  }),
  prophylaxis: z.object({
    product: blankOr("prophylaxis.product"),
    startDate: datePartsSchema,
    adherenceDocumented: blankOr("prophylaxis.adherenceDocumented"),
  }),
  /** "no" records an empty list; blank leaves bleeds unanswered. */
  bleedsOnRecord: blankOr("bleedsOnRecord"),
  bleeds: z.array(bleedSchema),
  exposureDays: z.string(),
  inhibitor: z.object({
    historyOfInhibitor: blankOr("inhibitor.historyOfInhibitor"),
    assaysOnRecord: blankOr("inhibitor.assaysOnRecord"),
    assays: z.array(assaySchema),
  }),
  liver: z.object({
    enzymes: z.object({
      date: datePartsSchema,
      alt: labSchema,
      ast: labSchema,
      alp: labSchema,
      totalBilirubin: labSchema,
    }),
    ultrasound: studySchema("liver.ultrasound.result"),
    elastography: studySchema("liver.elastography.result"),
    hepatologistAttestation: blankOr("liver.hepatologistAttestation"),
  }),
  priorGeneTherapy: blankOr("priorGeneTherapy"),
  aav5: z.object({ result: blankOr("aav5.result"), titer: z.string() }),
  /** Requested dose in units of 10^13 genome copies per kg ("2" is the maximum). */
  dose: z.object({ requestedGcPerKg: z.string() }),
});
