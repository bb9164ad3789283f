/**
 * Nothing filed by default, nothing filed twice, and a server draft offered only when it is
 * really another one: office staff in two browsers (two computers) against the real server.
 * Requests are put into the wizard by importing a document, so these tests do not depend on how
 * each question is typed.
 */
import { expect, test, type Page } from "@playwright/test";
import type { RequestDocument } from "@/criteria";
import { expectNoAxeViolations, signedIn } from "./support/accounts";
import { errorSummary, fixtureWith, importDocument, startWith } from "./support/app";
import {
  confirmMissingDocuments,
  confirmation,
  nextDraftSave,
  openRequestWarning,
  ownStaffAccount,
  pressSubmit,
  submitRequest,
} from "./support/submit";

// Two or three browsers per test, and waits for the draft's save delay: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

let members = 0;
/** The eligible example for a member no other test files. */
const eligibleFor = (change?: (doc: RequestDocument) => void): { doc: RequestDocument; memberId: string } => {
  members += 1;
  const memberId = `E2E${Date.now().toString(36).toUpperCase()}${process.pid}${members}`;
  const doc = fixtureWith("eligible", (d) => {
    if (d.member !== undefined) d.member.memberId = memberId;
    change?.(d);
  });
  return { doc, memberId };
};

/** How many of this practice's requests are for `memberId` (searched as staff: the text in the body, never the address). */
async function requestsFor(page: Page, memberId: string): Promise<number> {
  const session = (await (await page.request.get("/api/session")).json()) as { csrfToken: string };
  const res = await page.request.post("/api/requests/search", {
    data: { q: memberId },
    headers: { "x-csrf-token": session.csrfToken },
  });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { total: number }).total;
}

/** axe at desktop and at phone size (the page's own size restored after). */
async function expectAccessibleAtBothSizes(page: Page): Promise<void> {
  const size = page.viewportSize();
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoAxeViolations(page);
  if (size !== null) await page.setViewportSize(size);
}

const draftRead = (page: Page) =>
  page.waitForResponse((r) => r.url().endsWith("/api/draft") && r.request().method() === "GET");

/**
 * Imports `doc` on the start page and waits until the server holds it as this person's draft (a
 * different draft offered first is set aside: "Keep this browser's answers").
 */
async function importAndSave(page: Page, doc: RequestDocument): Promise<void> {
  const read = draftRead(page);
  await page.goto("/");
  await read;
  await page.waitForTimeout(300);
  if (await resumeButton(page).isVisible())
    await page.getByRole("button", { name: "Keep this browser's answers" }).click();
  const saved = nextDraftSave(page);
  await importDocument(page, doc);
  expect((await saved).status()).toBe(204);
}

/** The offer of a server draft (its name, new or old wording: "…saved on the server"). */
const offer = (page: Page) => page.getByRole("region", { name: /saved on the server/ });
const resumeButton = (page: Page) => page.getByRole("button", { name: "Resume the server draft" });

/**
 * Collects the layout shifts of the page's main content from now on (Chromium's Layout
 * Instability API); the header's account links, loading on their own, are not this test's.
 */
async function watchLayoutShifts(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { shifts: number };
    const main = document.getElementById("main");
    w.shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const shift = entry as unknown as { value: number; sources: { node?: Node | null }[] };
        if (shift.sources.some((source) => source.node != null && main?.contains(source.node) === true))
          w.shifts += shift.value;
      }
    }).observe({ type: "layout-shift" });
  });
}
const layoutShifts = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { shifts: number }).shifts);

