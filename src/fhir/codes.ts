/**
 * Every code the record import reads, in one table, each with where it was looked up. A code not
 * here is never read as one of these (no guessing from similar codes or from text), except that a
 * medication's RxNorm display naming a brand identifies the brand (see FACTOR_IX_BRANDS).
 *
 * Sources: a URL where the code was looked up on 2026-12-01. LOINC codes named in the issue (1742-6,
 * 1920-8, 6768-6, 1975-2, 29463-7, 3187-2) are cited at loinc.org. Codes marked "not verified here"
 * come from the issue or from knowledge and must be confirmed against a terminology server
 * (tx.fhir.org, RxNav, the AMA's CPT) before production. The CPT codes' meanings are cited from
 * secondary sources (coding guides, the American College of Radiology), since the AMA's own text is
 * licensed: confirm them against the CPT book before production too.
 */

import type { FACTOR_IX_PRODUCTS } from "@/criteria";

export const SYSTEMS = {
  loinc: "http://loinc.org",
  snomed: "http://snomed.info/sct",
  icd10cm: "http://hl7.org/fhir/sid/icd-10-cm",
  /** WHO ICD-10: D67 means the same there; some EHRs send this system for US codes. */
  icd10: "http://hl7.org/fhir/sid/icd-10",
  rxnorm: "http://www.nlm.nih.gov/research/umls/rxnorm",
  cpt: "http://www.ama-assn.org/go/cpt",
  ucum: "http://unitsofmeasure.org",
  /** v2 table 0203: identifier types ("MB" member number). */
  identifierType: "http://terminology.hl7.org/CodeSystem/v2-0203",
  /** v3 ObservationInterpretation: N, A, H, L, POS, NEG, DET, ND … */
  interpretation: "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
} as const;

export interface CodeEntry {
  system: string;
  code: string;
  /** The code system's own name for the concept. */
  display: string;
  /** Where the code was looked up. */
  source: string;
}

const loinc = (code: string, display: string, source = `https://loinc.org/${code}`): CodeEntry => ({
  system: SYSTEMS.loinc,
  code,
  display,
  source,
});

/** Hemophilia B (I.A.1). */
export const HEMOPHILIA_B: readonly CodeEntry[] = [
  {
    system: SYSTEMS.icd10cm,
    code: "D67",
    display: "Hereditary factor IX deficiency",
    source: "ICD-10-CM 2026, https://www.cms.gov/medicare/coding-billing/icd-10-codes (also the policy's D67)",
  },
  {
    system: SYSTEMS.icd10,
    code: "D67",
    display: "Hereditary factor IX deficiency",
    source: "WHO ICD-10 2019, https://icd.who.int/browse10/2019/en#/D67",
  },
  {
    system: SYSTEMS.snomed,
    code: "41788008",
    display: "Hereditary factor IX deficiency disease",
    source:
      "SNOMED CT 41788008 |Hereditary factor IX deficiency disease (disorder)|, as VisualDx (https://v7.visualdx.com/visualdx/diagnosis/?diagnosisId=56008) and Orphanet via PhenoDis (https://mips.helmholtz-muenchen.de/phenodis/disease/show/8163) code hemophilia B",
  },
];

