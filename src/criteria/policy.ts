/**
 * Policy CP.PHAR.580 in one place: thresholds, criterion ids and short titles, the document
 * fields that feed each criterion, and the referral table of sections I.B / II.B.
 * Titles paraphrase the policy; the policy text itself stays the authority.
 */

export const POLICY_ID = "CP.PHAR.580";
export const POLICY_VERSION = "Effective 11.22.22, last reviewed 02.24";
export const HCPCS_CODE = "J1411";
export const ICD10_HEMOPHILIA_B = "D67";

export const MIN_AGE_YEARS = 18;
export const MAX_FACTOR_IX_PERCENT = 2;
export const MIN_PROPHYLAXIS_MONTHS = 12;
export const MIN_EXPOSURE_DAYS = 150;
export const NEGATIVE_INHIBITOR_BELOW_BU = 0.6;
export const INHIBITOR_ASSAY_WINDOW_MONTHS = 12;
/** A positive inhibitor test needs a negative retest 1 to 14 days later ("within 2 weeks"). */
export const INHIBITOR_RETEST_MAX_DAYS = 14;
export const LIVER_WORKUP_WINDOW_MONTHS = 3;
export const MAX_AAV5_TITER = 678;
export const MAX_GC_PER_KG = 2e13;
export const APPROVAL = { durationMonths: 3, doses: 1 } as const;

/** Prescribing information, section 2: 1 × 10^13 gc/mL, at least 10 mL a vial, kits of 10–48 vials. */
export const SUSPENSION_GC_PER_ML = 1e13;
export const ML_PER_VIAL = 10;
export const KIT_MIN_VIALS = 10;
export const KIT_MAX_VIALS = 48;
export const KG_PER_LB = 0.45359237;
export const MAX_WEIGHT_KG = 500;

export const CRITERION_IDS = [
  "I.A.1",
  "I.A.2",
  "I.A.3",
  "I.A.4",
  "I.A.5.a",
  "I.A.5.b",
  "I.A.6",
  "I.A.7.a",
  "I.A.7.b",
  "I.A.7.c",
  "I.A.8.a",
  "I.A.8.b",
  "I.A.8.c",
  "I.A.9",
  "I.A.10",
  "I.A.11",
] as const;

export type CriterionId = (typeof CRITERION_IDS)[number];

interface CriterionInfo {
  id: CriterionId;
  /** Short paraphrase for screens and the printed summary. */
  title: string;
  section: "I.A";
  /** Document paths that feed the criterion (`[]` marks list items); the wizard links feedback to them. */
  fields: readonly string[];
  /** Windows that make the criterion lapse as time passes. */
  windowMonths?: number;
}

