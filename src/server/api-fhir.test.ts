// @vitest-environment node
/**
 * FHIR out through the real app on a real SQLite file: the public Questionnaire, and a stored
 * request as a QuestionnaireResponse and as a PAS-style Bundle, read as the request is (another
 * practice 404, signed out 401), audited, served as application/fhir+json and valid R4.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fhirErrors } from "../../fixtures/fhir-validator";
import type { DocumentsAnswer } from "@/contract";
import { fromQuestionnaireResponse } from "@/fhir/questionnaire-response";
import { QUESTIONNAIRE_URL } from "@/fhir/questionnaire";
import {
  ADMIN,
  REVIEWER,
  STAFF_A,
  STAFF_B,
  call,
  signIn,
  startServer,
  submission,
  type Session,
  type TestServer,
} from "./test-support";
import { pdf, upload } from "./documents/test-files";

let server: TestServer;
let staff: Session;
let otherStaff: Session;
let reviewer: Session;
let admin: Session;
let reference: string;
let filed: DocumentsAnswer["documents"];
const body = submission(undefined, { expedited: true });

beforeAll(async () => {
  server = await startServer();
  staff = await signIn(server.app, STAFF_A);
  otherStaff = await signIn(server.app, STAFF_B);
  reviewer = await signIn(server.app, REVIEWER);
  admin = await signIn(server.app, ADMIN);
  const { body: multipart, contentType } = upload([{ name: "liver panel.pdf", data: await pdf() }], "liver-panel");
  const uploaded = await call<DocumentsAnswer>(server.app, staff, "POST", "/api/draft/documents", undefined, {
    raw: multipart,
    contentType,
  });
  if (uploaded.status !== 201) throw new Error(`upload gave ${uploaded.status}: ${uploaded.text}`);
  filed = uploaded.body.documents;
  const submitted = await call<{ reference: string }>(server.app, staff, "POST", "/api/requests", body);
  if (submitted.status !== 201) throw new Error(`submit gave ${submitted.status}: ${submitted.text}`);
  reference = submitted.body.reference;
});
afterAll(() => server.close());

const EXPORTS = ["questionnaire-response", "claim-bundle"] as const;
const url = (kind: string, ref = reference) => `/api/requests/${ref}/fhir/${kind}`;
const exportsAudited = () =>
  server.count(
    "audit_events",
    "action = 'exported as FHIR' AND request_id = (SELECT id FROM requests WHERE reference = ?)",
    reference,
  );

describe("GET /fhir/Questionnaire/cp-phar-580", () => {
  it("is public, application/fhir+json, valid R4, with its canonical url", async () => {
    const res = await call<{ resourceType: string; url: string }>(
      server.app,
      undefined,
      "GET",
      "/fhir/Questionnaire/cp-phar-580",
    );
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/fhir+json; charset=utf-8");
    expect(res.body).toMatchObject({ resourceType: "Questionnaire", url: QUESTIONNAIRE_URL });
    expect(fhirErrors(res.body)).toEqual([]);
  });
});

describe("a stored request as FHIR", () => {
  it("the QuestionnaireResponse: the document as filed, completed, as an attachment", async () => {
    for (const who of [staff, reviewer, admin]) {
      const res = await call(server.app, who, "GET", url("questionnaire-response"));
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toBe("application/fhir+json; charset=utf-8");
      expect(res.headers["content-disposition"]).toBe(
        `attachment; filename="${reference}-questionnaire-response.json"`,
      );
      expect(res.headers["cache-control"]).toContain("no-store");
      expect(fhirErrors(res.body as object)).toEqual([]);
      expect(res.body).toMatchObject({ id: reference, status: "completed" });
      expect(fromQuestionnaireResponse(res.body)).toEqual({ ok: true, document: body.document });
    }
  });

  it("the PAS Bundle: expedited, the filed documents as DocumentReferences", async () => {
    const res = await call<{ entry: { resource: Record<string, unknown> }[] }>(
      server.app,
      reviewer,
      "GET",
      url("claim-bundle"),
    );
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/fhir+json; charset=utf-8");
    expect(fhirErrors(res.body)).toEqual([]);
    const [claim] = res.body.entry.map((e) => e.resource);
    expect(claim).toMatchObject({
      use: "preauthorization",
      identifier: [{ value: reference }],
      priority: { coding: [{ code: "stat" }] },
    });
    const references = res.body.entry.map((e) => e.resource).filter((r) => r.resourceType === "DocumentReference");
    expect(references).toHaveLength(1);
    expect(references[0]).toMatchObject({
      content: [
        {
          attachment: {
            url: `/api/documents/${filed[0]?.id}/download`,
            size: filed[0]?.size,
            contentType: "application/pdf",
          },
        },
      ],
    });
  });

  it("each export is audited (never with the member's data)", async () => {
    const before = exportsAudited();
    await call(server.app, reviewer, "GET", url("questionnaire-response"));
    await call(server.app, reviewer, "GET", url("claim-bundle"));
    expect(exportsAudited()).toBe(before + 2);
    const details = JSON.stringify(
      server.db.prepare("SELECT detail FROM audit_events WHERE action = 'exported as FHIR'").all(),
    );
    expect(details).toContain("QuestionnaireResponse, version 1");
    expect(details).toContain("PAS claim Bundle, version 1");
    expect(details).not.toContain(body.document.member?.memberId ?? "?");
  });

  it.each(EXPORTS)("%s: another practice's request is 404 and signed out is 401, neither audited", async (kind) => {
    const before = exportsAudited();
    const other = await call<{ error: string }>(server.app, otherStaff, "GET", url(kind));
    expect(other.status).toBe(404);
    expect(other.body.error).toBe("No request with that reference");
    expect((await call(server.app, otherStaff, "GET", url(kind, "HGX-2099-999999"))).body).toEqual(other.body);
    expect((await call(server.app, undefined, "GET", url(kind))).status).toBe(401);
    expect(exportsAudited()).toBe(before);
  });
});
