// @vitest-environment node
/**
 * Supporting documents through the real app on a real SQLite file and real files (#11): upload,
 * list, view, download and remove before submission; every refusal, with its message, storing
 * nothing; who may read what; the audit trail; filing at submit and amend, version by version.
 */
import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentInfo, DocumentsAnswer, DocumentsRefusal, RequestDocumentsAnswer } from "@/contract";
import {
  ADMIN,
  REVIEWER,
  STAFF_A,
  STAFF_B,
  call,
  rowVersionOf,
  signIn,
  startServer,
  submission,
  type Session,
  type TestServer,
} from "./test-support";
import { EXE, JPEG, PNG, encryptedPdf, pdf, tiff, truncatedPdf, upload } from "./documents/test-files";

let server: TestServer;
let staff: Session;
let otherStaff: Session;
let reviewer: Session;
let admin: Session;

beforeAll(async () => {
  server = await startServer();
  staff = await signIn(server.app, STAFF_A);
  otherStaff = await signIn(server.app, STAFF_B);
  reviewer = await signIn(server.app, REVIEWER);
  admin = await signIn(server.app, ADMIN);
});
afterAll(() => server.close());

const sha = (data: Buffer): string => createHash("sha256").update(data).digest("hex");

async function uploadAs(
  who: Session | undefined,
  files: { name: string; data: Buffer; type?: string }[],
  options: { items?: string; amends?: string } = {},
) {
  const { body, contentType } = upload(files, options.items);
  const url = `/api/draft/documents${options.amends === undefined ? "" : `?amends=${options.amends}`}`;
  return call<DocumentsAnswer & DocumentsRefusal>(server.app, who, "POST", url, undefined, { raw: body, contentType });
}

const documentsDir = () => `${server.file}-documents`;
const storedFiles = (): string[] => readdirSync(join(documentsDir(), "objects"));
const spooled = (): string[] => readdirSync(join(documentsDir(), "spool"));
const rows = (where = "1 = 1"): number =>
  Number(server.db.prepare(`SELECT COUNT(*) AS n FROM documents WHERE ${where}`).get()?.n);

async function discard(who: Session): Promise<void> {
  expect((await call(server.app, who, "DELETE", "/api/draft")).status).toBe(204);
}

