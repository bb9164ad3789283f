/**
 * The Store's guarantees as one test suite that every engine must pass (SQLite in
 * store-sqlite.test.ts, PostgreSQL in store-postgres.test.ts): the suite is the definition of the
 * interface. It talks to the async `Store` only, plus what each engine's harness gives: a second
 * store on the same database (a second server instance), row counts, and a change made behind
 * the store's back.
 *
 * "At the same moment" cases send both calls before awaiting either, to two stores on one
 * database: on PostgreSQL they truly overlap (two pools); on SQLite they queue on the file lock.
 * Either way the database must settle them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate, type Evaluation, type RequestDocument } from "@/criteria";
import { eligible } from "@fixtures";
import { MAX_LOCAL_CODES, type AdminUser } from "@/contract";
import type { Decision, NewSubmission, QueueCursor, Store, SubmitResult } from "./db/store";

/** The instant the suite's reads and accounts are dated at (the store takes the time, never reads it). */
const SUITE_NOW = new Date("2026-11-27T12:00:00.000Z");

export interface StoreUnderTest {
  store: Store;
  /** Another store on the same database, as a second server instance has. */
  another(): Promise<Store>;
  count(table: string): Promise<number>;
  /** Sets a request's status with plain SQL on another connection (another program's change). */
  setStatusBehindTheBack(requestId: number, status: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens a fresh, empty, migrated database of the engine. */
export type OpenStore = () => Promise<StoreUnderTest>;

/** A submit that filed (or found its key filed), never refused for a member's open request. */
function filed(result: SubmitResult): Extract<SubmitResult, { created: boolean }> {
  if ("open" in result) throw new Error(`refused: ${result.open.reference} is open for this member`);
  return result;
}

interface World {
  t: StoreUnderTest;
  store: Store;
  practiceA: number;
  practiceB: number;
  staffA: number;
  staffB: number;
  reviewer: number;
  admin: number;
}

async function populate(t: StoreUnderTest): Promise<World> {
  const { store } = t;
  const practiceA = await store.createPractice("Practice A");
  const practiceB = await store.createPractice("Practice B");
  const user = async (email: string, role: "staff" | "reviewer" | "admin", practiceId: number | null) =>
    (
      await store.createUser(
        { email, name: email[0]?.toUpperCase() ?? "?", role, practiceId, passwordHash: "h" },
        SUITE_NOW,
      )
    ).id;
  return {
    t,
    store,
    practiceA,
    practiceB,
    staffA: await user("a@x.test", "staff", practiceA),
    staffB: await user("b@x.test", "staff", practiceB),
    reviewer: await user("r@x.test", "reviewer", null),
    admin: await user("m@x.test", "admin", null),
  };
}

let keys = 0;
function newSubmission(
  w: World,
  change: Partial<NewSubmission> = {},
  doc: RequestDocument = eligible((d) => d.member && (d.member.memberId = `S-${process.pid}-${keys + 1}`)),
): NewSubmission {
  keys += 1;
  const now = new Date("2026-11-27T10:00:00.000Z");
  return {
    practiceId: w.practiceA,
    userId: w.staffA,
    idempotencyKey: `store-key-${keys}`,
    expedited: false,
    document: doc,
    evaluation: evaluate(doc),
    now,
    dueAt: new Date(now.getTime() + 7 * 86_400_000),
    acknowledgedOpen: null,
    ...change,
  };
}

const decision = (w: World, change: Partial<Decision> = {}): Decision => ({
  kind: "approve",
  criteria: [],
  message: "",
  userId: w.reviewer,
  now: new Date("2026-11-28T10:00:00.000Z"),
  authorizedFrom: "2026-11-28",
  authorizedThrough: "2027-02-27",
  newStatus: "approved",
  ...change,
});

/** A reviewer asks for more information on a filed request: its row version then, and its document to amend. */
async function sendBack(w: World, reference: string): Promise<{ rowVersion: number; doc: RequestDocument }> {
  const stored = await w.store.findRequest(reference, { practiceId: null }, SUITE_NOW);
  if (stored === undefined) throw new Error(`${reference} is not stored`);
  const asked = await w.store.decide(
    stored.id,
    stored.rowVersion,
    decision(w, {
      kind: "request_info",
      message: "More",
      newStatus: "more_info_requested",
      authorizedFrom: null,
      authorizedThrough: null,
    }),
  );
  if (!asked.ok) throw new Error("not sent back");
  return { rowVersion: asked.rowVersion, doc: stored.document };
}

async function idOf(store: Store, reference: string): Promise<number> {
  const stored = await store.findRequest(reference, { practiceId: null }, SUITE_NOW);
  if (stored === undefined) throw new Error(`${reference} is not stored`);
  return stored.id;
}

export function storeSuite(engine: string, open: OpenStore): void {
  describe(`the Store on ${engine}`, () => {
    let w: World;
    beforeAll(async () => {
      w = await populate(await open());
    });
    afterAll(async () => {
      await w.t.close();
    });

    describe("the schema", () => {
      it("opens again on a migrated database (a second instance) and checks out", async () => {
        const again = await w.t.another();
        try {
          expect(await again.countUsers()).toBe(4);
        } finally {
          await again.close();
        }
        expect(await w.store.integrityCheck()).toBe("ok");
      });

      it("enforces foreign keys and checks: no request for a practice that does not exist, no staff without a practice, one account per email whatever its capitals", async () => {
        await expect(w.store.submit(newSubmission(w, { practiceId: 9999 }))).rejects.toThrow();
        await expect(
          w.store.createUser(
            { email: "np@x.test", name: "N", role: "staff", practiceId: null, passwordHash: "h" },
            SUITE_NOW,
          ),
        ).rejects.toThrow();
        await expect(
          w.store.createUser(
            { email: "A@X.TEST", name: "dup", role: "admin", practiceId: null, passwordHash: "h" },
            SUITE_NOW,
          ),
        ).rejects.toThrow();
      });

      it("a submission that fails midway leaves nothing behind (one transaction)", async () => {
        const before = [
          await w.t.count("requests"),
          await w.t.count("request_versions"),
          await w.t.count("audit_events"),
        ];
        const broken = { ...evaluate(eligible()), unwritable: 10n } as unknown as Evaluation;
        await expect(w.store.submit(newSubmission(w, { evaluation: broken }))).rejects.toThrow(/BigInt/);
        expect([
          await w.t.count("requests"),
          await w.t.count("request_versions"),
          await w.t.count("audit_events"),
        ]).toEqual(before);
        expect(filed(await w.store.submit(newSubmission(w))).created).toBe(true);
      });
    });

    describe("submissions", () => {
      it("keeps with each version the documents it was confirmed missing (#11); none stated, none recorded", async () => {
        const missing = [
          { id: "liver-panel", title: "Liver panel: ALT, AST, ALP and total bilirubin" },
          { id: "weight", title: "Dated body weight (the dose is per kilogram)" },
        ];
        const first = filed(await w.store.submit(newSubmission(w, { missingDocuments: missing })));
        const id = await idOf(w.store, first.reference);
        expect((await w.store.versions(id)).map((v) => v.missingDocuments)).toEqual([missing]);
        const { rowVersion, doc } = await sendBack(w, first.reference);
        const amended = await w.store.amend(id, rowVersion, w.staffA, doc, evaluate(doc), SUITE_NOW, []);
        expect(amended.ok).toBe(true);
        expect((await w.store.versions(id)).map((v) => v.missingDocuments)).toEqual([missing, []]);

        const unstated = filed(await w.store.submit(newSubmission(w)));
        const [version] = await w.store.versions(await idOf(w.store, unstated.reference));
        expect(version).not.toHaveProperty("missingDocuments");
      });

      it("keeps with each version the answers it took from the patient's record (#12); none, none recorded", async () => {
        const provenance = [
          {
            path: "liver.enzymes.alt.value",
            display: "70 U/L",
            source: { reference: "Observation/alt-1", date: "2026-10-20", display: "ALT 70 U/L, 20 Oct 2026" },
          },
          {
            path: "member.dateOfBirth",
            display: "1990-05-01",
            source: { reference: "Patient/p1", display: "Patient" },
          },
        ];
        const first = filed(await w.store.submit(newSubmission(w, { provenance })));
        const id = await idOf(w.store, first.reference);
        expect((await w.store.versions(id)).map((v) => v.provenance)).toEqual([provenance]);
        // The same key again files nothing new, and the first filing's provenance stands.
        const again = filed(
          await w.store.submit(newSubmission(w, { idempotencyKey: `store-key-${keys}`, provenance: [] })),
        );
        expect(again.created).toBe(false);
        expect((await w.store.versions(id)).map((v) => v.provenance)).toEqual([provenance]);
        // What was filed under a key is found by its submitter only (a retry's answer).
        expect(await w.store.filedWithKey(w.staffA, `store-key-${keys - 1}`)).toEqual({
          reference: first.reference,
          expedited: first.expedited,
          dueAt: first.dueAt,
        });
        expect(await w.store.filedWithKey(w.staffB, `store-key-${keys - 1}`)).toBeUndefined();
        expect(await w.store.filedWithKey(w.staffA, "store-key-never")).toBeUndefined();

        const { rowVersion, doc } = await sendBack(w, first.reference);
        const kept = provenance.slice(1);
        const amended = await w.store.amend(id, rowVersion, w.staffA, doc, evaluate(doc), SUITE_NOW, undefined, kept);
        expect(amended.ok).toBe(true);
        expect((await w.store.versions(id)).map((v) => v.provenance)).toEqual([provenance, kept]);

        const none = filed(await w.store.submit(newSubmission(w, { provenance: [] })));
        const [version] = await w.store.versions(await idOf(w.store, none.reference));
        expect(version).not.toHaveProperty("provenance");
      });

      it("stores one request per (user, key), with its first version and an audit event", async () => {
        const s = newSubmission(w, {}, eligible());
        const first = filed(await w.store.submit(s));
        const second = await w.store.submit({ ...s, document: eligible((d) => (d.exposureDays = 1)) });
        expect(first.created).toBe(true);
        expect(second).toEqual({ reference: first.reference, created: false, expedited: false, dueAt: first.dueAt });
        const other = filed(await w.store.submit({ ...s, userId: w.staffB, practiceId: w.practiceB }));
        expect(other.created).toBe(true);
        const stored = await w.store.findRequest(first.reference, { practiceId: null }, SUITE_NOW);
        expect(stored).toMatchObject({
          reference: first.reference,
          status: "submitted",
          version: 1,
          rowVersion: 1,
          memberId: "U1234567",
          memberName: "Ada Example",
          expedited: false,
        });
        expect(stored?.document.exposureDays).toBe(220);
        expect(await w.store.versions(stored?.id ?? 0)).toHaveLength(1);
        expect((await w.store.audit(stored?.id ?? 0)).map((a) => a.action)).toEqual(["submitted"]);
      });

      it("answers a member's open request in the practice unless it was acknowledged, and ends the submitter's draft", async () => {
        const doc = eligible((d) => d.member && (d.member.memberId = `OPEN-${process.pid}`));
        const first = filed(await w.store.submit(newSubmission(w, {}, doc)));
        const spaced = eligible((d) => d.member && (d.member.memberId = ` open-${process.pid} `));
        const refused = await w.store.submit(newSubmission(w, {}, spaced));
        expect(refused).toEqual({ open: { reference: first.reference, receivedAt: "2026-11-27T10:00:00.000Z" } });
        await w.store.putDraft(w.staffA, { content: "{}", stamp: "s", amends: null }, new Date());
        const beside = filed(await w.store.submit(newSubmission(w, { acknowledgedOpen: first.reference }, doc)));
        expect(beside.created).toBe(true);
        expect(await w.store.getDraft(w.staffA)).toBeUndefined();
        // Another practice's open request for the member is not this practice's business.
        expect(
          filed(await w.store.submit(newSubmission(w, { userId: w.staffB, practiceId: w.practiceB }, doc))).created,
        ).toBe(true);
      });

      it("gives every request a distinct reference people can read aloud", async () => {
        const refs = new Set<string>();
        for (let i = 0; i < 100; i++) refs.add(filed(await w.store.submit(newSubmission(w))).reference);
        expect(refs.size).toBe(100);
        for (const ref of refs) expect(ref).toMatch(/^HGX-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
      });

      it("keeps staff to their practice's requests", async () => {
        const { reference } = filed(await w.store.submit(newSubmission(w)));
        expect(await w.store.findRequest(reference, { practiceId: w.practiceA }, SUITE_NOW)).toBeDefined();
        expect(await w.store.findRequest(reference, { practiceId: w.practiceB }, SUITE_NOW)).toBeUndefined();
        const now = new Date("2026-11-27T12:00:00.000Z");
        const forB = await w.store.listRequests(
          { page: 1, pageSize: 100, sort: "received" },
          { practiceId: w.practiceB },
          now,
        );
        expect(forB.items.length).toBeGreaterThan(0);
        expect(forB.items.every((i) => i.practiceName === "Practice B")).toBe(true);
        const searched = await w.store.listRequests(
          { page: 1, pageSize: 1, sort: "received", q: reference },
          { practiceId: w.practiceB },
          now,
        );
        expect(searched.total).toBe(0);
        const id = await idOf(w.store, reference);
        expect(await w.store.sameMemberRequests(id, { practiceId: w.practiceB })).toEqual([]);
      });
    });

    describe("optimistic concurrency", () => {
      it("moves a request on only from the expected row version and an allowed status", async () => {
        const s = w.store;
        const { reference } = filed(await s.submit(newSubmission(w)));
        const id = await idOf(s, reference);
        expect(await s.startReview(id, 2)).toEqual({ ok: false, reason: "stale" });
        expect(await s.startReview(id, 1)).toEqual({ ok: true, rowVersion: 2 });
        expect(await s.startReview(id, 2)).toEqual({ ok: false, reason: "wrong_status" });
        expect(await s.decide(id, 1, decision(w))).toEqual({ ok: false, reason: "stale" });
        expect(await s.decisions(id)).toEqual([]);
        const ask = decision(w, {
          kind: "request_info",
          message: "More.",
          newStatus: "more_info_requested",
          authorizedFrom: null,
          authorizedThrough: null,
          documentsRequested: [{ id: "liver-ultrasound", title: "Hepatic ultrasound report" }],
        });
        expect(await s.decide(id, 2, ask)).toEqual({ ok: true, rowVersion: 3 });
        const doc = eligible((d) => d.member && ((d.member.memberId = `AM-${process.pid}`), (d.exposureDays = 300)));
        expect(await s.amend(id, 2, w.staffA, doc, evaluate(doc), new Date())).toEqual({ ok: false, reason: "stale" });
        expect(await s.versions(id)).toHaveLength(1);
        await s.putDraft(w.staffA, { content: "{}", stamp: "x", amends: { reference, rowVersion: 3 } }, new Date());
        expect(await s.amend(id, 3, w.staffA, doc, evaluate(doc), new Date())).toEqual({ ok: true, rowVersion: 4 });
        expect(await s.getDraft(w.staffA)).toBeUndefined();
        expect(await s.amend(id, 4, w.staffA, doc, evaluate(doc), new Date())).toEqual({
          ok: false,
          reason: "wrong_status",
        });
        const after = await s.findRequest(reference, { practiceId: null }, SUITE_NOW);
        expect(after).toMatchObject({ status: "submitted", version: 2, rowVersion: 4, memberId: `AM-${process.pid}` });
        expect(after?.document.exposureDays).toBe(300);
        expect((await s.versions(id)).map((v) => v.version)).toEqual([1, 2]);
        expect(await s.decide(id, 4, decision(w))).toEqual({ ok: true, rowVersion: 5 });
        expect((await s.decisions(id)).map((d) => [d.kind, d.version, d.authorizedFrom, d.authorizedThrough])).toEqual([
          ["request_info", 1, null, null],
          ["approve", 2, "2026-11-28", "2027-02-27"],
        ]);
        // A request for more information keeps the documents it named; other decisions name none.
        expect((await s.decisions(id)).map((d) => d.documentsRequested)).toEqual([
          [{ id: "liver-ultrasound", title: "Hepatic ultrasound report" }],
          [],
        ]);
        expect((await s.audit(id)).map((a) => a.action)).toEqual([
          "submitted",
          "requested more information",
          "amended",
          "approved",
        ]);
        expect(await s.decide(id, 5, decision(w, { kind: "deny", criteria: ["I.A.1"], newStatus: "denied" }))).toEqual({
          ok: false,
          reason: "wrong_status",
        });
      });

      it("gives Hemgenix once: a second approval for the member (any practice, any spacing) is refused, naming the first", async () => {
        const member = `ONCE-${process.pid}`;
        const one = filed(
          await w.store.submit(
            newSubmission(
              w,
              {},
              eligible((d) => d.member && (d.member.memberId = member)),
            ),
          ),
        );
        const two = filed(
          await w.store.submit(
            newSubmission(
              w,
              { userId: w.staffB, practiceId: w.practiceB },
              eligible((d) => d.member && (d.member.memberId = ` ${member.toLowerCase()}`)),
            ),
          ),
        );
        expect(await w.store.decide(await idOf(w.store, one.reference), 1, decision(w))).toEqual({
          ok: true,
          rowVersion: 2,
        });
        expect(await w.store.decide(await idOf(w.store, two.reference), 1, decision(w))).toEqual({
          ok: false,
          reason: "member_approved",
          reference: one.reference,
        });
        const same = await w.store.sameMemberRequests(await idOf(w.store, two.reference), { practiceId: null });
        expect(same.map((r) => [r.reference, r.status])).toEqual([[one.reference, "approved"]]);
      });
    });

    describe("two instances at the same moment", () => {
      let other: Store;
      beforeAll(async () => {
        other = await w.t.another();
      });
      afterAll(async () => {
        await other.close();
      });

      it("the same idempotency key sent to both stores one request, and both answer with it", async () => {
        for (let round = 0; round < 5; round++) {
          const s = newSubmission(w);
          const before = await w.t.count("requests");
          const [a, b] = await Promise.all([w.store.submit(s), other.submit(s)]);
          expect(await w.t.count("requests")).toBe(before + 1);
          expect(filed(a).reference).toBe(filed(b).reference);
          expect([filed(a).created, filed(b).created].sort()).toEqual([false, true]);
        }
      });

      it("two submits for one member with different keys: one is filed, the other is told of it", async () => {
        const doc = eligible((d) => d.member && (d.member.memberId = `RACE-${process.pid}`));
        const [a, b] = await Promise.all([
          w.store.submit(newSubmission(w, {}, doc)),
          other.submit(newSubmission(w, {}, doc)),
        ]);
        const results = [a, b];
        expect(results.filter((r) => "open" in r)).toHaveLength(1);
        expect(results.filter((r) => "created" in r && r.created)).toHaveLength(1);
      });

      it("two decisions on one request at once: one wins, the other is stale, one decision and one audit row", async () => {
        for (let round = 0; round < 3; round++) {
          const { reference } = filed(await w.store.submit(newSubmission(w)));
          const id = await idOf(w.store, reference);
          const deny = decision(w, {
            kind: "deny",
            criteria: ["I.A.1"],
            newStatus: "denied",
            authorizedFrom: null,
            authorizedThrough: null,
          });
          const results = await Promise.all([w.store.decide(id, 1, decision(w)), other.decide(id, 1, deny)]);
          expect(results.filter((r) => r.ok)).toHaveLength(1);
          expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "stale" }]);
          expect(await w.store.decisions(id)).toHaveLength(1);
          expect((await w.store.audit(id)).filter((a) => a.action !== "submitted")).toHaveLength(1);
        }
      });

      it("two approvals of two requests for one member at once: one wins, the other names it", async () => {
        const member = `TWICE-${process.pid}`;
        const doc = eligible((d) => d.member && (d.member.memberId = member));
        const one = filed(await w.store.submit(newSubmission(w, {}, doc)));
        const two = filed(await w.store.submit(newSubmission(w, { userId: w.staffB, practiceId: w.practiceB }, doc)));
        const results = await Promise.all([
          w.store.decide(await idOf(w.store, one.reference), 1, decision(w)),
          other.decide(await idOf(w.store, two.reference), 1, decision(w)),
        ]);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect(results.filter((r) => !r.ok && r.reason === "member_approved")).toHaveLength(1);
      });

      it("two admins deactivating each other at once leave one active admin", async () => {
        const now = new Date();
        const second = await w.store.addUser(
          { email: `m2-${process.pid}@x.test`, name: "M2", role: "admin", practiceId: null, passwordHash: "h" },
          { adminId: w.admin, now },
        );
        if (typeof second === "string") throw new Error(second);
        const first = await w.store.findAccount(w.admin);
        if (first === undefined) throw new Error("no admin");
        const off = { endSessions: true, keepSession: null, detail: "deactivated" };
        const results = await Promise.all([
          w.store.updateUser(second.id, second.rowVersion, { active: false }, off, { adminId: w.admin, now }),
          other.updateUser(first.id, first.rowVersion, { active: false }, off, { adminId: second.id, now }),
        ]);
        expect(results.filter((r) => r === "not_admin")).toHaveLength(1);
        const admins = (await w.store.listUsers()).filter((u) => u.role === "admin" && u.active);
        expect(admins).toHaveLength(1);
        // Put things back for the cases after this one.
        const survivor = admins[0] as AdminUser;
        const loser = survivor.id === w.admin ? second : first;
        const fresh = await w.store.findAccount(loser.id);
        await w.store.updateUser(
          loser.id,
          fresh?.rowVersion ?? 0,
          { active: true },
          { ...off, detail: "back" },
          {
            adminId: survivor.id,
            now,
          },
        );
        expect((await w.store.findAccount(w.admin))?.active).toBe(true);
      });

      it("a practice name taken at once on two instances, whatever its capitals: one is added, one is told", async () => {
        const now = new Date();
        const results = await Promise.all([
          w.store.addPractice(`Hilltop ${process.pid}`, { adminId: w.admin, now }),
          other.addPractice(`HILLTOP ${process.pid}`, { adminId: w.admin, now }),
        ]);
        expect(results.filter((r) => r === "name_taken")).toHaveLength(1);
      });

      it("counts the queue again on one instance right after a change on the other", async () => {
        const now = new Date("2026-11-27T12:00:00.000Z");
        const submitted = async (s: Store) =>
          (await s.listRequests({ sort: "due", pageSize: 1, status: "submitted" }, { practiceId: null }, now)).total;
        const before = await submitted(w.store);
        expect(await submitted(other)).toBe(before);
        const { reference } = filed(await other.submit(newSubmission(w)));
        expect(await submitted(w.store)).toBe(before + 1);
        await w.store.startReview(await idOf(w.store, reference), 1);
        expect(await submitted(other)).toBe(before);
        await w.t.setStatusBehindTheBack(await idOf(w.store, reference), "submitted");
        // A change by another program is counted too (SQLite: data_version; PostgreSQL: the trigger's counter).
        expect(await submitted(w.store)).toBe(before + 1);
      });
    });

    describe("administration", () => {
      it("records every change with its audit row, refuses a taken email or name, and an account changed meanwhile", async () => {
        const now = new Date("2026-11-29T10:00:00.000Z");
        const by = { adminId: w.admin, now };
        const practice = await w.store.addPractice(`Lakeside ${process.pid}`, by);
        if (typeof practice === "string") throw new Error(practice);
        expect(await w.store.addPractice(`lakeside ${process.pid}`, by)).toBe("name_taken");
        expect(await w.store.renamePractice(practice.id, "practice a", by)).toBe("name_taken");
        const renamed = await w.store.renamePractice(practice.id, `Lakeview ${process.pid}`, by);
        expect(renamed).toMatchObject({ name: `Lakeview ${process.pid}`, users: 0, requests: 0 });
        expect((await w.store.practiceHistory(practice.id, 50)).map((e) => e.action)).toEqual([
          "practice renamed",
          "practice added",
        ]);
        expect(
          await w.store.addUser(
            { email: "B@x.test", name: "dup", role: "reviewer", practiceId: null, passwordHash: "h" },
            by,
          ),
        ).toBe("email_taken");
        const added = await w.store.addUser(
          {
            email: `new-${process.pid}@x.test`,
            name: "New",
            role: "staff",
            practiceId: practice.id,
            passwordHash: "h",
          },
          by,
        );
        if (typeof added === "string") throw new Error(added);
        expect(added).toMatchObject({ active: true, rowVersion: 1, practiceName: `Lakeview ${process.pid}` });
        await w.store.createSession(`sess-${process.pid}`, added.id, "c", Date.now());
        const moved = await w.store.updateUser(
          added.id,
          1,
          { practiceId: w.practiceA },
          { endSessions: true, keepSession: null, detail: "practice changed" },
          by,
        );
        expect(moved).toMatchObject({ rowVersion: 2, practiceId: w.practiceA });
        expect(await w.store.findSession(`sess-${process.pid}`)).toBeUndefined();
        expect(
          await w.store.updateUser(
            added.id,
            1,
            { name: "Late" },
            { endSessions: false, keepSession: null, detail: "x" },
            by,
          ),
        ).toBe("stale");
        expect((await w.store.accountHistory(added.id, 50)).map((e) => e.action)).toEqual([
          "account changed",
          "account added",
        ]);
        expect(await w.store.addPractice("Nope", { adminId: w.reviewer, now })).toBe("not_admin");
        await w.store.recordAccountEvent(added.id, added.id, "signed in", "", now);
        expect(await w.store.lastSignIn(added.id)).toBe(now.toISOString());
        expect((await w.store.listPractices()).map((p) => p.name)).toContain(`Lakeview ${process.pid}`);
      });
    });

    describe("the record import's local codes", () => {
      const lab = (code: string) => ({ system: "https://lab.example.org/codes", code, display: "" });

      it("adds and removes codes, each change with its audit row, refusing a duplicate, one too many and a non-admin", async () => {
        const now = new Date("2026-11-30T09:00:00.000Z");
        const by = { adminId: w.admin, now };
        const auditBefore = await w.t.count("audit_events");
        const added = await w.store.addLocalCode(
          "aav5Antibody",
          { ...lab("AAV5-NAB"), display: "AAV5 neutralizing antibody" },
          by,
        );
        if (typeof added === "string") throw new Error(added);
        expect(added).toMatchObject({
          code: "AAV5-NAB",
          display: "AAV5 neutralizing antibody",
          addedAt: now.toISOString(),
        });
        // The same system and code again: refused, nothing written. Another case is another code (FHIR).
        expect(await w.store.addLocalCode("aav5Antibody", lab("AAV5-NAB"), by)).toBe("duplicate");
        expect(await w.store.addLocalCode("aav5Antibody", lab("AAV5-NAB"), { adminId: w.reviewer, now })).toBe(
          "not_admin",
        );
        expect(await w.t.count("record_import_local_codes")).toBe(1);
        expect(await w.t.count("audit_events")).toBe(auditBefore + 1);

        for (let i = 1; i < MAX_LOCAL_CODES; i += 1) {
          const next = await w.store.addLocalCode("aav5Antibody", lab(`C${i}`), by);
          expect(typeof next).toBe("object");
        }
        expect(await w.store.addLocalCode("aav5Antibody", lab("one-too-many"), by)).toBe("full");
        const codes = await w.store.localCodes("aav5Antibody");
        expect(codes).toHaveLength(MAX_LOCAL_CODES);
        expect(codes[0]?.code).toBe("AAV5-NAB");

        // Removing: answered with what went; a second removal finds nothing; a reviewer may not.
        const first = codes[1];
        if (first === undefined) throw new Error("no second code");
        expect(await w.store.removeLocalCode("aav5Antibody", first.id, { adminId: w.reviewer, now })).toBe("not_admin");
        expect(await w.store.removeLocalCode("aav5Antibody", first.id, by)).toEqual(first);
        expect(await w.store.removeLocalCode("aav5Antibody", first.id, by)).toBe("not_found");
        expect(await w.store.localCodes("aav5Antibody")).toHaveLength(MAX_LOCAL_CODES - 1);

        const history = await w.store.recordImportHistory(3);
        expect(history[0]).toEqual({
          at: now.toISOString(),
          user: "M",
          action: "local code removed",
          detail: "AAV5 antibodies: https://lab.example.org/codes|C1",
        });
        expect(history.map((e) => e.action)).toEqual(["local code removed", "local code added", "local code added"]);
        expect((await w.store.recordImportHistory(100)).at(-1)?.detail).toBe(
          "AAV5 antibodies: https://lab.example.org/codes|AAV5-NAB (AAV5 neutralizing antibody)",
        );
        // Other histories do not show them.
        expect(await w.store.accountHistory(w.admin, 100)).not.toContainEqual(
          expect.objectContaining({ action: "local code added" }),
        );

        // Clean up for the other tests of the suite.
        for (const code of await w.store.localCodes("aav5Antibody"))
          await w.store.removeLocalCode("aav5Antibody", code.id, by);
        expect(await w.store.localCodes("aav5Antibody")).toEqual([]);
      });

      it("two admins adding the same code at the same moment store it once", async () => {
        const other = await w.t.another();
        try {
          const by = { adminId: w.admin, now: new Date("2026-11-30T10:00:00.000Z") };
          const answers = await Promise.all([
            w.store.addLocalCode("aav5Antibody", lab("RACE"), by),
            other.addLocalCode("aav5Antibody", lab("RACE"), by),
          ]);
          expect(answers.filter((a) => a === "duplicate")).toHaveLength(1);
          expect((await w.store.localCodes("aav5Antibody")).map((c) => c.code)).toEqual(["RACE"]);
          const stored = answers.find((a) => typeof a === "object");
          if (stored !== undefined && typeof stored === "object")
            await w.store.removeLocalCode("aav5Antibody", stored.id, by);
        } finally {
          await other.close();
        }
      });
    });

    describe("views, sessions and drafts", () => {
      it("records one view per user, request and version within 60 seconds, and knows the last version each user viewed", async () => {
        const s = newSubmission(w);
        const { reference } = filed(await w.store.submit(s));
        const id = await idOf(w.store, reference);
        const at = (iso: string) => new Date(iso);
        const views = async () => (await w.store.audit(id)).filter((a) => a.action === "viewed");
        await w.store.recordView(id, w.reviewer, 1, at("2026-11-28T10:00:00.000Z"));
        await w.store.recordView(id, w.reviewer, 1, at("2026-11-28T10:00:59.999Z"));
        await w.store.recordView(id, w.staffA, 1, at("2026-11-28T10:00:30.000Z"));
        expect((await views()).map((v) => [v.user, v.detail])).toEqual([
          ["R", "version 1"],
          ["A", "version 1"],
        ]);
        await w.store.recordView(id, w.reviewer, 2, at("2026-11-28T10:00:40.000Z"));
        await w.store.recordView(id, w.reviewer, 1, at("2026-11-28T10:01:00.001Z"));
        expect(await views()).toHaveLength(4);
        expect(await w.store.lastViewedVersion(id, w.reviewer, 3)).toBe(2);
        expect(await w.store.lastViewedVersion(id, w.reviewer, 2)).toBe(1);
        expect(await w.store.lastViewedVersion(id, w.reviewer, 1)).toBeUndefined();
        expect(await w.store.versionDocument(id, 1)).toEqual(s.document);
        expect(await w.store.versionDocument(id, 2)).toBeUndefined();
      });

      it("finds, touches, deletes and expires sessions by the hash of their token", async () => {
        const s = w.store;
        await s.createSession("hash-1", w.staffA, "csrf-1", 1000);
        await s.createSession("hash-2", w.staffB, "csrf-2", 5000);
        expect(await s.findSession("hash-1")).toEqual({
          userId: w.staffA,
          csrfToken: "csrf-1",
          createdAt: 1000,
          lastSeenAt: 1000,
        });
        await s.touchSession("hash-1", 9000);
        expect(await s.findSession("hash-1")).toMatchObject({ createdAt: 1000, lastSeenAt: 9000 });
        await s.deleteExpiredSessions(6000, 0);
        expect(await s.findSession("hash-2")).toBeUndefined();
        expect(await s.findSession("hash-1")).toBeDefined();
        await s.deleteExpiredSessions(0, 1001);
        expect(await s.findSession("hash-1")).toBeUndefined();
        await s.createSession("hash-3", w.staffA, "csrf-3", 7000);
        await s.deleteSession("hash-3");
        expect(await s.findSession("hash-3")).toBeUndefined();
      });

      it("keeps one draft per user, replaced on every save", async () => {
        const s = w.store;
        await s.deleteDraft(w.staffB);
        expect(await s.getDraft(w.staffB)).toBeUndefined();
        await s.putDraft(
          w.staffB,
          { content: '{"a":1}', stamp: "stamp-one", amends: null },
          new Date("2026-11-27T10:00:00.000Z"),
        );
        const amends = { reference: "HGX-AAAA-BBBB", rowVersion: 3 };
        await s.putDraft(
          w.staffB,
          { content: '{"a":2}', stamp: "stamp-two", amends },
          new Date("2026-11-27T11:00:00.000Z"),
        );
        expect(await s.getDraft(w.staffB)).toEqual({
          content: '{"a":2}',
          stamp: "stamp-two",
          amends,
          updatedAt: "2026-11-27T11:00:00.000Z",
        });
        await s.deleteDraft(w.staffB);
        expect(await s.getDraft(w.staffB)).toBeUndefined();
      });

      it("finds users by email in any case, and by id only while active", async () => {
        expect((await w.store.findUserByEmail("A@X.Test"))?.id).toBe(w.staffA);
        expect(await w.store.findUserByEmail("A@X.Test")).toMatchObject({ passwordHash: "h", active: true });
        expect(await w.store.findUserById(w.reviewer)).toMatchObject({
          role: "reviewer",
          practiceId: null,
          practiceName: null,
        });
        expect(await w.store.findPracticeByName("Practice A")).toEqual({ id: w.practiceA, name: "Practice A" });
      });
    });
  });

