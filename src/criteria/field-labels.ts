/**
 * Plain-English names of the document's fields, for error messages and the forms that show them.
 * Keys are document paths with list indices written as `[]` (`bleeds[].date`).
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  schemaVersion: "Schema version",
  requestType: "Request type",
  requestDate: "Request date",
  lineOfBusiness: "Line of business",
  member: "Member",
  "member.firstName": "Member's first name",
  "member.lastName": "Member's last name",
  "member.memberId": "Member ID",
  "member.dateOfBirth": "Date of birth",
  "member.weight": "Weight",
  "member.weight.value": "Weight",
  "member.weight.unit": "Weight unit",
  prescriber: "Prescriber",
  "prescriber.name": "Prescriber's name",
  "prescriber.npi": "Prescriber NPI",
  "prescriber.specialty": "Prescriber's specialty",
  "prescriber.hematologistConsulted": "Hematologist consulted",
  diagnosis: "Diagnosis",
  "diagnosis.condition": "Diagnosis",
  "diagnosis.icd10": "ICD-10 code",
  "diagnosis.factorIxActivityPercent": "Baseline factor IX activity",
  "diagnosis.otherDescription": "Description of the other diagnosis",
  "diagnosis.recentLabelChange": "Recent label change",
  "diagnosis.onFormulary": "On formulary or preferred drug list",
  prophylaxis: "Prophylaxis",
  "prophylaxis.product": "Factor IX product",
  "prophylaxis.startDate": "Prophylaxis start date",
  "prophylaxis.adherenceDocumented": "Adherence documented",
  bleeds: "Bleeding episodes",
  "bleeds[]": "Bleeding episode",
  "bleeds[].date": "Bleed date",
  "bleeds[].site": "Bleed site",
  "bleeds[].spontaneous": "Spontaneous bleed",
  exposureDays: "Exposure days",
  inhibitor: "Inhibitor",
  "inhibitor.historyOfInhibitor": "History of inhibitor",
  "inhibitor.assays": "Inhibitor assays",
  "inhibitor.assays[]": "Inhibitor assay",
  "inhibitor.assays[].date": "Assay date",
  "inhibitor.assays[].bethesdaUnits": "Bethesda units",
  liver: "Liver workup",
  "liver.enzymes": "Liver enzymes",
  "liver.enzymes.date": "Liver enzymes date",
  "liver.enzymes.alt": "ALT",
  "liver.enzymes.alt.value": "ALT",
  "liver.enzymes.alt.upperLimit": "ALT upper limit of normal",
  "liver.enzymes.ast": "AST",
  "liver.enzymes.ast.value": "AST",
  "liver.enzymes.ast.upperLimit": "AST upper limit of normal",
  "liver.enzymes.alp": "ALP",
  "liver.enzymes.alp.value": "ALP",
  "liver.enzymes.alp.upperLimit": "ALP upper limit of normal",
  "liver.enzymes.totalBilirubin": "Total bilirubin",
  "liver.enzymes.totalBilirubin.value": "Total bilirubin",
  "liver.enzymes.totalBilirubin.upperLimit": "Total bilirubin upper limit of normal",
  "liver.ultrasound": "Liver ultrasound",
  "liver.ultrasound.date": "Ultrasound date",
  "liver.ultrasound.result": "Ultrasound result",
  "liver.elastography": "Liver elastography",
  "liver.elastography.date": "Elastography date",
  "liver.elastography.result": "Elastography result",
  "liver.hepatologistAttestation": "Hepatologist attestation",
  priorGeneTherapy: "Prior gene therapy",
  aav5: "AAV5 antibody test",
  "aav5.result": "AAV5 neutralizing antibody result",
  "aav5.titer": "AAV5 titer",
  dose: "Dose",
  "dose.requestedGcPerKg": "Requested dose",
};

/** `["bleeds", 0, "date"]` → `"bleeds.0.date"`: the path as reported in errors. */
export const formatPath = (path: readonly PropertyKey[]): string => path.map(String).join(".");

/** `["bleeds", 0, "date"]` → `"bleeds[].date"`: the key of FIELD_LABELS. */
export const fieldKey = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((key, part) => {
    if (typeof part === "number") return `${key}[]`;
    return key === "" ? String(part) : `${key}.${String(part)}`;
  }, "");

export function fieldLabel(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "The request document";
  const label = FIELD_LABELS[fieldKey(path)];
  if (label !== undefined) return label;
  const last = path[path.length - 1];
  return typeof last === "number" ? `Item ${last + 1} of ${fieldLabel(path.slice(0, -1))}` : String(last);
}
