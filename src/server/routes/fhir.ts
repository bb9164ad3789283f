/**
 * FHIR out (#12): the CP.PHAR.580 Questionnaire at a stable public address (it holds no patient
 * data), and a stored request as a QuestionnaireResponse to it or as a Da Vinci PAS-style Bundle.
 * A request's exports are read as the request is: staff their practice's (another practice's is a
 * 404, like none), reviewers and admins all, signed out 401; each export is written to its audit
 * trail, as a document's download is.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { cpPhar580Questionnaire, QUESTIONNAIRE_PATH } from "@/fhir/questionnaire";
import { toQuestionnaireResponse } from "@/fhir/questionnaire-response";
import { toPasBundle } from "@/fhir/pas-bundle";
import { requireUser } from "../auth/sessions";
import type { StoredRequest } from "../db/store";
import { HttpError } from "../parse";
import type { Services } from "../services";

export const FHIR_JSON = "application/fhir+json; charset=utf-8";

const STORED_UNDER_OLDER_SHAPE =
  "This request was stored under an older form of the request document that no longer passes today's checks, so it cannot be exported as FHIR. Ask the practice for more information: its amendment can be exported.";

function sendFhir(reply: FastifyReply, resource: object, fileName?: string): FastifyReply {
  reply.type(FHIR_JSON);
  if (fileName !== undefined) reply.header("content-disposition", `attachment; filename="${fileName}"`);
  return reply.send(`${JSON.stringify(resource, null, 2)}\n`);
}

export function fhirRoutes(app: FastifyInstance, services: Services): void {
  const { store, sessions, now, documents, config } = services;
  // The same value every time: made once.
  const questionnaire = cpPhar580Questionnaire();

  app.get(QUESTIONNAIRE_PATH, (_request, reply) => sendFhir(reply, questionnaire));

  /** The stored request this person may read, or 404 (another practice's too); the export is audited. */
  async function exported(
    request: FastifyRequest<{ Params: { reference: string } }>,
    reply: FastifyReply,
    what: string,
  ): Promise<StoredRequest> {
    const auth = await requireUser(sessions, request, reply, ["staff", "reviewer", "admin"]);
    const scope = { practiceId: auth.user.role === "staff" ? auth.user.practiceId : null };
    const stored = await store.findRequest(request.params.reference.toUpperCase(), scope, now());
    if (stored === undefined) throw new HttpError(404, "No request with that reference");
    if (stored.documentProblems !== undefined) throw new HttpError(422, STORED_UNDER_OLDER_SHAPE);
    await store.recordAudit(stored.id, auth.user.id, "exported as FHIR", `${what}, version ${stored.version}`, now());
    return stored;
  }

  app.get<{ Params: { reference: string } }>(
    "/api/requests/:reference/fhir/questionnaire-response",
    async (request, reply) => {
      const stored = await exported(request, reply, "QuestionnaireResponse");
      const response = toQuestionnaireResponse(stored.document, { id: stored.reference, status: "completed" });
      return sendFhir(reply, response, `${stored.reference}-questionnaire-response.json`);
    },
  );

  app.get<{ Params: { reference: string } }>("/api/requests/:reference/fhir/claim-bundle", async (request, reply) => {
    const stored = await exported(request, reply, "PAS claim Bundle");
    const filed = await documents.rows.requestDocuments(stored.id);
    const bundle = toPasBundle(stored.document, {
      reference: stored.reference,
      expedited: stored.expedited,
      documents: filed.map((doc) => doc.info),
      ...(config.PUBLIC_ORIGIN === undefined ? {} : { origin: config.PUBLIC_ORIGIN.replace(/\/$/, "") }),
    });
    return sendFhir(reply, bundle, `${stored.reference}-claim-bundle.json`);
  });
}