test("Submit with neither standard nor expedited chosen asks and files nothing; the confirmation names the kind and due time", async ({
  browser,
}) => {
  const staff = await (await ownStaffAccount(browser))();
  const { doc, memberId } = eligibleFor();
  await startWith(staff, doc);
  await staff.goto("/summary");
  const posts: string[] = [];
  staff.on("request", (r) => {
    if (r.method() === "POST" && r.url().endsWith("/api/requests")) posts.push(r.url());
  });

  await confirmMissingDocuments(staff);
  await staff.getByRole("button", { name: "Submit request" }).click();
  const summary = errorSummary(staff);
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText("Select whether the request is standard or expedited");
  const group = staff.getByRole("group", { name: "Is this request standard or expedited?" });
  await expect(group).toHaveAccessibleDescription(/Select whether the request is standard or expedited/);
  await expectAccessibleAtBothSizes(staff);
  await summary.getByRole("link").click();
  await expect(staff.getByLabel("Standard", { exact: true })).toBeFocused();
  expect(posts).toEqual([]);
  expect(await requestsFor(staff, memberId)).toBe(0);
  await expect(confirmation(staff)).toHaveCount(0);

  await staff.getByLabel("Expedited", { exact: true }).check();
  await expect(summary).toHaveCount(0);
  const answer = staff.waitForResponse((r) => r.url().endsWith("/api/requests") && r.request().method() === "POST");
  await staff.getByRole("button", { name: "Submit request" }).click();
  const { dueAt } = (await (await answer).json()) as { dueAt: string };
  const hours = (Date.parse(dueAt) - Date.now()) / 3_600_000;
  expect(hours).toBeGreaterThan(71.9);
  expect(hours).toBeLessThanOrEqual(72);
  const when = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: await staff.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
  }).format(new Date(dueAt));
  await expect(confirmation(staff)).toContainText(`Expedited: a decision is due by ${when}.`);
  await expect(staff.getByRole("heading", { name: "Request submitted" })).toBeFocused();
  expect(await requestsFor(staff, memberId)).toBe(1);
  await expectAccessibleAtBothSizes(staff);
  // After a reload the confirmation still says so.
  await staff.reload();
  await expect(confirmation(staff)).toContainText(`Expedited: a decision is due by ${when}.`);

  // Standard is 7 days.
  const second = eligibleFor();
  await startWith(staff, second.doc);
  await submitRequest(staff, "Standard");
  await expect(confirmation(staff)).toContainText(
    /Standard: a decision is due by \d{1,2} \w{3,4} \d{4}, \d{2}:\d{2}\./,
  );
});

test("after submitting, the same person on another computer is not offered the filed request's draft", async ({
  browser,
}) => {
  const computer = await ownStaffAccount(browser);
  const first = await computer();
  const { doc, memberId } = eligibleFor();
  await importAndSave(first, doc);
  await submitRequest(first, "Standard");

  const second = await computer();
  const draft = draftRead(second);
  await second.goto("/");
  expect((await draft).status()).toBe(204);
  await second.waitForTimeout(1000);
  await expect(resumeButton(second)).toHaveCount(0);
  await expect(second.getByText("A draft of yours was saved on the server")).toHaveCount(0);
  await expect(offer(second)).toHaveCount(0);
  // And the filed request does not come back as a draft when the first computer goes on.
  await first.goto("/check");
  await first.waitForTimeout(2000);
  await second.reload();
  await second.waitForTimeout(1000);
  await expect(offer(second)).toHaveCount(0);
  expect(await requestsFor(second, memberId)).toBe(1);
});

test("a second request for the same member warns with the open one's reference and files only once confirmed", async ({
  browser,
}) => {
  const staff = await (await ownStaffAccount(browser))();
  const { doc, memberId } = eligibleFor();
  await startWith(staff, doc);
  const firstReference = await submitRequest(staff, "Standard");

  // The same member again, as a new request (an import starts a new one).
  await startWith(staff, doc);
  await staff.goto("/summary");
  await staff.getByLabel("Standard", { exact: true }).check();
  await confirmMissingDocuments(staff);
  await staff.getByRole("button", { name: "Submit request" }).click();
  const warning = openRequestWarning(staff);
  await expect(warning).toBeVisible();
  await expect(warning.getByRole("heading", { name: "This member already has an open request" })).toBeFocused();
  const today = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" }).format(
    new Date(),
  );
  await expect(warning).toContainText(
    `${firstReference} for this member is still open (submitted ${today}). Submit another request anyway?`,
  );
  await expect(confirmation(staff)).toHaveCount(0);
  expect(await requestsFor(staff, memberId)).toBe(1);
  await expectAccessibleAtBothSizes(staff);

  // "No" files nothing; asking again warns again; "Yes" files it.
  await staff.getByRole("button", { name: "No, do not submit" }).click();
  await expect(warning).toHaveCount(0);
  expect(await requestsFor(staff, memberId)).toBe(1);
  const secondReference = await pressSubmit(staff);
  expect(secondReference).toMatch(/^HGX-/);
  expect(secondReference).not.toBe(firstReference);
  expect(await requestsFor(staff, memberId)).toBe(2);
  expect(staff.url()).not.toContain(memberId);
});

