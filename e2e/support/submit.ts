/**
 * Submitting from the summary as office staff: choose standard or expedited, press "Submit
 * request", and read the reference. Several tests file the same example member in one database,
 * so the warning about the member's open request may come: `submitRequest` confirms it.
 */
import { expect, type Browser, type Page, type Response } from "@playwright/test";
import { DEMO_PASSWORD, signedIn } from "./accounts";

export type Kind = "Standard" | "Expedited";

/** The confirmation shown once the request is filed. */
export const confirmation = (page: Page) => page.getByRole("status").filter({ hasText: "Your reference number" });

/** The warning that the member has an open request. */
export const openRequestWarning = (page: Page) =>
  page.getByRole("alert").filter({ hasText: "This member already has an open request" });

/**
 * Ticks "I confirm I am submitting without these documents" when required documents are missing
 * (#11), once the panel knows what is attached (its button is enabled then).
 */
export async function confirmMissingDocuments(page: Page): Promise<void> {
  await expect(page.getByRole("button", { name: /^(Submit|Resubmit) request$/ })).toBeEnabled();
  const confirm = page.getByRole("checkbox", { name: /^I confirm I am submitting without th/ });
  if (await confirm.isVisible()) await confirm.check();
}

/** Presses "Submit request" (the kind already chosen), confirms a warning about an open request, returns the reference. */
export async function pressSubmit(page: Page): Promise<string> {
  await confirmMissingDocuments(page);
  await page.getByRole("button", { name: "Submit request" }).click();
  const warned = openRequestWarning(page);
  await expect(confirmation(page).or(warned)).toBeVisible();
  if (await warned.isVisible()) await page.getByRole("button", { name: "Yes, submit another request" }).click();
  await expect(confirmation(page)).toBeVisible();
  return (await confirmation(page).locator("strong").textContent())?.trim() ?? "";
}

/** Opens the summary, chooses `kind`, submits and returns the reference. */
export async function submitRequest(page: Page, kind: Kind = "Standard"): Promise<string> {
  await page.goto("/summary");
  await page.getByLabel(kind, { exact: true }).check();
  return pressSubmit(page);
}

/** Waits for this browser's next draft save to the server (PUT /api/draft) to be answered. */
export const nextDraftSave = (page: Page): Promise<Response> =>
  page.waitForResponse((r) => r.url().endsWith("/api/draft") && r.request().method() === "PUT");

let accounts = 0;

/**
 * A staff account of its own (in the first practice), added by the demo admin: each person has one
 * server draft, so tests about it must not share a person with tests running beside them.
 * Returns a sign-in for it (each call a new browser: a new computer).
 */
export async function ownStaffAccount(browser: Browser): Promise<() => Promise<Page>> {
  const admin = await signedIn(browser, "admin@demo.test");
  const session = (await (await admin.request.get("/api/session")).json()) as { csrfToken: string };
  const headers = { "x-csrf-token": session.csrfToken };
  const { practices } = (await (await admin.request.get("/api/admin/practices")).json()) as {
    practices: { id: number }[];
  };
  accounts += 1;
  const email = `drafts-${Date.now().toString(36)}-${process.pid}-${accounts}@demo.test`;
  const password = "e2e drafts staff passphrase";
  const added = await admin.request.post("/api/admin/users", {
    headers,
    data: {
      name: "Drafts Tester",
      email,
      role: "staff",
      practiceId: practices[0]?.id,
      password,
      currentPassword: DEMO_PASSWORD,
    },
  });
  expect(added.status(), await added.text()).toBe(201);
  await admin.context().close();
  return () => signedIn(browser, email, password);
}
