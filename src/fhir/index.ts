/** The FHIR module's public entry: the record import (and, later, the export). */
export * from "./import";
export { testPatients, TEST_PATIENT_REQUEST_DATE } from "./test-patients";
export type { TestPatient, TestPatientKey } from "./test-patients";
