/**
 * Setting a request up through the real API as the signed-in browser (its cookies, its CSRF
 * token), for tests about what happens after: the reviewer's screens, printouts, notices.
 */
import { expect, type Page } from "@playwright/test";
import type { RequestDocument } from "@/criteria";
import type { RequestDetail, SessionInfo } from "@/contract";

async function csrfOf(page: Page): Promise<string> {
  const res = await page.request.get("/api/session");
  expect(res.status()).toBe(200);
  return ((await res.json()) as SessionInfo).csrfToken;
}

async function post(page: Page, url: string, data: unknown): Promise<unknown> {
  const res = await page.request.post(url, { data, headers: { "x-csrf-token": await csrfOf(page) } });
  expect(res.ok(), `${url}: ${res.status()} ${await res.text()}`).toBe(true);
  return res.json();
}

const unique = (): string => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`.toUpperCase();

/**
 * Files `document` as a standard request under a member ID of its own, so tests running side by
 * side never meet another's open request for the same member.
 */
export async function submitByApi(staff: Page, document: RequestDocument): Promise<string> {
  const key = `e2e-${unique()}`;
  const own = { ...document, member: { ...document.member, memberId: `E2E${unique()}`.slice(0, 40) } };
  const body = (await post(staff, "/api/requests", { document: own, expedited: false, idempotencyKey: key })) as {
    reference: string;
  };
  return body.reference;
}

/** Files `document` as it is (its own member ID kept), as a standard request. */
export async function submitAsIsByApi(staff: Page, document: RequestDocument): Promise<string> {
  const body = (await post(staff, "/api/requests", {
    document,
    expedited: false,
    idempotencyKey: `e2e-${unique()}`,
  })) as { reference: string };
  return body.reference;
}

export async function detailByApi(page: Page, reference: string): Promise<RequestDetail> {
  const res = await page.request.get(`/api/requests/${reference}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as RequestDetail;
}

export async function amendByApi(staff: Page, reference: string, document: RequestDocument): Promise<void> {
  const { rowVersion } = await detailByApi(staff, reference);
  await post(staff, `/api/requests/${reference}/versions`, { document, expectedRowVersion: rowVersion });
}

export async function decideByApi(
  reviewer: Page,
  reference: string,
  decision: { kind: "approve" | "deny" | "request_info"; message?: string; criteria?: string[] },
): Promise<void> {
  const { rowVersion } = await detailByApi(reviewer, reference);
  await post(reviewer, `/api/requests/${reference}/decision`, { ...decision, expectedRowVersion: rowVersion });
}

/** Where to keep screenshots and PDFs for a person to look at (SCREENSHOT_DIR=/tmp/shots); nowhere by default. */
export const keepFor = (name: string): string | undefined => {
  const dir = process.env.SCREENSHOT_DIR;
  return dir === undefined || dir === "" ? undefined : `${dir}/${name}`;
};
