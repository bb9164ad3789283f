/**
 * Reading a record's document (src/web/features/record-import/document-bytes.ts) against the real
 * test FHIR server loaded with the eligible patient and its Binary: the inline report decoded, the
 * report kept on the server fetched with the token (the server answers a FHIR Binary), and what
 * cannot be read said so, never fetched elsewhere.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAttachments, testPatients, TEST_LAB_REPORT_PDF, TEST_ULTRASOUND_REPORT_PDF } from "@/fhir";
import { freePort } from "@/server/free-port";
import { decodeBase64, readAttachmentBytes } from "@/web/features/record-import/document-bytes";
import type { Connection } from "@/web/features/record-import/smart-launch";
import { signInToTestServer, startFhirServer, type RunningFhirServer, type Tenant } from "./fhir-server";

const patient = testPatients().eligible;
const resources = (patient.bundle.entry ?? []).flatMap((e) => (e.resource === undefined ? [] : [e.resource]));

let server: RunningFhirServer;
beforeAll(async () => {
  server = await startFhirServer({
    port: await freePort(),
    allowedOrigins: [],
    records: [
      {
        ...patient.bundle,
        entry: [...(patient.bundle.entry ?? []), ...patient.serverOnly.map((resource) => ({ resource }))],
      },
    ],
  });
});
afterAll(() => server.close());

async function connect(tenant: Tenant = "fhir"): Promise<Connection> {
  const token = await signInToTestServer(server, patient.patientId, tenant);
  return { serverUrl: server.base(tenant), patientId: patient.patientId, authorization: `Bearer ${token}` };
}

const documents = (base: string) => {
  const [ultrasound, lab] = recordAttachments(resources, { serverBase: base });
  if (ultrasound === undefined || lab === undefined) throw new Error("the eligible patient has two documents");
  return { ultrasound, lab };
};

describe("reading a record's document", () => {
  it("inline: the bytes decoded, no connection needed", async () => {
    const { ultrasound } = documents(server.base());
    expect(await readAttachmentBytes(ultrasound, undefined)).toEqual({
      ok: true,
      bytes: decodeBase64(TEST_ULTRASOUND_REPORT_PDF),
    });
  });

  it("on the server: fetched with the token, the same bytes as the Binary's", async () => {
    const { lab } = documents(server.base());
    const read = await readAttachmentBytes(lab, await connect());
    expect(read).toEqual({ ok: true, bytes: decodeBase64(TEST_LAB_REPORT_PDF) });
    if (read.ok) expect(new TextDecoder().decode(read.bytes.slice(0, 5))).toBe("%PDF-");
  });

  it("a refusal, or no connection, is said, with nothing read", async () => {
    const refusing = documents(server.base("refusing")).lab;
    expect(await readAttachmentBytes(refusing, await connect("refusing"))).toEqual({
      ok: false,
      message: "The EHR's server refused to send it (403).",
    });
    expect(await readAttachmentBytes(documents(server.base()).lab, undefined)).toEqual({
      ok: false,
      message: "It is kept on the EHR's server, and this page is no longer connected to it.",
    });
  });

  it("a document on another server than the connection's is not fetched with its token", async () => {
    const elsewhere = documents("https://other.example/fhir").lab;
    expect(await readAttachmentBytes(elsewhere, await connect())).toMatchObject({ ok: false });
  });

  it("decodeBase64 refuses what is not base64", () => {
    expect(decodeBase64("%%%")).toBeUndefined();
    expect(Array.from(decodeBase64("AAEC") ?? [])).toEqual([0, 1, 2]);
  });
});