describe("uploading to the draft", () => {
  it("stores PDF, PNG, JPEG and TIFF by content, lists, serves and removes them", async () => {
    await discard(staff);
    const report = await pdf({ pages: 3 });
    const scan = tiff();
    const res = await uploadAs(
      staff,
      [
        { name: "Factor IX report.pdf", data: report },
        { name: "photo.png", data: PNG, type: "image/png" },
        // The browser's type and the name say nothing: this JPEG is announced as a PDF.
        { name: "liver.pdf", data: JPEG },
        { name: "fax.tif", data: scan, type: "image/tiff" },
      ],
      { items: "diagnosis-factor-ix, liver-panel" },
    );
    expect(res.status, res.text).toBe(201);
    const [a, b, c, d] = res.body.documents as [DocumentInfo, DocumentInfo, DocumentInfo, DocumentInfo];
    expect(a).toMatchObject({
      fileName: "Factor IX report.pdf",
      mediaType: "application/pdf",
      viewType: "application/pdf",
      pages: 3,
      size: report.length,
      sha256: sha(report),
      items: ["diagnosis-factor-ix", "liver-panel"],
      state: "draft",
      amends: null,
      version: null,
    });
    expect(b).toMatchObject({ mediaType: "image/png", pages: 1 });
    expect(c).toMatchObject({ fileName: "liver.pdf", mediaType: "image/jpeg" });
    expect(d).toMatchObject({ mediaType: "image/tiff", viewType: "application/pdf", pages: 1, sha256: sha(scan) });
    // Every original, and the TIFF's rendering; nothing left in the spool.
    expect(storedFiles()).toHaveLength(5);
    expect(spooled()).toEqual([]);

    const listed = await call<DocumentsAnswer>(server.app, staff, "GET", "/api/draft/documents");
    expect(listed.body.documents.map((doc) => doc.id)).toEqual([a.id, b.id, c.id, d.id]);

    const download = await server.app.inject({
      url: `/api/documents/${a.id}/download`,
      headers: { cookie: staff.cookie },
    });
    expect(download.statusCode).toBe(200);
    expect(sha(download.rawPayload)).toBe(sha(report));
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["content-disposition"]).toBe(
      `attachment; filename="Factor IX report.pdf"; filename*=UTF-8''Factor%20IX%20report.pdf`,
    );
    expect(download.headers["x-content-type-options"]).toBe("nosniff");
    expect(download.headers["content-security-policy"]).toContain("sandbox");
    expect(download.headers["cache-control"]).toBe("no-store");

    const view = await server.app.inject({ url: `/api/documents/${c.id}/view`, headers: { cookie: staff.cookie } });
    expect(view.headers["content-type"]).toBe("image/jpeg");
    expect(view.headers["content-disposition"]).toMatch(/^inline; /);
    expect(view.headers["content-security-policy"]).toContain("sandbox");
    expect(view.rawPayload.equals(JPEG)).toBe(true);

    // The TIFF is viewed as a PDF made at upload, and downloaded as it was sent.
    const tiffView = await server.app.inject({ url: `/api/documents/${d.id}/view`, headers: { cookie: staff.cookie } });
    expect(tiffView.headers["content-type"]).toBe("application/pdf");
    expect(tiffView.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(tiffView.headers["content-disposition"]).toContain('filename="fax.tif.pdf"');
    const tiffDownload = await server.app.inject({
      url: `/api/documents/${d.id}/download`,
      headers: { cookie: staff.cookie },
    });
    expect(tiffDownload.headers["content-type"]).toBe("image/tiff");
    expect(sha(tiffDownload.rawPayload)).toBe(sha(scan));

    const changed = await call<DocumentInfo>(server.app, staff, "PATCH", `/api/draft/documents/${b.id}`, {
      items: ["bleed-records"],
    });
    expect(changed.body.items).toEqual(["bleed-records"]);

    // Removing the TIFF removes its rendering too.
    expect((await call(server.app, staff, "DELETE", `/api/draft/documents/${d.id}`)).status).toBe(204);
    expect(storedFiles()).toHaveLength(3);
    expect((await call(server.app, staff, "GET", `/api/documents/${d.id}/view`)).status).toBe(404);

    // Discarding the draft ends its documents, bytes and all.
    await discard(staff);
    expect(rows()).toBe(0);
    expect(storedFiles()).toEqual([]);
  });

  it("keeps a file name as text: a path is cut to its last part, control characters go, the header encodes the rest", async () => {
    await discard(staff);
    const res = await uploadAs(staff, [{ name: "C:\\scans\\..\\Zoë Ann 100%;\u0007.pdf", data: await pdf() }]);
    expect(res.status, res.text).toBe(201);
    const doc = res.body.documents[0] as DocumentInfo;
    expect(doc.fileName).toBe("Zoë Ann 100%;.pdf");
    const download = await server.app.inject({
      url: `/api/documents/${doc.id}/download`,
      headers: { cookie: staff.cookie },
    });
    expect(download.headers["content-disposition"]).toBe(
      `attachment; filename="Zo_ Ann 100__.pdf"; filename*=UTF-8''Zo%C3%AB%20Ann%20100%25%3B.pdf`,
    );
    await discard(staff);
  });

  it("offers a file under the extension of the type recognised in it, whatever name it came with", async () => {
    await discard(staff);
    const res = await uploadAs(staff, [
      { name: "page.html", data: PNG },
      { name: "scan\u200b.JPEG", data: JPEG },
      { name: "report", data: await pdf() },
    ]);
    expect(res.status, res.text).toBe(201);
    const names: string[] = [];
    for (const doc of res.body.documents) {
      const download = await server.app.inject({
        url: `/api/documents/${doc.id}/download`,
        headers: { cookie: staff.cookie },
      });
      names.push(/filename="([^"]*)"/.exec(download.headers["content-disposition"] ?? "")?.[1] ?? "");
    }
    // A PNG named .html is saved as a PNG; a JPEG keeps its own extension (the zero-width space gone).
    expect(names.sort()).toEqual(["page.html.png", "report.pdf", "scan.JPEG"]);
    // The bytes are the server user's alone: folders 0700, files 0600.
    const objects = join(documentsDir(), "objects");
    expect(statSync(objects).mode & 0o777).toBe(0o700);
    expect(statSync(join(documentsDir(), "spool")).mode & 0o777).toBe(0o700);
    for (const file of storedFiles()) expect(statSync(join(objects, file)).mode & 0o777).toBe(0o600);
    await discard(staff);
  });
});

