/**
 * The wizard's answers as FHIR files, made in the browser (nothing is sent): the
 * QuestionnaireResponse to CP.PHAR.580 and a PAS-style claim Bundle (no documents: those are the
 * server's, exported with a submitted request). Loaded only when asked for: it brings the schema
 * and the FHIR mapping, which the first page does not need.
 */
import { validateRequestDocument, type FieldError } from "@/criteria";
import { toPasBundle } from "@/fhir/pas-bundle";
import { toQuestionnaireResponse } from "@/fhir/questionnaire-response";

export type FhirExportKind = "questionnaire-response" | "claim-bundle";

export type FhirExport = { ok: true; fileName: string; json: string } | { ok: false; errors: FieldError[] };

export function fhirExport(candidate: unknown, kind: FhirExportKind): FhirExport {
  const result = validateRequestDocument(candidate);
  if (!result.ok) return { ok: false, errors: result.errors };
  const resource =
    kind === "questionnaire-response" ? toQuestionnaireResponse(result.document) : toPasBundle(result.document);
  return { ok: true, fileName: `hemgenix-${kind}.json`, json: `${JSON.stringify(resource, null, 2)}\n` };
}