  describe(`the queue on ${engine}, paged by cursor (keyset)`, () => {
    let t: StoreUnderTest;
    let s: Store;
    const now = new Date("2026-11-27T12:00:00.000Z");
    const OUTCOMES: Evaluation["outcome"][] = ["meets_criteria", "incomplete", "refer"];
    const rows: {
      reference: string;
      id: number;
      practiceId: number;
      status: string;
      outcome: string;
      receivedAt: string;
      dueAt: string;
    }[] = [];

    beforeAll(async () => {
      t = await open();
      const world = await populate(t);
      s = t.store;
      const base = evaluate(eligible());
      // 47 requests received at only 5 distinct moments, due at only 4: ties everywhere, so the
      // order (and every page boundary) depends on the id tie-break.
      for (let i = 0; i < 47; i++) {
        const [userId, practiceId] = i % 3 === 0 ? [world.staffB, world.practiceB] : [world.staffA, world.practiceA];
        const received = new Date(Date.parse("2026-11-01T09:00:00.000Z") + (i % 5) * 3_600_000);
        const due = new Date(Date.parse("2026-11-10T09:00:00.000Z") + (i % 4) * 86_400_000);
        const { reference } = filed(
          await s.submit({
            practiceId,
            userId,
            idempotencyKey: `keyset-${i}`,
            expedited: i % 4 === 0,
            document: eligible((d) => d.member && (d.member.memberId = `K-${i}`)),
            evaluation: { ...base, outcome: OUTCOMES[i % OUTCOMES.length] ?? "meets_criteria" },
            now: received,
            dueAt: due,
            acknowledgedOpen: null,
          }),
        );
        const stored = await s.findRequest(reference, { practiceId: null }, SUITE_NOW);
        if (stored === undefined) throw new Error("not stored");
        if (i % 7 === 0) await s.decide(stored.id, 1, { ...decision(world), now: received });
        rows.push({
          reference,
          id: stored.id,
          practiceId: stored.practiceId,
          status: i % 7 === 0 ? "approved" : "submitted",
          outcome: stored.outcome,
          receivedAt: stored.receivedAt,
          dueAt: stored.dueAt,
        });
      }
    });
    afterAll(async () => {
      await t.close();
    });

    const expected = (sort: "received" | "due", pick: (row: (typeof rows)[number]) => boolean): string[] =>
      rows
        .filter(pick)
        .sort((a, b) =>
          sort === "received"
            ? b.receivedAt.localeCompare(a.receivedAt) || b.id - a.id
            : a.dueAt.localeCompare(b.dueAt) || a.id - b.id,
        )
        .map((r) => r.reference);

    const FILTERS: {
      name: string;
      filter: { status?: "submitted" | "approved"; outcome?: Evaluation["outcome"] };
      scope: "all" | "A";
    }[] = [
      { name: "everything", filter: {}, scope: "all" },
      { name: "approved", filter: { status: "approved" }, scope: "all" },
      { name: "submitted and refer", filter: { status: "submitted", outcome: "refer" }, scope: "all" },
      { name: "practice A, submitted", filter: { status: "submitted" }, scope: "A" },
    ];

    for (const sort of ["received", "due"] as const)
      for (const { name, filter, scope } of FILTERS)
        for (const pageSize of [1, 4])
          it(`walks every page forward and back by ${sort} date (${name}, ${pageSize} a page): every row once, in order`, async () => {
            const practiceId = scope === "A" ? (rows[1]?.practiceId ?? 0) : null;
            const want = expected(
              sort,
              (r) =>
                (practiceId === null || r.practiceId === practiceId) &&
                (filter.status === undefined || r.status === filter.status) &&
                (filter.outcome === undefined || r.outcome === filter.outcome),
            );
            expect(want.length).toBeGreaterThan(0);
            const list = (cursor?: QueueCursor) =>
              s.listRequests({ sort, pageSize, ...filter, cursor }, { practiceId }, now);
            const forward: string[][] = [];
            let page = await list();
            expect(page.previous).toBeNull();
            for (;;) {
              expect(page.total).toBe(want.length);
              expect(page.page).toBe(forward.length + 1);
              forward.push(page.items.map((i) => i.reference));
              if (page.next === null) break;
              page = await list(page.next);
            }
            expect(forward.flat()).toEqual(want);
            const backward: string[][] = [page.items.map((i) => i.reference)];
            while (page.previous !== null) {
              page = await list(page.previous);
              backward.unshift(page.items.map((i) => i.reference));
            }
            expect(page.page).toBe(1);
            expect(backward).toEqual(forward);
          });

    it("gives back exactly the first page when walking back from the second", async () => {
      const practiceId = rows[1]?.practiceId ?? 0;
      const first = await s.listRequests({ sort: "received", pageSize: 3 }, { practiceId }, now);
      const second = await s.listRequests(
        { sort: "received", pageSize: 3, cursor: first.next ?? undefined },
        { practiceId },
        now,
      );
      const back = await s.listRequests(
        { sort: "received", pageSize: 3, cursor: second.previous ?? undefined },
        { practiceId },
        now,
      );
      expect(back).toEqual(first);
    });

    it("jumps to a page by number (offset) and marks overdue requests", async () => {
      const all = expected("received", () => true);
      const third = await s.listRequests({ sort: "received", pageSize: 5, page: 3 }, { practiceId: null }, now);
      expect(third.items.map((i) => i.reference)).toEqual(all.slice(10, 15));
      expect(third.page).toBe(3);
      const submitted = third.items.filter((i) => i.status === "submitted");
      expect(submitted.every((i) => i.overdue)).toBe(true);
    });

    it("reads the first page again, full, when walking back finds rows gone from the filter", async () => {
      const filter = { sort: "due" as const, pageSize: 4, status: "submitted" as const };
      const first = await s.listRequests(filter, { practiceId: null }, now);
      const second = await s.listRequests({ ...filter, cursor: first.next ?? undefined }, { practiceId: null }, now);
      const leaving = first.items[0]?.reference ?? "";
      const stored = await s.findRequest(leaving, { practiceId: null }, SUITE_NOW);
      expect((await s.startReview(stored?.id ?? 0, stored?.rowVersion ?? 0)).ok).toBe(true);
      const back = await s.listRequests({ ...filter, cursor: second.previous ?? undefined }, { practiceId: null }, now);
      expect(back.page).toBe(1);
      expect(back.previous).toBeNull();
      expect(back.items).toHaveLength(4);
      expect(back.items.map((i) => i.reference)).not.toContain(leaving);
      expect(back.total).toBe(first.total - 1);
    });
  });
}