export const CRITERIA: Readonly<Record<CriterionId, CriterionInfo>> = {
  "I.A.1": {
    id: "I.A.1",
    title: "Diagnosis of congenital hemophilia B (factor IX deficiency)",
    section: "I.A",
    fields: ["diagnosis.condition", "diagnosis.icd10"],
  },
  "I.A.2": {
    id: "I.A.2",
    title: "Prescribed by or in consultation with a hematologist",
    section: "I.A",
    fields: ["prescriber.specialty", "prescriber.hematologistConsulted"],
  },
  "I.A.3": {
    id: "I.A.3",
    title: "Age 18 years or older",
    section: "I.A",
    fields: ["member.dateOfBirth", "requestDate"],
  },
  "I.A.4": {
    id: "I.A.4",
    title: "Severe or moderately severe: factor IX activity of 2% or less",
    section: "I.A",
    fields: ["diagnosis.factorIxActivityPercent"],
  },
  "I.A.5.a": {
    id: "I.A.5.a",
    title: "Adherent to routine factor IX prophylaxis for at least 12 months, documented by the prescriber",
    section: "I.A",
    fields: ["prophylaxis.product", "prophylaxis.startDate", "prophylaxis.adherenceDocumented"],
  },
  "I.A.5.b": {
    id: "I.A.5.b",
    title: "At least one serious spontaneous bleed while on routine prophylaxis",
    section: "I.A",
    fields: ["bleeds", "bleeds[].date", "bleeds[].site", "bleeds[].spontaneous", "prophylaxis.startDate"],
  },
  "I.A.6": {
    id: "I.A.6",
    title: "At least 150 exposure days to a factor IX product",
    section: "I.A",
    fields: ["exposureDays"],
  },
  "I.A.7.a": {
    id: "I.A.7.a",
    title: "No documented history of a factor IX inhibitor",
    section: "I.A",
    fields: ["inhibitor.historyOfInhibitor"],
  },
  "I.A.7.b": {
    id: "I.A.7.b",
    title: "Inhibitor assay below 0.6 BU within the last 12 months",
    section: "I.A",
    fields: ["inhibitor.assays", "inhibitor.assays[].date", "inhibitor.assays[].bethesdaUnits"],
    windowMonths: INHIBITOR_ASSAY_WINDOW_MONTHS,
  },
  "I.A.7.c": {
    id: "I.A.7.c",
    title: "Any positive inhibitor test followed by a negative test within 2 weeks",
    section: "I.A",
    fields: ["inhibitor.assays", "inhibitor.assays[].date", "inhibitor.assays[].bethesdaUnits"],
  },
  "I.A.8.a": {
    id: "I.A.8.a",
    title: "Liver enzymes (ALT, AST, ALP, total bilirubin) within normal limits in the last 3 months",
    section: "I.A",
    fields: [
      "liver.enzymes.date",
      "liver.enzymes.alt",
      "liver.enzymes.ast",
      "liver.enzymes.alp",
      "liver.enzymes.totalBilirubin",
    ],
    windowMonths: LIVER_WORKUP_WINDOW_MONTHS,
  },
  "I.A.8.b": {
    id: "I.A.8.b",
    title: "Normal hepatic ultrasound and elastography in the last 3 months",
    section: "I.A",
    fields: ["liver.ultrasound", "liver.elastography"],
    windowMonths: LIVER_WORKUP_WINDOW_MONTHS,
  },
  "I.A.8.c": {
    id: "I.A.8.c",
    title: "Hepatologist attests eligibility when a liver result is abnormal",
    section: "I.A",
    fields: ["liver.hepatologistAttestation"],
  },
  "I.A.9": {
    id: "I.A.9",
    title: "No prior gene therapy",
    section: "I.A",
    fields: ["priorGeneTherapy"],
  },
  "I.A.10": {
    id: "I.A.10",
    title: "AAV5 neutralizing antibody titer of 1:678 or less",
    section: "I.A",
    fields: ["aav5.result", "aav5.titer"],
  },
  "I.A.11": {
    id: "I.A.11",
    title: "Dose no more than 2 × 10^13 genome copies per kg",
    section: "I.A",
    fields: ["dose.requestedGcPerKg", "member.weight"],
  },
};

export const LINES_OF_BUSINESS = ["commercial", "marketplace", "medicaid"] as const;
export type LineOfBusiness = (typeof LINES_OF_BUSINESS)[number];

export const LINE_OF_BUSINESS_LABELS: Readonly<Record<LineOfBusiness, string>> = {
  commercial: "Commercial",
  marketplace: "Health Insurance Marketplace",
  medicaid: "Medicaid",
};

export type ReferralKind = "formulary_no_coverage_criteria" | "non_formulary" | "off_label";

/** Sections I.B and II.B: where a request for another diagnosis goes, by line of business. */
export const REFERRAL_POLICIES: Readonly<Record<ReferralKind, Readonly<Record<LineOfBusiness, string>>>> = {
  formulary_no_coverage_criteria: { commercial: "CP.CPA.190", marketplace: "HIM.PA.33", medicaid: "CP.PMN.255" },
  non_formulary: { commercial: "CP.CPA.190", marketplace: "HIM.PA.103", medicaid: "CP.PMN.16" },
  off_label: { commercial: "CP.CPA.09", marketplace: "HIM.PA.154", medicaid: "CP.PMN.53" },
};

export const FACTOR_IX_PRODUCTS = [
  "Alprolix",
  "BeneFIX",
  "Idelvion",
  "Ixinity",
  "Rebinyn",
  "Rixubis",
  "other",
] as const;

/** Appendix D: serious bleeding sites. */
export const SERIOUS_BLEED_SITES = [
  "intracranial",
  "neck_throat",
  "gastrointestinal",
  "joint",
  "muscle",
  "mucous_membrane",
] as const;
export const BLEED_SITES = [...SERIOUS_BLEED_SITES, "skin_soft_tissue", "other"] as const;
export type BleedSite = (typeof BLEED_SITES)[number];

export const BLEED_SITE_LABELS: Readonly<Record<BleedSite, string>> = {
  intracranial: "intracranial",
  neck_throat: "neck or throat",
  gastrointestinal: "gastrointestinal",
  joint: "joint (hemarthrosis)",
  muscle: "muscle",
  mucous_membrane: "mucous membrane (mouth, nose, genitourinary tract)",
  skin_soft_tissue: "skin or soft tissue",
  other: "other site",
};

const SERIOUS: ReadonlySet<string> = new Set(SERIOUS_BLEED_SITES);
export const isSeriousBleedSite = (site: BleedSite): boolean => SERIOUS.has(site);
