/** The FHIR module's public entry: the record import (and, later, the export). */
export * from "./import";
export { applyAnswers } from "./apply";
export {
  testPatients,
  asTransaction,
  TEST_PATIENT_REQUEST_DATE,
  TEST_LOCAL_CODES,
  TEST_AAV5_CODE,
  badRecordFiles,
  fhirFixtureFiles,
} from "./test-patients";
export type { TestPatient, TestPatientKey, BadRecordFile } from "./test-patients";