/** Laboratory and vital-sign observations, by what they feed. */
export const OBSERVATIONS = {
  /** Factor IX activity as % of normal (I.A.4). */
  factorIxActivityPercent: [
    loinc("3187-2", "Coagulation factor IX activity actual/normal in Platelet poor plasma by Coagulation assay"),
  ],
  /** Factor IX activity in units per volume (IU/dL ≡ % of normal). */
  factorIxActivityUnits: [
    loinc(
      "3186-4",
      "Coagulation factor IX activity [Units/volume] in Platelet poor plasma by Coagulation assay",
      "https://loinc.org/3186-4; https://www.healthassure.in/codes/loinc-3186-4-coagulation-factor-ix-activity-coag-qn-ppp",
    ),
  ],
  /** Quantitative factor IX inhibitor titer (Bethesda units): each result is an assay (I.A.7). */
  factorIxInhibitorTiter: [
    loinc(
      "3185-6",
      "Coagulation factor IX inhibitor [Units/volume] in Platelet poor plasma by Coagulation assay",
      "https://loinc.org/3185-6 (the quantitative [Units/volume] term; FVIII's sibling is 3204-5)",
    ),
  ],
  /** Qualitative factor IX inhibitor: presence only, no titer. Never read as an assay. */
  factorIxInhibitorPresence: [
    loinc(
      "30086-3",
      "Coagulation factor IX inhibitor [Presence] in Platelet poor plasma by Coagulation assay",
      "https://loinc.org/30086-3; https://www.healthassure.in/codes/loinc-30086-3-coagulation-factor-ix-inhibitor-coag-ql-ppp",
    ),
  ],
  alt: [loinc("1742-6", "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma")],
  ast: [loinc("1920-8", "Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma")],
  alp: [loinc("6768-6", "Alkaline phosphatase [Enzymatic activity/volume] in Serum or Plasma")],
  totalBilirubin: [loinc("1975-2", "Bilirubin.total [Mass/volume] in Serum or Plasma")],
  bodyWeight: [
    loinc("29463-7", "Body weight", "https://loinc.org/29463-7 (the US Core / vital-signs body weight code)"),
  ],
  /**
   * AAV5 neutralizing (or total binding) antibodies: LOINC has no term for them (searched
   * 2026-12-01), so only configured local codes (`LocalCodes.aav5Antibody`) identify the result.
   */
  aav5Antibody: [] as readonly CodeEntry[],
} as const;

export type ObservationKind = keyof typeof OBSERVATIONS;

/** Liver imaging (I.A.8.b), from DiagnosticReport, Procedure or an Observation of the measurement. */
export const LIVER_STUDIES: Readonly<Record<"ultrasound" | "elastography", readonly CodeEntry[]>> = {
  ultrasound: [
    {
      system: SYSTEMS.cpt,
      code: "76700",
      display: "Ultrasound, abdominal, real time with image documentation; complete",
      source:
        "AMA CPT 76700 (abdominal ultrasound, complete), as a secondary source names it: https://www.carepatron.com/procedure-code/cpt-code-76705",
    },
    {
      system: SYSTEMS.cpt,
      code: "76705",
      display: "Ultrasound, abdominal, real time with image documentation; limited (eg, single organ, quadrant)",
      source:
        "AMA CPT 76705 (abdominal ultrasound, limited), its descriptor quoted at https://transcure.net/medical-billing/code/cpt/76705/",
    },
    {
      system: SYSTEMS.snomed,
      code: "431362005",
      display: "Doppler ultrasonography of liver and portal system",
      source:
        "SNOMED CT via https://build.fhir.org/ig/hl7-eu/protect-child/ConceptMap-instrumental-investigation-name-to-standard.html",
    },
  ],
  elastography: [
    {
      system: SYSTEMS.cpt,
      code: "76981",
      display: "Ultrasound, elastography; parenchyma (eg, organ)",
      source:
        "AMA CPT 76981 (ultrasound elastography; parenchyma), its descriptor quoted at https://legalclarity.org/76981-cpt-code-description-billing-modifiers-and-coverage/ (replaced 0346T in 2019)",
    },
    {
      system: SYSTEMS.cpt,
      code: "91200",
      display: "Liver elastography, mechanically induced shear wave (eg, vibration), without imaging",
      source:
        "AMA CPT 91200 (liver elastography without imaging, e.g. FibroScan), per the American College of Radiology: https://acr.org/Advocacy-and-Economics/Coding-Source/ACR-Radiology-Coding-Source-for-January-February-2015/Q-and-A",
    },
    loinc(
      "77615-3",
      "Liver stiffness by transient elastography",
      "https://loinc.org/77615-3 (named as 'liver stiffness [LOINC77615-3]' on https://www.healthassure.in/codes/loinc-81894-8-liver-ultrasound-attenuation-by-transient-elastography)",
    ),
  ],
};

