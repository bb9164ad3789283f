// @vitest-environment node
/**
 * Durability of the real server process: a burst of submits (each with its own idempotency key),
 * SIGKILL in the middle of it, a restart on the same database file. Every acknowledged submit is
 * still there, retrying every key creates nothing twice, and SQLite's integrity check passes.
 */
import { DatabaseSync } from "node:sqlite";
import { afterAll, expect, it } from "vitest";
import type { RequestDetail, RequestPage } from "@/contract";
import { eligible } from "@fixtures";
import { REVIEWER, STAFF_A, signInHttp, startServerProcess, tempDatabase, type ServerProcess } from "./test-support";

const TOTAL = 200;
const IN_FLIGHT = 8;
const KILL_AFTER_ACKS = 70;

const temp = tempDatabase("hemgenix-durability-");
let server: ServerProcess | undefined;

afterAll(async () => {
  await server?.kill();
  temp.remove();
});

const run = Math.random().toString(36).slice(2, 8);
const keyOf = (i: number): string => `burst-${run}-${String(i).padStart(4, "0")}`;
const memberIdOf = (i: number): string => `DUR${run.toUpperCase()}${i}`;

function body(i: number): string {
  return JSON.stringify({
    document: eligible((d) => d.member && (d.member.memberId = memberIdOf(i))),
    expedited: i % 5 === 0,
    idempotencyKey: keyOf(i),
  });
}

async function postSubmit(
  url: string,
  who: { cookie: string; csrf: string },
  i: number,
): Promise<{ status: number; reference?: string }> {
  const res = await fetch(`${url}/api/requests`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: who.cookie, "x-csrf-token": who.csrf },
    body: body(i),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  return { status: res.status, reference: res.ok ? (JSON.parse(text) as { reference: string }).reference : undefined };
}

it(
  "keeps every acknowledged submit through a SIGKILL mid-burst, and retries create nothing twice",
  { timeout: 60_000 },
  async () => {
    server = await startServerProcess({ databaseFile: temp.file });
    const first = server;
    const staff = await signInHttp(first.url, STAFF_A);

    // The burst: 8 submits in flight; SIGKILL as soon as 70 have been acknowledged.
    const acknowledged = new Map<number, string>();
    let sent = 0;
    let failed = 0;
    let killed = false;
    const worker = async (): Promise<void> => {
      while (sent < TOTAL) {
        const i = sent++;
        try {
          const res = await postSubmit(first.url, staff, i);
          if ((res.status === 201 || res.status === 200) && res.reference !== undefined)
            acknowledged.set(i, res.reference);
          else failed += 1;
        } catch {
          failed += 1; // connection refused or reset: not acknowledged
        }
        if (!killed && acknowledged.size >= KILL_AFTER_ACKS) {
          killed = true;
          first.child.kill("SIGKILL");
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    await first.exited;
    expect(killed).toBe(true);
    expect(first.child.signalCode).toBe("SIGKILL");
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(acknowledged.size, "the kill interrupted the burst").toBeLessThan(TOTAL);
    expect(failed).toBeGreaterThan(0);

    // Restart on the same file.
    server = await startServerProcess({ databaseFile: temp.file });
    const { url } = server;
    // Sessions live in the database too: the staff member is still signed in.
    const me = await fetch(`${url}/api/session`, { headers: { cookie: staff.cookie } });
    expect(me.status).toBe(200);
    const reviewer = await signInHttp(url, REVIEWER);

    // Every acknowledged submit is there, with its own document.
    for (const [i, reference] of acknowledged) {
      const res = await fetch(`${url}/api/requests/${reference}`, { headers: { cookie: reviewer.cookie } });
      expect(res.status, `acknowledged submit ${i} (${reference}) after the restart`).toBe(200);
      const detail = (await res.json()) as RequestDetail;
      expect(detail.memberId).toBe(memberIdOf(i));
      expect(detail.expedited).toBe(i % 5 === 0);
    }

    // Retry every key, acknowledged or not: an acknowledged one answers 200 with its reference; none is stored twice.
    const references = new Map<number, string>();
    let next = 0;
    const retry = async (): Promise<void> => {
      while (next < TOTAL) {
        const i = next++;
        const res = await postSubmit(url, staff, i);
        expect([200, 201], `retry of key ${i}`).toContain(res.status);
        if (acknowledged.has(i)) {
          expect(res.status, `retry of acknowledged key ${i}`).toBe(200);
          expect(res.reference).toBe(acknowledged.get(i));
        }
        references.set(i, res.reference ?? "");
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, retry));
    expect(new Set(references.values()).size).toBe(TOTAL);

    const page = await fetch(`${url}/api/requests?pageSize=1`, { headers: { cookie: reviewer.cookie } });
    expect(((await page.json()) as RequestPage).total, "one request per distinct key").toBe(TOTAL);

    await server.stop();
    expect(server.child.exitCode).toBe(0);
    const db = new DatabaseSync(temp.file, { readOnly: true });
    try {
      expect(db.prepare("PRAGMA integrity_check").get()?.integrity_check).toBe("ok");
      expect(db.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
      const n = (sql: string): number => Number(db.prepare(sql).get()?.n);
      expect(n("SELECT COUNT(*) AS n FROM requests")).toBe(TOTAL);
      expect(n("SELECT COUNT(DISTINCT idempotency_key) AS n FROM requests")).toBe(TOTAL);
      // Each request went in whole: its version and its audit event with it.
      expect(n("SELECT COUNT(*) AS n FROM request_versions")).toBe(TOTAL);
      expect(n("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'submitted'")).toBe(TOTAL);
    } finally {
      db.close();
    }
  },
);
