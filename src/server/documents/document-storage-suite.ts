/**
 * What every home for supporting documents must guarantee (rows and bytes, with the Store whose
 * submit and amend file them). The embedded default runs it in document-storage-sqlite.test.ts; a
 * PostgreSQL implementation runs the same suite. Vitest is imported here: this file is a test.
 */
import { createHash, randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate } from "@/criteria";
import { eligible } from "@fixtures";
import type { Store } from "../db/store";
import type { DraftOwner, NewDocumentRow, StoredDocument } from "../db/document-rows";
import type { Documents } from "./documents";
import { newId } from "./documents";

export interface DocumentStorageUnderTest {
  store: Store;
  documents: Documents;
  close(): Promise<void>;
}

const sha = (data: Buffer): string => createHash("sha256").update(data).digest("hex");

export function documentStorageSuite(name: string, open: () => Promise<DocumentStorageUnderTest>): void {
  describe(`document storage: ${name}`, () => {
    let under: DocumentStorageUnderTest;
    let practice: number;
    let otherPractice: number;
    let staff: number;
    let reviewer: number;
    let counter = 0;

    beforeAll(async () => {
      under = await open();
      const { store } = under;
      practice = await store.createPractice(`Suite ${newId()}`);
      otherPractice = await store.createPractice(`Suite ${newId()}`);
      const user = (role: "staff" | "reviewer", practiceId: number | null) =>
        store.createUser(
          { email: `${newId()}@suite.test`, name: role, role, practiceId, passwordHash: "h" },
          new Date("2026-11-27T12:00:00.000Z"),
        );
      staff = (await user("staff", practice)).id;
      reviewer = (await user("reviewer", null)).id;
    });
    afterAll(() => under.close());

    /** Bytes made durable under fresh keys, and the row that names them. */
    async function stored(data = randomBytes(1000)): Promise<NewDocumentRow> {
      const spool = join(under.documents.bytes.spoolDir, `${newId()}.part`);
      await writeFile(spool, data);
      const storageKey = newId();
      await under.documents.bytes.put(storageKey, spool);
      counter += 1;
      return {
        publicId: newId(),
        storageKey,
        renditionKey: null,
        fileName: `file-${counter}.pdf`,
        mediaType: "application/pdf",
        size: data.length,
        sha256: sha(data),
        pages: 1,
        items: ["liver-panel"],
      };
    }
    const owner = (amends: DraftOwner["amends"] = null): DraftOwner => ({
      userId: staff,
      practiceId: practice,
      amends,
    });
    const added = async (rows: NewDocumentRow[], who = owner()): Promise<StoredDocument[]> => {
      const result = await under.documents.rows.addDraft(who, rows, new Date());
      if (!result.every((r): r is StoredDocument => "info" in r)) throw new Error(JSON.stringify(result));
      return result;
    };

    /** Staff file a request (a member of its own, so no open request stands in the way). */
    const fileRequest = async (): Promise<{ reference: string }> => {
      const document = eligible((d) => d.member && (d.member.memberId = `SUITE${newId()}`));
      const submitted = await under.store.submit({
        practiceId: practice,
        userId: staff,
        idempotencyKey: newId(),
        expedited: false,
        document,
        evaluation: evaluate(document),
        now: new Date(),
        dueAt: new Date(),
        acknowledgedOpen: null,
      });
      if (!("reference" in submitted)) throw new Error("not filed");
      return submitted;
    };
    /** The reviewer asks for more information: the request's row version then. */
    const askForMore = async (request: { id: number; rowVersion: number }): Promise<{ rowVersion: number }> => {
      const decided = await under.store.decide(request.id, request.rowVersion, {
        kind: "request_info",
        criteria: [],
        message: "More",
        userId: reviewer,
        now: new Date(),
        authorizedFrom: null,
        authorizedThrough: null,
        newStatus: "more_info_requested",
      });
      if (!decided.ok) throw new Error("not sent back");
      return decided;
    };

    it("rows: an uploader deactivated or moved meanwhile, or a request no longer sent back, gets nothing added", async () => {
      const { store } = under;
      const moving = (
        await store.createUser(
          { email: `${newId()}@suite.test`, name: "moving", role: "staff", practiceId: practice, passwordHash: "h" },
          new Date("2026-11-27T12:00:00.000Z"),
        )
      ).id;
      const before = await under.documents.rows.draftDocuments(moving, practice);
      // The upload was checked for the old practice; the account now belongs to another.
      const admin = await store.createUser(
        { email: `${newId()}@suite.test`, name: "admin", role: "admin", practiceId: null, passwordHash: "h" },
        new Date("2026-11-27T12:00:00.000Z"),
      );
      const account = await store.findAccount(moving);
      const moved = await store.updateUser(
        moving,
        account?.rowVersion ?? 0,
        { practiceId: otherPractice },
        { endSessions: true, keepSession: null, detail: "practice" },
        { adminId: admin.id, now: new Date() },
      );
      expect(moved).toMatchObject({ practiceId: otherPractice });
      const refused = await under.documents.rows.addDraft(
        { userId: moving, practiceId: practice, amends: null },
        [await stored()],
        new Date(),
      );
      expect(refused.every((r) => !("info" in r) && /changed while it was uploading/.test(r.message))).toBe(true);
      expect(await under.documents.rows.draftDocuments(moving, practice)).toEqual(before);
      // An amendment of a request that is not waiting for more information.
      const notSentBack = await under.documents.rows.addDraft(
        owner({ reference: "HGX-AAAA-AAAA", requestId: 999_999 }),
        [await stored()],
        new Date(),
      );
      expect(notSentBack.every((r) => !("info" in r))).toBe(true);
    });

    it("bytes: what is put reads back whole; removed, it is gone", async () => {
      const data = randomBytes(300_000);
      const row = await stored(data);
      const opened = await under.documents.bytes.open(row.storageKey);
      if (opened === undefined) throw new Error("not stored");
      expect(opened.size).toBe(data.length);
      expect(sha(await buffer(opened.stream))).toBe(sha(data));
      expect(await under.documents.bytes.keys()).toContain(row.storageKey);
      await under.documents.bytes.remove(row.storageKey);
      expect(await under.documents.bytes.open(row.storageKey)).toBeUndefined();
    });

    it("rows: a draft's documents, in order, in their practice only", async () => {
      await under.documents.discardDraft(staff);
      const [a, b] = await added([await stored(), await stored()]);
      expect((await under.documents.rows.draftDocuments(staff, practice)).map((d) => d.info.id)).toEqual([
        a?.info.id,
        b?.info.id,
      ]);
      expect(await under.documents.rows.draftDocuments(staff, otherPractice)).toEqual([]);
      expect(a?.info).toMatchObject({ state: "draft", amends: null, version: null, items: ["liver-panel"] });
    });

    it("rows: the same file twice, a 41st file or more than 150 MB is refused, and nothing is added", async () => {
      await under.documents.discardDraft(staff);
      const data = randomBytes(500);
      await added([await stored(data)]);
      const again = await under.documents.rows.addDraft(owner(), [await stored(data)], new Date());
      expect(again).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/is the same file as/) as unknown }),
      ]);
      const many = await Promise.all(Array.from({ length: 40 }, () => stored()));
      expect(await under.documents.rows.addDraft(owner(), many, new Date())).toHaveLength(40);
      const huge = { ...(await stored()), size: 151 * 1024 * 1024 };
      expect(await under.documents.rows.addDraft(owner(), [huge], new Date())).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/over 150 MB/) as unknown }),
      ]);
      expect(await under.documents.rows.draftDocuments(staff, practice)).toHaveLength(1);
    });

    it("rows: removing or discarding queues the bytes, and reaping removes them", async () => {
      await under.documents.discardDraft(staff);
      const [a, b] = await added([await stored(), await stored()]);
      if (a === undefined || b === undefined) throw new Error("not added");
      expect(await under.documents.rows.removeDraft(a.info.id, { userId: staff, practiceId: practice })).toBe(
        "removed",
      );
      expect(await under.documents.rows.removeDraft(b.info.id, { userId: reviewer, practiceId: practice })).toBe(
        "not_found",
      );
      await under.documents.reap();
      expect(await under.documents.bytes.open(a.storageKey)).toBeUndefined();
      expect(await under.documents.bytes.open(b.storageKey)).toBeDefined();
      await under.documents.discardDraft(staff);
      expect(await under.documents.bytes.open(b.storageKey)).toBeUndefined();
      expect(await under.documents.rows.trash(10)).toEqual([]);
    });

    it("a draft that ends (its row deleted) ends only its own documents, never those of the person's other draft", async () => {
      await under.documents.discardDraft(staff);
      const submitted = await fileRequest();
      const request = await under.store.findRequest(submitted.reference, { practiceId: null }, new Date());
      if (request === undefined) throw new Error("not found");
      const decided = await askForMore(request);
      const amends = { reference: request.reference, requestId: request.id };
      const [forNew] = await added([await stored()]);
      const [forAmendment] = await added([await stored()], owner(amends));
      const ids = async () => (await under.documents.rows.draftDocuments(staff, practice)).map((d) => d.info.id);

      // The amendment's draft ends: the new request's document stays.
      await under.store.putDraft(
        staff,
        { content: "{}", stamp: "s", amends: { reference: request.reference, rowVersion: decided.rowVersion } },
        new Date(),
      );
      await under.store.deleteDraft(staff);
      expect(await ids()).toEqual([forNew?.info.id]);
      // The new request's draft ends: the amendment's documents (added again) stay.
      const [again] = await added([await stored()], owner(amends));
      await under.store.putDraft(staff, { content: "{}", stamp: "s", amends: null }, new Date());
      await under.store.deleteDraft(staff);
      expect(await ids()).toEqual([again?.info.id]);
      expect(forAmendment).toBeDefined();
      await under.documents.discardDraft(staff);
    });

    it("the Store's submit files the draft's documents with version 1; its amend adds the amendment's, keeping the rest", async () => {
      await under.documents.discardDraft(staff);
      const [first] = await added([await stored()]);
      const submitted = await fileRequest();
      const request = await under.store.findRequest(
        submitted.reference,
        { practiceId: null },
        new Date("2026-11-27T12:00:00.000Z"),
      );
      if (request === undefined || first === undefined) throw new Error("not found");
      expect(await under.documents.rows.draftDocuments(staff, practice)).toEqual([]);
      const filed = await under.documents.rows.requestDocuments(request.id);
      expect(filed.map((d) => [d.info.id, d.info.state, d.info.version])).toEqual([[first.info.id, "filed", 1]]);
      expect(await under.documents.rows.removeDraft(first.info.id, { userId: staff, practiceId: practice })).toBe(
        "filed",
      );
      expect(
        await under.documents.rows.setDraftItems(first.info.id, { userId: staff, practiceId: practice }, ["x"]),
      ).toBe("filed");

      const decided = await askForMore(request);
      const [second] = await added([await stored()], owner({ reference: request.reference, requestId: request.id }));
      const [unrelated] = await added([await stored()]);
      const amended = await under.store.amend(
        request.id,
        decided.rowVersion,
        staff,
        request.document,
        evaluate(request.document),
        new Date(),
      );
      expect(amended.ok).toBe(true);
      expect(await under.documents.rows.versionDocuments(request.id)).toEqual([
        { version: 1, documents: [first.info.id] },
        { version: 2, documents: [first.info.id, second?.info.id] },
      ]);
      expect((await under.documents.rows.draftDocuments(staff, practice)).map((d) => d.info.id)).toEqual([
        unrelated?.info.id,
      ]);
    });
  });
}