/** A study's coded result: SNOMED CT findings in DiagnosticReport.conclusionCode, or an interpretation. */
export const STUDY_RESULT_CODES: readonly (CodeEntry & { result: "normal" | "abnormal" })[] = [
  {
    system: SYSTEMS.snomed,
    code: "17621005",
    display: "Normal",
    source:
      "SNOMED CT 17621005 |Normal|, in a value set expanded by tx.fhir.org (SNOMED CT International 2025-02): https://build.fhir.org/ig/hl7-be/patient-monitoring/en/ValueSet-normal-abnormal.html",
    result: "normal",
  },
  {
    system: SYSTEMS.snomed,
    code: "263654008",
    display: "Abnormal",
    source:
      "SNOMED CT 263654008 |Abnormal|, in a value set expanded by tx.fhir.org (SNOMED CT International 2025-02): https://build.fhir.org/ig/hl7-be/patient-monitoring/en/ValueSet-normal-abnormal.html",
    result: "abnormal",
  },
  {
    system: SYSTEMS.interpretation,
    code: "N",
    display: "Normal",
    source: "https://terminology.hl7.org/CodeSystem-v3-ObservationInterpretation.html",
    result: "normal",
  },
  {
    system: SYSTEMS.interpretation,
    code: "A",
    display: "Abnormal",
    source: "https://terminology.hl7.org/CodeSystem-v3-ObservationInterpretation.html",
    result: "abnormal",
  },
  {
    system: SYSTEMS.interpretation,
    code: "AA",
    display: "Critical abnormal",
    source: "https://terminology.hl7.org/CodeSystem-v3-ObservationInterpretation.html",
    result: "abnormal",
  },
  {
    system: SYSTEMS.interpretation,
    code: "H",
    display: "High",
    source: "https://terminology.hl7.org/CodeSystem-v3-ObservationInterpretation.html",
    result: "abnormal",
  },
  {
    system: SYSTEMS.interpretation,
    code: "HH",
    display: "Critical high",
    source: "https://terminology.hl7.org/CodeSystem-v3-ObservationInterpretation.html",
    result: "abnormal",
  },
];

/** A qualitative antibody result (AAV5): SNOMED CT qualifiers or v3 interpretations. */
export const DETECTION_CODES: readonly (CodeEntry & { result: "detected" | "not_detected" })[] = [
  {
    system: SYSTEMS.snomed,
    code: "260373001",
    display: "Detected",
    source:
      "SNOMED CT 260373001 |Detected (qualifier value)|: https://hl7.org/fhir/us/covid19library/informative1/ValueSet-detected-not-detected-value-set.html",
    result: "detected",
  },
  {
    system: SYSTEMS.snomed,
    code: "260415000",
    display: "Not detected",
    source:
      "SNOMED CT 260415000 |Not detected (qualifier value)|: https://hl7.org/fhir/us/covid19library/informative1/ValueSet-detected-not-detected-value-set.html",
    result: "not_detected",
  },
  {
    system: SYSTEMS.snomed,
    code: "10828004",
    display: "Positive",
    source:
      "SNOMED CT 10828004 |Positive (qualifier value)|: https://build.fhir.org/ig/HL7/fhir-shc-vaccination-ig/ValueSet-lab-qualitative-result.html",
    result: "detected",
  },
  {
    system: SYSTEMS.snomed,
    code: "260385009",
    display: "Negative",
    source:
      "SNOMED CT 260385009 |Negative (qualifier value)|: https://build.fhir.org/ig/HL7/fhir-shc-vaccination-ig/ValueSet-lab-qualitative-result.html",
    result: "not_detected",
  },
  {
    system: SYSTEMS.interpretation,
    code: "POS",
    display: "Positive",
    source: "https://terminology.hl7.org/CodeSystem-v3-ObservationInterpretation.html",
    result: "detected",
  },
  {
    system: SYSTEMS.interpretation,
    code: "DET",
    display: "Detected",
    source: "https://terminology.hl7.org/CodeSystem-v3-ObservationInterpretation.html",
    result: "detected",
  },
  {
    system: SYSTEMS.interpretation,
    code: "NEG",
    display: "Negative",
    source: "https://terminology.hl7.org/CodeSystem-v3-ObservationInterpretation.html",
    result: "not_detected",
  },
  {
    system: SYSTEMS.interpretation,
    code: "ND",
    display: "Not detected",
    source: "https://terminology.hl7.org/CodeSystem-v3-ObservationInterpretation.html",
    result: "not_detected",
  },
];

