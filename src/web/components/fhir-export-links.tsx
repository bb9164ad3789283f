/**
 * A stored request's FHIR exports, for staff and reviewers: plain links to the server's JSON
 * (read and audited there as the request is), downloaded as files.
 */
export function FhirExportLinks({ reference }: { reference: string }) {
  const base = `/api/requests/${encodeURIComponent(reference)}/fhir`;
  return (
    <p className="mb-6 print:hidden">
      Export as FHIR:{" "}
      <a href={`${base}/questionnaire-response`} download className="font-bold underline">
        QuestionnaireResponse (JSON)
      </a>
      {" · "}
      <a href={`${base}/claim-bundle`} download className="font-bold underline">
        PAS claim Bundle (JSON)
      </a>
    </p>
  );
}