describe("refusals: a message naming the file and what is accepted; nothing stored", () => {
  async function refused(
    files: { name: string; data: Buffer; type?: string }[],
    status: number,
    message: RegExp,
    options: { items?: string; amends?: string } = {},
  ) {
    const before = { rows: rows(), files: storedFiles().length };
    const res = await uploadAs(staff, files, options);
    expect(res.status, res.text).toBe(status);
    expect(res.body.error).toMatch(message);
    expect(rows()).toBe(before.rows);
    expect(storedFiles()).toHaveLength(before.files);
    expect(spooled()).toEqual([]);
    return res.body;
  }

  beforeAll(() => discard(staff));

  it("another type, whatever its name: an .exe renamed .pdf", async () => {
    const body = await refused(
      [{ name: "labs.pdf", data: EXE }],
      415,
      /“labs\.pdf” is not a PDF, PNG, JPEG or TIFF file/,
    );
    expect(body.error).toContain("Attach PDF, PNG, JPEG or TIFF files of up to 25 MB");
    expect(body.refused).toEqual([{ fileName: "labs.pdf", message: body.error }]);
  });

  it("an empty file", async () => {
    await refused(
      [{ name: "blank.pdf", data: Buffer.alloc(0) }],
      422,
      /“blank\.pdf” is empty\. Attach PDF, PNG, JPEG or TIFF/,
    );
  });

  it("a file over 25 MB", async () => {
    await refused(
      [{ name: "huge.pdf", data: Buffer.alloc(25 * 1024 * 1024 + 1, 1) }],
      413,
      /“huge\.pdf” is larger than 25 MB\. Attach PDF, PNG, JPEG or TIFF/,
    );
  });

  it("a password-protected PDF", async () => {
    await refused(
      [{ name: "locked.pdf", data: await encryptedPdf() }],
      422,
      /“locked\.pdf” is protected by a password/,
    );
  });

  it("a damaged PDF: cut off, or not a PDF inside", async () => {
    await refused([{ name: "half.pdf", data: await truncatedPdf() }], 422, /“half\.pdf” is a damaged PDF/);
    await refused(
      [{ name: "junk.pdf", data: Buffer.from("%PDF-1.7\n1 0 obj garbage\n%%EOF\n") }],
      422,
      /“junk\.pdf” is a damaged PDF/,
    );
  });

  it("the same file twice: in one upload, or already attached", async () => {
    const report = await pdf();
    await refused(
      [
        { name: "first.pdf", data: report },
        { name: "again.pdf", data: report },
      ],
      422,
      /“again\.pdf” is the same file as “first\.pdf” in this upload/,
    );
    expect((await uploadAs(staff, [{ name: "first.pdf", data: report }])).status).toBe(201);
    await refused(
      [{ name: "copy.pdf", data: report }],
      409,
      /“copy\.pdf” is the same file as “first\.pdf”, already attached/,
    );
    await discard(staff);
  });

  it("more than 40 files", { timeout: 60_000 }, async () => {
    const files = await Promise.all(
      Array.from({ length: 41 }, async (_, i) => ({ name: `p${i}.pdf`, data: await pdf() })),
    );
    await refused(files, 413, /“p40\.pdf” is more than 40 files in one upload; a request carries at most 40/);
    // 40 at once are taken; one more later is not.
    const forty = await uploadAs(staff, files.slice(0, 40));
    expect(forty.status, forty.text).toBe(201);
    await refused(
      [files[40] as { name: string; data: Buffer }],
      413,
      /would make 41 documents on this request; a request carries at most 40/,
    );
    await discard(staff);
  });

  it("more than 150 MB in one upload, or on one request", { timeout: 240_000 }, async () => {
    const big = (i: number) => ({ name: `big${i}.png`, data: Buffer.concat([PNG, Buffer.alloc(24 * 1024 * 1024, i)]) });
    // Announced as more than an upload can hold: refused before a byte is read.
    await refused(
      Array.from({ length: 7 }, (_, i) => big(i)),
      413,
      /An upload holds at most 150 MB of files\. Attach PDF, PNG, JPEG or TIFF/,
    );
    // Past 150 MB while it arrives: refused at the file that passes it.
    const seven = { name: "big6.png", data: Buffer.concat([PNG, Buffer.alloc(7 * 1024 * 1024, 6)]) };
    await refused(
      [...Array.from({ length: 6 }, (_, i) => big(i)), seven],
      413,
      /“big6\.png” would bring this upload over 150 MB in all/,
    );
    for (let i = 0; i < 6; i += 1) expect((await uploadAs(staff, [big(i)])).status).toBe(201);
    await refused([seven], 413, /“big6\.png” would bring this request's documents over 150 MB in all/);
    await discard(staff);
  });

  it("a malformed upload: no items, no file, unknown parts, not multipart", async () => {
    const report = await pdf();
    const noItems = await call<DocumentsRefusal>(server.app, staff, "POST", "/api/draft/documents", undefined, {
      ...(() => {
        const { body, contentType } = upload([{ name: "a.pdf", data: report }], "");
        return { raw: body, contentType };
      })(),
    });
    expect(noItems.status).toBe(400);
    const json = await call(server.app, staff, "POST", "/api/draft/documents", { file: "x" });
    expect(json.status).toBe(415);
    const badItems = await uploadAs(staff, [{ name: "a.pdf", data: report }], { items: "../../etc/passwd" });
    expect(badItems.status).toBe(400);
    expect(rows()).toBe(0);
    expect(spooled()).toEqual([]);
  });

  it("an item no checklist holds (made up, or a report past the 500th assay): 400 naming items, on upload and on change", async () => {
    await discard(staff);
    const report = await pdf();
    for (const items of ["weird-item", "liver-panel,x-y-z", "inhibitor-assay-501"]) {
      const refused = await uploadAs(staff, [{ name: "a.pdf", data: report }], { items });
      expect(refused.status, items).toBe(400);
      const error = (refused.body as { errors?: { path: string; message: string }[] }).errors?.[0];
      expect(error?.path).toBe("items");
      expect(error?.message).toMatch(/checklist items by id .*comma-separated$/);
    }
    expect(rows()).toBe(0);
    const stored = await uploadAs(staff, [{ name: "a.pdf", data: report }], { items: "inhibitor-assay-500" });
    expect(stored.status).toBe(201);
    const id = stored.body.documents[0]?.id ?? "";
    for (const items of [["weird-item"], [], "liver-panel"]) {
      const changed = await call(server.app, staff, "PATCH", `/api/draft/documents/${id}`, { items });
      expect(changed.status, JSON.stringify(items)).toBe(400);
      const error = (changed.body as { errors?: { path: string; message: string }[] }).errors?.[0];
      expect(error?.path).toBe("items");
      expect(error?.message).toMatch(/checklist items by id .*as a JSON list$/);
    }
    expect(stored.body.documents[0]?.items).toEqual(["inhibitor-assay-500"]);
    await discard(staff);
  });
});

describe("who may read a document", () => {
  let draftDoc: DocumentInfo;
  let filedDoc: DocumentInfo;
  let reference: string;

  beforeAll(async () => {
    await discard(staff);
    const first = await uploadAs(staff, [{ name: "filed.pdf", data: await pdf() }]);
    filedDoc = first.body.documents[0] as DocumentInfo;
    const filed = await call<{ reference: string }>(server.app, staff, "POST", "/api/requests", submission());
    expect(filed.status).toBe(201);
    reference = filed.body.reference;
    const second = await uploadAs(staff, [{ name: "draft.pdf", data: await pdf() }]);
    draftDoc = second.body.documents[0] as DocumentInfo;
  });

  const status = async (who: Session | undefined, id: string, how: "view" | "download") =>
    (await call(server.app, who, "GET", `/api/documents/${id}/${how}`)).status;

  it("signed out: 401 for every document address", async () => {
    for (const id of [draftDoc.id, filedDoc.id, "AAAAAAAAAAAAAAAAAAAAAA"])
      for (const how of ["view", "download"] as const) expect(await status(undefined, id, how)).toBe(401);
    expect((await call(server.app, undefined, "GET", `/api/requests/${reference}/documents`)).status).toBe(401);
    expect((await uploadAs(undefined, [{ name: "x.pdf", data: await pdf() }])).status).toBe(401);
  });

  it("another practice: 404, as for one that does not exist", async () => {
    for (const id of [draftDoc.id, filedDoc.id, "AAAAAAAAAAAAAAAAAAAAAA"])
      for (const how of ["view", "download"] as const) expect(await status(otherStaff, id, how)).toBe(404);
    expect((await call(server.app, otherStaff, "GET", `/api/requests/${reference}/documents`)).status).toBe(404);
    expect((await call(server.app, otherStaff, "DELETE", `/api/draft/documents/${draftDoc.id}`)).status).toBe(404);
    expect(
      (await call(server.app, otherStaff, "PATCH", `/api/draft/documents/${draftDoc.id}`, { items: ["liver-panel"] }))
        .status,
    ).toBe(404);
  });

  it("reviewers and admins read submitted documents, never a staff member's draft", async () => {
    for (const who of [reviewer, admin]) {
      expect(await status(who, filedDoc.id, "view")).toBe(200);
      expect(await status(who, filedDoc.id, "download")).toBe(200);
      expect(await status(who, draftDoc.id, "view")).toBe(404);
    }
    expect(await status(staff, filedDoc.id, "download")).toBe(200);
    expect(await status(staff, draftDoc.id, "download")).toBe(200);
    const list = await call<RequestDocumentsAnswer>(
      server.app,
      reviewer,
      "GET",
      `/api/requests/${reference}/documents`,
    );
    expect(list.body.documents.map((d) => d.id)).toEqual([filedDoc.id]);
  });

  it("audits every view and download of a submitted document, naming the document, never its file name", async () => {
    const audit = () =>
      server.db
        .prepare(
          "SELECT a.action, a.detail, a.user_id FROM audit_events a JOIN requests r ON r.id = a.request_id WHERE r.reference = ? AND a.action LIKE '% document' ORDER BY a.id",
        )
        .all(reference);
    const before = audit().length;
    await status(reviewer, filedDoc.id, "view");
    await status(reviewer, filedDoc.id, "download");
    const after = audit().slice(before);
    expect(after).toEqual([
      { action: "viewed document", detail: `document ${filedDoc.id}`, user_id: reviewer.user.id },
      { action: "downloaded document", detail: `document ${filedDoc.id}`, user_id: reviewer.user.id },
    ]);
    // Listing a request's documents is audited too, once a minute per person.
    await call(server.app, reviewer, "GET", `/api/requests/${reference}/documents`);
    await call(server.app, reviewer, "GET", `/api/requests/${reference}/documents`);
    const listings = server.db
      .prepare(
        "SELECT COUNT(*) AS n FROM audit_events a JOIN requests r ON r.id = a.request_id WHERE r.reference = ? AND a.action = 'listed documents' AND a.user_id = ?",
      )
      .get(reference, reviewer.user.id);
    expect(Number(listings?.n)).toBe(1);
    const all = JSON.stringify(server.db.prepare("SELECT * FROM audit_events").all());
    expect(all).not.toContain("filed.pdf");
  });
});

describe("work follows the practice", () => {
  it("moving a staff member to another practice ends their draft documents, bytes and all", async () => {
    await discard(staff);
    const up = await uploadAs(staff, [{ name: "moving.pdf", data: await pdf() }]);
    expect(up.status).toBe(201);
    const account = await server.store.findAccount(staff.user.id);
    const other = (await server.store.listPractices()).find((p) => p.id !== staff.user.practiceId);
    if (account === undefined || other === undefined) throw new Error("demo data");
    const by = { adminId: admin.user.id, now: new Date() };
    const effects = { endSessions: false, keepSession: null, detail: "moved" };
    await server.store.updateUser(account.id, account.rowVersion, { practiceId: other.id }, effects, by);
    expect(rows("draft_user_id IS NOT NULL")).toBe(0);
    await server.services.documents.reap();
    expect(storedFiles()).toHaveLength(rows());
    const back = await server.store.findAccount(staff.user.id);
    if (back === undefined) throw new Error("gone");
    await server.store.updateUser(back.id, back.rowVersion, { practiceId: account.practiceId }, effects, by);
  });
});

describe("submission and amendment", () => {
  it("files the draft's documents with the request in its transaction; filed ones cannot be removed or changed", async () => {
    await discard(staff);
    const up = await uploadAs(staff, [
      { name: "a.pdf", data: await pdf() },
      { name: "b.png", data: PNG, type: "image/png" },
    ]);
    const ids = up.body.documents.map((d) => d.id);
    const filed = await call<{ reference: string }>(server.app, staff, "POST", "/api/requests", submission());
    expect(filed.status).toBe(201);
    const { reference } = filed.body;
    expect((await call<DocumentsAnswer>(server.app, staff, "GET", "/api/draft/documents")).body.documents).toEqual([]);
    const list = await call<RequestDocumentsAnswer>(server.app, staff, "GET", `/api/requests/${reference}/documents`);
    expect(list.body.documents.map((d) => [d.id, d.state, d.version])).toEqual(ids.map((id) => [id, "filed", 1]));
    expect(list.body.versions).toEqual([{ version: 1, documents: ids }]);
    // The checklist says what each document supports and which required items have none.
    const diagnosis = list.body.checklist.find((item) => item.id === "diagnosis-factor-ix");
    expect(diagnosis).toMatchObject({ required: true, criteria: ["I.A.1", "I.A.4"], documents: ids });
    expect(list.body.missing).toContain("liver-panel");
    expect(list.body.missing).not.toContain("diagnosis-factor-ix");
    for (const id of ids) {
      expect((await call(server.app, staff, "DELETE", `/api/draft/documents/${id}`)).status).toBe(409);
      expect(
        (await call(server.app, staff, "PATCH", `/api/draft/documents/${id}`, { items: ["liver-panel"] })).status,
      ).toBe(409);
    }
    // Not even the database lets one go.
    const writer = new DatabaseSync(server.file);
    expect(() => writer.exec("DELETE FROM documents WHERE request_id IS NOT NULL")).toThrow(/a filed document is kept/);
    expect(() => writer.exec("UPDATE documents SET items = '[]' WHERE request_id IS NOT NULL")).toThrow(/not changed/);
    writer.close();
    // Discarding a later draft leaves the filed documents alone.
    await discard(staff);
    expect(rows("request_id IS NOT NULL")).toBeGreaterThanOrEqual(2);
  });

  it("an amendment keeps the earlier documents and adds its own; each version says what it carried", async () => {
    await discard(staff);
    const v1 = await pdf();
    const first = await uploadAs(staff, [{ name: "v1.pdf", data: v1 }]);
    const firstId = (first.body.documents[0] as DocumentInfo).id;
    const filed = await call<{ reference: string }>(server.app, staff, "POST", "/api/requests", submission());
    const { reference } = filed.body;

    // Not sent back yet: nothing can be added to it.
    const early = await uploadAs(staff, [{ name: "early.pdf", data: await pdf() }], { amends: reference });
    expect(early.status).toBe(409);

    const asked = await call(server.app, reviewer, "POST", `/api/requests/${reference}/decision`, {
      kind: "request_info",
      message: "Please attach the ultrasound report.",
      expectedRowVersion: 1,
    });
    expect(asked.status).toBe(200);
    // The same file as one already filed is refused for the amendment too.
    const again = await uploadAs(staff, [{ name: "again.pdf", data: v1 }], {
      amends: reference,
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/“again\.pdf” is the same file as “v1\.pdf”, already attached to this request/);
    const added = await uploadAs(staff, [{ name: "ultrasound.pdf", data: await pdf() }], {
      amends: reference,
      items: "liver-ultrasound",
    });
    expect(added.status, added.text).toBe(201);
    const addedDoc = added.body.documents[0] as DocumentInfo;
    expect(addedDoc.amends).toBe(reference);
    // A new request's draft document stays in the draft through the amendment.
    const other = await uploadAs(staff, [{ name: "other.pdf", data: await pdf() }]);
    const otherId = (other.body.documents[0] as DocumentInfo).id;

    const amended = await call(server.app, staff, "POST", `/api/requests/${reference}/versions`, {
      document: submission().document,
      expectedRowVersion: await rowVersionOf(server.app, staff, reference),
    });
    expect(amended.status, amended.text).toBe(200);
    const list = await call<RequestDocumentsAnswer>(
      server.app,
      reviewer,
      "GET",
      `/api/requests/${reference}/documents`,
    );
    expect(list.body.versions).toEqual([
      { version: 1, documents: [firstId] },
      { version: 2, documents: [firstId, addedDoc.id] },
    ]);
    expect(list.body.documents.find((d) => d.id === addedDoc.id)).toMatchObject({ state: "filed", version: 2 });
    const draft = await call<DocumentsAnswer>(server.app, staff, "GET", "/api/draft/documents");
    expect(draft.body.documents.map((d) => d.id)).toEqual([otherId]);
    await discard(staff);
  });
});