/** The document's product spellings, from the criteria library (so a spelling here cannot drift). */
export type ProductAnswer = (typeof FACTOR_IX_PRODUCTS)[number];

/**
 * Factor IX products by RxNorm. CUIs are listed only where looked up; every other brand is
 * recognised by its brand name as RxNorm writes it in a branded concept's display ("… [BeneFIX]")
 * or in a brand-name (BN) concept, on an RxNorm coding only: RxNorm names every branded drug
 * "ingredient strength form [Brand]", so this reads RxNorm's own data, not free text. AlphaNine,
 * Mononine and Profilnine (plasma-derived; Profilnine a factor IX complex) are factor IX products
 * the document spells "other".
 */
export const FACTOR_IX_BRANDS: readonly { brand: string; answer: ProductAnswer; rxcuis: readonly CodeEntry[] }[] = [
  {
    brand: "Alprolix",
    answer: "Alprolix",
    rxcuis: [
      {
        system: SYSTEMS.rxnorm,
        code: "1666323",
        display: "coagulation factor IX recombinant immunoglobulin G1 fusion protein 1 UNT Injection [Alprolix]",
        source: "RxNorm SBD, via https://ndclist.com/ndc/71104-944/package/71104-944-01 (RxNorm crosswalk)",
      },
    ],
  },
  { brand: "BeneFIX", answer: "BeneFIX", rxcuis: [] },
  { brand: "Idelvion", answer: "Idelvion", rxcuis: [] },
  { brand: "Ixinity", answer: "Ixinity", rxcuis: [] },
  { brand: "Rebinyn", answer: "Rebinyn", rxcuis: [] },
  { brand: "Rixubis", answer: "Rixubis", rxcuis: [] },
  { brand: "AlphaNine", answer: "other", rxcuis: [] },
  { brand: "Mononine", answer: "other", rxcuis: [] },
  { brand: "Profilnine", answer: "other", rxcuis: [] },
];

/**
 * Factor IX products without a brand (a generic clinical drug such as RxNorm SCD 1666320
 * "coagulation factor IX recombinant immunoglobulin G1 fusion protein 1 UNT Injection", via the
 * ndclist crosswalk above): recognised as factor IX by "factor IX" in an RxNorm display, so the
 * start date can be read, while the product is left for the person to choose.
 */
export const FACTOR_IX_GENERIC: readonly CodeEntry[] = [
  {
    system: SYSTEMS.rxnorm,
    code: "1666320",
    display: "coagulation factor IX recombinant immunoglobulin G1 fusion protein 1 UNT Injection",
    source: "RxNorm SCD, via https://ndclist.com/ndc/71104-944/package/71104-944-01 (RxNorm crosswalk)",
  },
];

/** Identifier type of a health plan member number (v2-0203 "MB"): Patient.identifier or Coverage.identifier. */
export const MEMBER_NUMBER_TYPE = { system: SYSTEMS.identifierType, code: "MB" } as const;