test("moving on right after typing shows no server-draft banner and does not move the page", async ({ browser }) => {
  const staff = await (await ownStaffAccount(browser))();
  const { doc } = eligibleFor();
  await importAndSave(staff, doc);
  const read = draftRead(staff);
  await staff.goto("/request/member");
  await expect(staff.locator("#step-title")).toHaveText("Member");
  // The server draft is this browser's own: no offer.
  await read;
  await expect(offer(staff)).toHaveCount(0);

  // Type, then Continue at once (the save to the server is still waiting).
  await staff.getByLabel("First name").fill("Bea");
  await staff.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(staff.locator("#step-title")).toHaveText("Prescriber");
  await watchLayoutShifts(staff);
  const title = staff.locator("#step-title");
  const before = await title.boundingBox();
  for (let i = 0; i < 8; i++) {
    await expect(resumeButton(staff)).toHaveCount(0);
    await expect(offer(staff)).toHaveCount(0);
    await staff.waitForTimeout(250);
  }
  expect(await title.boundingBox()).toEqual(before);
  expect(await layoutShifts(staff)).toBe(0);
  // The typing reached the server meanwhile; a reload still offers nothing (it is this browser's).
  await staff.reload();
  await staff.waitForTimeout(1000);
  await expect(offer(staff)).toHaveCount(0);

  // Type, then straight on to the summary (which reads the server draft again while this
  // browser's newest save is still on its way): still nothing offered.
  const readAgain = draftRead(staff);
  await staff.goto("/request/member?return=check");
  await readAgain;
  await staff.getByLabel("First name").fill("Cy");
  await staff.getByRole("button", { name: "Continue", exact: true }).click();
  await staff.getByRole("button", { name: "Continue to the summary" }).click();
  await expect(staff.getByRole("heading", { name: "Prior authorization request summary" })).toBeVisible();
  for (let i = 0; i < 8; i++) {
    await expect(offer(staff)).toHaveCount(0);
    await staff.waitForTimeout(250);
  }
});

