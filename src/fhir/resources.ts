/**
 * The few FHIR R4 shapes the exports write, typed as far as they use them (not the whole
 * specification: the tests validate every export against the R4 StructureDefinitions).
 */
export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Reference {
  reference?: string;
  display?: string;
}

export interface Identifier {
  system?: string;
  value?: string;
}

/** One answer of a QuestionnaireResponse item: exactly one `value…`. */
export interface QuestionnaireResponseAnswer {
  valueBoolean?: boolean;
  valueDecimal?: number;
  valueInteger?: number;
  valueDate?: string;
  valueString?: string;
  valueCoding?: Coding;
}

export interface QuestionnaireResponseItem {
  linkId: string;
  text?: string;
  answer?: QuestionnaireResponseAnswer[];
  item?: QuestionnaireResponseItem[];
}

export interface QuestionnaireResponse {
  resourceType: "QuestionnaireResponse";
  id?: string;
  questionnaire: string;
  status: "in-progress" | "completed" | "amended" | "entered-in-error" | "stopped";
  subject?: Reference;
  authored?: string;
  item?: QuestionnaireResponseItem[];
}

export interface FhirResource {
  resourceType: string;
  id?: string;
}
