// @vitest-environment node
/**
 * The request keeps the provenance (#12): the answers filled from the patient's record and not
 * edited are sent with the submit (and an amendment), checked against the document, stored with
 * the version and returned on the request, to whoever may read the request and nobody else.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProvenanceEntry, RequestDetail } from "@/contract";
import {
  REVIEWER,
  STAFF_A,
  STAFF_B,
  call,
  signIn,
  submission,
  startServer,
  type Session,
  type TestServer,
} from "./test-support";

let server: TestServer;
let staff: Session;
let other: Session;
let reviewer: Session;

beforeAll(async () => {
  server = await startServer();
  staff = await signIn(server.app, STAFF_A);
  other = await signIn(server.app, STAFF_B);
  reviewer = await signIn(server.app, REVIEWER);
});
afterAll(() => server.close());

const ALT: ProvenanceEntry = {
  path: "liver.enzymes.alt.value",
  display: "30 U/L",
  source: { reference: "Observation/alt-1", date: "2026-10-20", display: "ALT 30 U/L, 20 Oct 2026" },
};
const BIRTH: ProvenanceEntry = {
  path: "member.dateOfBirth",
  display: "3 Mar 1985",
  source: { reference: "Patient/p-1", display: "Patient" },
};

async function detail(who: Session, reference: string): Promise<RequestDetail> {
  const res = await call<RequestDetail>(server.app, who, "GET", `/api/requests/${reference}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

describe("the provenance of a submitted request", () => {
  it("is stored with the version and returned on the request to the practice and the reviewer", async () => {
    const res = await call<{ reference: string }>(server.app, staff, "POST", "/api/requests", {
      ...submission(),
      provenance: [ALT, BIRTH],
    });
    expect(res.status, res.text).toBe(201);
    for (const who of [staff, reviewer]) {
      const read = await detail(who, res.body.reference);
      expect(read.versions.map((v) => v.provenance)).toEqual([[ALT, BIRTH]]);
    }
  });

  it("is absent when none is sent, or an empty list", async () => {
    for (const provenance of [undefined, []]) {
      const res = await call<{ reference: string }>(server.app, staff, "POST", "/api/requests", {
        ...submission(),
        ...(provenance !== undefined && { provenance }),
      });
      expect(res.status, res.text).toBe(201);
      const [version] = (await detail(staff, res.body.reference)).versions;
      expect(version).not.toHaveProperty("provenance");
    }
  });

  it("naming an answer not in the document is a 400 naming the entry, and nothing is filed", async () => {
    const body = submission((doc) => {
      delete doc.liver?.enzymes?.alt;
    });
    const before = server.fingerprint();
    const res = await call<{ errors: { path: string; message: string }[] }>(
      server.app,
      staff,
      "POST",
      "/api/requests",
      {
        ...body,
        provenance: [BIRTH, ALT],
      },
    );
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        path: "provenance.1.path",
        message: "provenance.1.path must name an answer in the document; liver.enzymes.alt.value has none",
      },
    ]);
    expect(server.fingerprint()).toBe(before);
  });

  it("refuses a malformed entry naming its field (path spelling, reference, date, size), and files nothing", async () => {
    const before = server.fingerprint();
    const cases: [unknown, string, string][] = [
      [
        [{ ...ALT, path: "liver/enzymes" }],
        "provenance.0.path",
        'provenance.0.path must be a request-document path in the spec\'s spelling ("liver.enzymes.alt.value", "bleeds.0.date")',
      ],
      [
        [{ ...ALT, source: { ...ALT.source, reference: "https://ehr.test/Observation/1" } }],
        "provenance.0.source.reference",
        'provenance.0.source.reference must be a FHIR reference "Type/id" ("Observation/abc")',
      ],
      [
        [{ ...ALT, source: { ...ALT.source, date: "20 Oct 2026" } }],
        "provenance.0.source.date",
        "provenance.0.source.date must be a date YYYY-MM-DD",
      ],
      [[{ ...ALT, display: "x".repeat(1001) }], "provenance.0.display", "at most 1000 characters"],
      [Array.from({ length: 201 }, () => BIRTH), "provenance", "at most 200 items"],
      [[BIRTH, BIRTH], "provenance.1.path", "one entry per answer"],
    ];
    for (const [provenance, path, says] of cases) {
      const res = await call<{ errors: { path: string; message: string }[] }>(
        server.app,
        staff,
        "POST",
        "/api/requests",
        { ...submission(), provenance },
      );
      expect(res.status, path).toBe(400);
      expect(res.body.errors.map((e) => e.path)).toEqual([path]);
      expect(res.body.errors[0]?.message).toContain(says);
      // What was sent is never echoed back (the provenance is the patient's data).
      expect(res.text).not.toContain("20 Oct 2026");
    }
    expect(server.fingerprint()).toBe(before);
  });

  it("is kept per version: an amendment states its own", async () => {
    const filed = await call<{ reference: string }>(server.app, staff, "POST", "/api/requests", {
      ...submission(),
      provenance: [ALT, BIRTH],
    });
    const reference = filed.body.reference;
    const asked = await call(server.app, reviewer, "POST", `/api/requests/${reference}/decision`, {
      kind: "request_info",
      message: "The liver panel, please.",
      expectedRowVersion: 1,
    });
    expect(asked.status, asked.text).toBe(200);
    const { document, rowVersion } = await detail(staff, reference);
    // A path the amended document lacks is refused as on submit; nothing changes.
    const before = server.fingerprint();
    const wrong = await call<{ errors: { path: string }[] }>(
      server.app,
      staff,
      "POST",
      `/api/requests/${reference}/versions`,
      {
        document: { ...document, aav5: undefined },
        expectedRowVersion: rowVersion,
        provenance: [{ ...BIRTH, path: "aav5.result" }],
      },
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e) => e.path)).toEqual(["provenance.0.path"]);
    expect(server.fingerprint()).toBe(before);
    const amended = await call(server.app, staff, "POST", `/api/requests/${reference}/versions`, {
      document,
      expectedRowVersion: rowVersion,
      provenance: [BIRTH],
    });
    expect(amended.status, amended.text).toBe(200);
    expect((await detail(reviewer, reference)).versions.map((v) => v.provenance)).toEqual([[ALT, BIRTH], [BIRTH]]);
  });

  it("is not shown to another practice: its request is a 404", async () => {
    const filed = await call<{ reference: string }>(server.app, staff, "POST", "/api/requests", {
      ...submission(),
      provenance: [ALT],
    });
    const res = await call(server.app, other, "GET", `/api/requests/${filed.body.reference}`);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain("Observation/alt-1");
  });
});