test("a different draft saved on another computer is offered without moving the page; resuming says what it replaces; discarding ends it for good", async ({
  browser,
}) => {
  const computer = await ownStaffAccount(browser);
  const here = await computer();
  const there = await computer();
  const { doc } = eligibleFor();
  await importAndSave(here, doc);

  // The other computer saves a different draft: another first name and another factor IX level.
  const other = structuredClone(doc);
  if (other.member !== undefined) other.member.firstName = "Bea";
  if (other.diagnosis !== undefined) other.diagnosis.factorIxActivityPercent = 1.5;
  await importAndSave(there, other);

  await here.goto("/request/member");
  await expect(here.locator("#step-title")).toHaveText("Member");
  await watchLayoutShifts(here);
  const title = here.locator("#step-title");
  const before = await title.boundingBox();
  await expect(offer(here)).toBeVisible();
  expect(await title.boundingBox()).toEqual(before);
  expect(await layoutShifts(here)).toBe(0);
  await expectAccessibleAtBothSizes(here);

  // Resuming lists the answers it replaces and asks first.
  await resumeButton(here).click();
  await expect(offer(here)).toContainText("Resuming it replaces these answers in this browser (2 pages):");
  await expect(offer(here).getByRole("listitem")).toHaveText([
    "Member: Member's first name",
    "Diagnosis: Baseline factor IX activity",
  ]);
  await expect(here.getByLabel("First name")).toHaveValue("Ada");
  await expectAccessibleAtBothSizes(here);
  await here.getByRole("button", { name: "Yes, replace these answers" }).click();
  await expect(offer(here)).toHaveCount(0);
  await expect(here.getByLabel("First name")).toHaveValue("Bea");

  // The other computer changes it again; here, the request is discarded instead.
  const third = structuredClone(other);
  if (third.member !== undefined) third.member.firstName = "Cy";
  await importAndSave(there, third);
  await here.goto("/");
  await expect(offer(here)).toBeVisible();
  await here.getByRole("button", { name: "Start a new request" }).click();
  await here.getByRole("button", { name: "Yes, discard it" }).click();
  await expect(offer(here)).toHaveCount(0);
  for (let i = 0; i < 8; i++) {
    await expect(offer(here)).toHaveCount(0);
    await here.waitForTimeout(250);
  }
  await here.reload();
  await here.waitForTimeout(1000);
  await expect(offer(here)).toHaveCount(0);
  // Gone from the server too: the other computer, reloading with its own answers, is not offered it either.
  const draft = await here.request.get("/api/draft");
  expect(draft.status()).toBe(204);
});

test("while amending a request, an older draft is never offered in place of the amendment", async ({ browser }) => {
  const computer = await ownStaffAccount(browser);
  const staff = await computer();
  const { doc } = eligibleFor();
  await startWith(staff, doc);
  const reference = await submitRequest(staff, "Standard");

  // An unrelated draft of a new request is saved (another computer, say).
  const elsewhere = await computer();
  await importAndSave(elsewhere, eligibleFor((d) => d.member && (d.member.firstName = "Older")).doc);

  const reviewer = await signedIn(browser, "reviewer@demo.test");
  await reviewer.goto(`/review/${reference}`);
  await reviewer.getByLabel("Request more information").check();
  await reviewer.getByLabel("Message to the practice").fill("Please attach the ultrasound report.");
  await reviewer.getByRole("button", { name: "Record decision" }).click();
  await expect(reviewer.getByText("Please attach the ultrasound report.").first()).toBeVisible();

  await staff.goto(`/requests/${reference}`);
  await staff.getByRole("button", { name: "Amend and resubmit" }).click();
  // The answers in this browser are replaced only once the person says so, in the page.
  await staff.getByRole("button", { name: "Yes, replace them and amend" }).click();
  await expect(staff).toHaveURL(/\/check$/);
  await staff.waitForTimeout(1500);
  await expect(offer(staff)).toHaveCount(0);
  await staff.reload();
  await staff.waitForTimeout(1000);
  await expect(offer(staff)).toHaveCount(0);
  await expect(resumeButton(staff)).toHaveCount(0);
  await staff.getByRole("button", { name: "Continue to the summary" }).click();
  await confirmMissingDocuments(staff);
  await staff.getByRole("button", { name: "Resubmit request" }).click();
  await expect(staff.getByRole("heading", { name: "Amended request submitted" })).toBeVisible();
});

test("answers changed after filing are never shown as submitted; the summary says so and links to the filed request", async ({
  browser,
}) => {
  const computer = await ownStaffAccount(browser);
  const page = await computer();
  const { doc } = eligibleFor();
  await importAndSave(page, doc);
  const reference = await submitRequest(page, "Standard");
  // Back in the wizard, the exposure days are changed after filing.
  await page.goto("/request/exposure-days");
  await page.getByLabel("Cumulative factor IX exposure days").fill("151");
  await page.goto("/summary");
  await expect(page.getByRole("heading", { name: `Changed since ${reference} was submitted` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Request submitted" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: `See ${reference} as submitted` }).click();
  await expect(page).toHaveURL(new RegExp(`/requests/${reference}/summary$`));
});
