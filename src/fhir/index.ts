/** The FHIR module's entry for the record import (the export's modules are imported by their own paths). */
export * from "./import";
export { applyAnswers } from "./apply";
export { resolveOnServer } from "./same-server";
/** The code table, for the export (Questionnaire, Claim) to use the same codes the import reads. */
export { SYSTEMS, HEMOPHILIA_B, OBSERVATIONS, LIVER_STUDIES, FACTOR_IX_BRANDS, MEMBER_NUMBER_TYPE } from "./codes";
export type { CodeEntry, ProductAnswer } from "./codes";
export {
  testPatients,
  asTransaction,
  TEST_PATIENT_REQUEST_DATE,
  TEST_ULTRASOUND_REPORT_PDF,
  TEST_LAB_REPORT_PDF,
  TEST_LOCAL_CODES,
  TEST_AAV5_CODE,
  badRecordFiles,
  fhirFixtureFiles,
} from "./test-patients";
export type { TestPatient, TestPatientKey, BadRecordFile } from "./test-patients";
