/**
 * The submission packet through the real app (#11, item 5), for every database engine: one PDF of
 * the cover and the current version's documents in checklist order, read back with PDF.js (unpdf);
 * authorised as reading the request (another practice 404, signed out 401), audited, served as a
 * sandboxed attachment; nothing left behind where the engine spools uploads.
 */
import { writeFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentsAnswer } from "@/contract";
import { CRITERION_IDS } from "@/criteria";
import { ADMIN, REVIEWER, STAFF_A, STAFF_B, call, signIn, submission, type Session } from "./test-support";
import { PNG, pdf, tiff, upload } from "./documents/test-files";

export interface PacketAuditRow {
  action: string;
  detail: string;
  user_id: number;
}

/** A running app on one engine, and what the suite reads beside the API. */
export interface PacketServer {
  app: FastifyInstance;
  /** The packet downloads audited on the request, oldest first. */
  packetAudits(reference: string): Promise<PacketAuditRow[]>;
  /** Upload files still in the spool (none where the engine has no spool on disk). */
  spoolLeftovers(): string[];
  close(): Promise<void>;
}

export function packetApiSuite(engine: string, start: () => Promise<PacketServer>): void {
  describe(`the submission packet (${engine})`, { timeout: 60_000 }, () => {
    let server: PacketServer;
    let staff: Session;
    let otherStaff: Session;
    let reviewer: Session;
    let admin: Session;
    let reference: string;

    async function uploadAs(who: Session, files: { name: string; data: Buffer; type?: string }[], items: string) {
      const { body, contentType } = upload(files, items);
      const res = await call<DocumentsAnswer>(server.app, who, "POST", "/api/draft/documents", undefined, {
        raw: body,
        contentType,
      });
      expect(res.status, res.text).toBe(201);
    }

    const packet = (who: Session | undefined, ref = reference) =>
      server.app.inject({
        method: "GET",
        url: `/api/requests/${ref}/packet`,
        headers: who === undefined ? {} : { cookie: who.cookie },
      });

    beforeAll(async () => {
      server = await start();
      staff = await signIn(server.app, STAFF_A);
      otherStaff = await signIn(server.app, STAFF_B);
      reviewer = await signIn(server.app, REVIEWER);
      admin = await signIn(server.app, ADMIN);
      // Uploaded out of checklist order: the packet puts the diagnosis first and the weight last.
      await uploadAs(staff, [{ name: "weight.tif", data: tiff(600, 800), type: "image/tiff" }], "weight");
      await uploadAs(
        staff,
        [{ name: "liver panel.pdf", data: await pdf({ pages: 2, text: "ALT 30" }) }],
        "liver-panel",
      );
      await uploadAs(staff, [{ name: "factor IX.png", data: PNG, type: "image/png" }], "diagnosis-factor-ix");
      const filed = await call<{ reference: string }>(server.app, staff, "POST", "/api/requests", submission());
      expect(filed.status, filed.text).toBe(201);
      reference = filed.body.reference;
    }, 60_000);
    afterAll(() => server.close());

    it("is one PDF: the cover, then every document in checklist order, each page numbered", async () => {
      const res = await packet(staff);
      expect(res.statusCode, res.body).toBe(200);
      if (process.env.PACKET_OUT !== undefined) writeFileSync(process.env.PACKET_OUT, res.rawPayload);
      const proxy = await getDocumentProxy(new Uint8Array(res.rawPayload));
      // The cover, the photo, two pages of labs, the TIFF's one page.
      expect(proxy.numPages).toBe(1 + 1 + 2 + 1);
      const { text } = await extractText(proxy, { mergePages: false });
      const pages = text.map((t) => t.replace(/\s+/g, " "));
      const cover = pages[0] ?? "";
      expect(cover).toContain(reference);
      for (const id of CRITERION_IDS) expect(cover).toContain(id);
      const order = ["factor IX.png", "liver panel.pdf", "weight.tif"].map((name) => cover.indexOf(name));
      expect(order.every((at) => at > 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(pages[2]).toContain("ALT 30 page 1");
      pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of 5`));
      await expect.poll(() => server.spoolLeftovers()).toEqual([]);
    });

    it("is served as a sandboxed attachment, never cached", async () => {
      const res = await packet(reviewer);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("application/pdf");
      expect(res.headers["content-disposition"]).toContain(`attachment; filename="${reference} submission packet.pdf"`);
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["content-security-policy"]).toMatch(/default-src 'none'.*sandbox/);
      expect(res.headers["cache-control"]).toContain("no-store");
      expect(Number(res.headers["content-length"])).toBe(res.rawPayload.length);
    });

    it("is read as the request is: reviewers and admins, the practice's staff; another practice 404, signed out 401", async () => {
      expect((await packet(admin)).statusCode).toBe(200);
      expect((await packet(otherStaff)).statusCode).toBe(404);
      expect((await packet(undefined)).statusCode).toBe(401);
      expect((await packet(staff, "HGX-2099-999999")).statusCode).toBe(404);
    });

    it("is audited for each download, by whom and of which version", async () => {
      const before = (await server.packetAudits(reference)).length;
      await packet(reviewer);
      await packet(otherStaff);
      expect((await server.packetAudits(reference)).slice(before)).toEqual([
        { action: "downloaded the submission packet", detail: "version 1", user_id: reviewer.user.id },
      ]);
    });

    it("encloses a document stored in several pieces (over 1 MB: PostgreSQL's chunks) whole", async () => {
      await uploadAs(
        staff,
        [{ name: "big scan.pdf", data: await pdf({ pages: 3, text: "Big scan", padTo: 3_500_000 }) }],
        "liver-panel",
      );
      const filed = await call<{ reference: string }>(server.app, staff, "POST", "/api/requests", submission());
      expect(filed.status, filed.text).toBe(201);
      const res = await packet(staff, filed.body.reference);
      expect(res.statusCode, res.body).toBe(200);
      const proxy = await getDocumentProxy(new Uint8Array(res.rawPayload));
      expect(proxy.numPages).toBe(1 + 3);
      const { text } = await extractText(proxy, { mergePages: false });
      expect(text[3]).toContain("Big scan page 3");
      await expect.poll(() => server.spoolLeftovers()).toEqual([]);
    });

    it("lists what is missing and says so with no documents at all", async () => {
      const bare = await call<{ reference: string }>(server.app, staff, "POST", "/api/requests", submission());
      const res = await packet(staff, bare.body.reference);
      expect(res.statusCode).toBe(200);
      const proxy = await getDocumentProxy(new Uint8Array(res.rawPayload));
      expect(proxy.numPages).toBe(1);
      const { text } = await extractText(proxy, { mergePages: true });
      expect(text).toContain("Documents missing");
      expect(text).toContain("Liver panel");
      expect(text).toContain("No documents are attached.");
    });
  });
}

/** The audit query both engines answer (placeholders differ: `?` or `$1`). */
export const PACKET_AUDIT_SQL = (placeholder: string) =>
  `SELECT a.action, a.detail, a.user_id FROM audit_events a JOIN requests r ON r.id = a.request_id WHERE r.reference = ${placeholder} AND a.action = 'downloaded the submission packet' ORDER BY a.id`;
