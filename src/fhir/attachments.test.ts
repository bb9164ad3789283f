import type { DocumentReference, Resource } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { acceptedMediaType, locateBytes, recordAttachments, testPatients, TEST_ULTRASOUND_REPORT_PDF } from "@/fhir";

const BASE = "https://ehr.example.org/fhir";

const doc = (id: string, change: Partial<DocumentReference> = {}): DocumentReference => ({
  resourceType: "DocumentReference",
  id,
  status: "current",
  subject: { reference: "Patient/p" },
  content: [{ attachment: { contentType: "application/pdf", data: "JVBERi0=" } }],
  ...change,
});

const eligibleResources = (): Resource[] =>
  (testPatients().eligible.bundle.entry ?? []).flatMap((e) => (e.resource === undefined ? [] : [e.resource]));

describe("recordAttachments", () => {
  it("the eligible patient's two reports, from the server: inline ultrasound (suggested), lab report on the server", () => {
    const [ultrasound, lab, ...rest] = recordAttachments(eligibleResources(), { serverBase: BASE });
    expect(rest).toEqual([]);
    expect(ultrasound).toEqual({
      key: "DocumentReference/eligible-ultrasound-report#0",
      reference: "DocumentReference/eligible-ultrasound-report",
      title: "Liver ultrasound report",
      date: "2026-10-21",
      loincType: { code: "18748-4", display: "Diagnostic imaging study" },
      contentType: "application/pdf",
      size: 635,
      mediaType: "application/pdf",
      bytes: { kind: "inline", data: TEST_ULTRASOUND_REPORT_PDF },
      fileName: "Liver ultrasound report.pdf",
      suggestedItem: "liver-ultrasound",
    });
    expect(lab).toMatchObject({
      reference: "DocumentReference/eligible-lab-report",
      title: "Liver panel lab report",
      date: "2026-10-20",
      loincType: { code: "11502-2" },
      bytes: { kind: "server", url: `${BASE}/Binary/eligible-lab-report-pdf` },
    });
    // A generic "Laboratory report" names no checklist item: the person chooses.
    expect(lab?.suggestedItem).toBeUndefined();
    expect(lab?.notAccepted).toBeUndefined();
  });

  it("from a Bundle file, a document kept on the server is listed as out of reach, the inline one is not", () => {
    const [ultrasound, lab] = recordAttachments(eligibleResources());
    expect(ultrasound?.notAccepted).toBeUndefined();
    expect(lab?.bytes.kind).toBe("unreachable");
    expect(lab?.notAccepted).toMatch(/a file can only carry a document inside it/);
  });

  it("only PDF, PNG, JPEG and TIFF are offered; other types are listed as not accepted", () => {
    const list = recordAttachments([
      doc("text", {
        content: [{ attachment: { contentType: "text/plain", data: "aGVsbG8=", title: "Consult note" } }],
      }),
      doc("jpg", { content: [{ attachment: { contentType: "image/jpg", data: "/9j/" } }] }),
    ]);
    expect(list.map((a) => [a.reference, a.mediaType, a.notAccepted])).toEqual([
      ["DocumentReference/text", undefined, "its type (text/plain) is not accepted: PDF, PNG, JPEG, TIFF only"],
      ["DocumentReference/jpg", "image/jpeg", undefined],
    ]);
    expect(list[1]?.fileName).toBe("DocumentReference-jpg.jpg");
  });

  it("each attachment of a document is its own entry; entered-in-error documents are left out", () => {
    const two = doc("two", {
      content: [
        { attachment: { contentType: "application/pdf", data: "JVBERi0=", title: "Page 1" } },
        { attachment: { contentType: "image/png", url: "Binary/b2", title: "Scan" } },
      ],
    });
    const list = recordAttachments([two, doc("wrong", { status: "entered-in-error" })], { serverBase: BASE });
    expect(list.map((a) => a.key)).toEqual(["DocumentReference/two#0", "DocumentReference/two#1"]);
    expect(list[1]?.fileName).toBe("Scan.png");
  });

  it("newest first, undated last", () => {
    const list = recordAttachments([
      doc("undated"),
      doc("old", { date: "2025-01-02" }),
      doc("new", { date: "2026-03-04T10:00:00Z" }),
    ]);
    expect(list.map((a) => a.reference)).toEqual([
      "DocumentReference/new",
      "DocumentReference/old",
      "DocumentReference/undated",
    ]);
  });

  it("suggests an item only when one liver study's procedure code is there (type or context.event)", () => {
    const cpt = "http://www.ama-assn.org/go/cpt";
    const list = recordAttachments([
      doc("elasto", { type: { coding: [{ system: cpt, code: "76981" }] } }),
      doc("both", {
        context: {
          event: [
            {
              coding: [
                { system: cpt, code: "76705" },
                { system: cpt, code: "76981" },
              ],
            },
          ],
        },
      }),
      doc("imaging", { type: { coding: [{ system: "http://loinc.org", code: "18748-4" }] } }),
    ]);
    expect(list.map((a) => a.suggestedItem)).toEqual(["liver-elastography", undefined, undefined]);
  });
});

describe("locateBytes", () => {
  it("resolves a relative Binary address against the base, and an absolute one on the same server", () => {
    expect(locateBytes({ url: "Binary/x" }, BASE)).toEqual({ kind: "server", url: `${BASE}/Binary/x` });
    expect(locateBytes({ url: `${BASE}/Binary/y` }, `${BASE}/`)).toEqual({ kind: "server", url: `${BASE}/Binary/y` });
  });

  it("never sends the token elsewhere: another server, or a look-alike prefix, is out of reach", () => {
    expect(locateBytes({ url: "https://other.example/Binary/x" }, BASE).kind).toBe("unreachable");
    expect(locateBytes({ url: "https://ehr.example.org/fhir-other/Binary/x" }, BASE).kind).toBe("unreachable");
    expect(locateBytes({}, BASE)).toEqual({
      kind: "unreachable",
      reason: "the record holds neither the document nor its address",
    });
  });

  it("inline data wins over an address", () => {
    expect(locateBytes({ data: "AAAA", url: "Binary/x" }, BASE)).toEqual({ kind: "inline", data: "AAAA" });
  });
});

describe("acceptedMediaType", () => {
  it("reads the bare type, case-insensitively, and image/jpg as JPEG", () => {
    expect(acceptedMediaType("Application/PDF; charset=binary")).toBe("application/pdf");
    expect(acceptedMediaType("image/jpg")).toBe("image/jpeg");
    expect(acceptedMediaType("image/tiff")).toBe("image/tiff");
    expect(acceptedMediaType("image/gif")).toBeUndefined();
    expect(acceptedMediaType(undefined)).toBeUndefined();
  });
});
