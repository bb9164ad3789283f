/**
 * Issue 9 §6, focus and links, in Chromium against the real server: focus lands on the new page's
 * heading (or the confirmation) after each action that replaces what was pressed, never on <body>;
 * the skip link is the first Tab stop and leads into the main content; the wizard's back links
 * and the summary's links are links (Ctrl-click opens a new tab); a practice's history is on its
 * page; an empty "My requests" offers to start one.
 */
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { document as fixture } from "@fixtures";
import { DEMO_PASSWORD, expectNoAxeViolations, signedIn } from "./support/accounts";
import { clickContinue, importDocument, startWith } from "./support/app";
import { confirmMissingDocuments } from "./support/submit";

const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const PASSWORD = "focus moves to headings";

/** What has focus, as a short description (so a failure says where focus went instead). */
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (el === null || el === document.body) return "<body>";
    return `<${el.tagName.toLowerCase()}> ${(el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 60)}`;
  });

/** Focus is on `target` (and so not on <body>), once the page has settled. */
async function expectFocusOn(page: Page, target: Locator): Promise<void> {
  await expect(target).toBeVisible();
  await expect(target).toBeFocused();
  expect(await focused(page)).not.toBe("<body>");
}

/**
 * An office-staff account of its own (its own practice), so its server draft and its requests are
 * this test's alone: made through the admin API, as the admin screens do.
 */
async function newStaff(browser: Browser, name: string): Promise<{ page: Page; email: string }> {
  const admin = await signedIn(browser, "admin@demo.test");
  const session = (await (await admin.request.get("/api/session")).json()) as { csrfToken: string };
  const headers = { "x-csrf-token": session.csrfToken };
  const practice = await admin.request.post("/api/admin/practices", {
    headers,
    data: { name: `${name} Clinic ${stamp}` },
  });
  expect(practice.status()).toBe(201);
  const { id } = (await practice.json()) as { id: number };
  const email = `${name.toLowerCase()}-${stamp}@focus.test`;
  const user = await admin.request.post("/api/admin/users", {
    headers,
    data: {
      name: `${name} Staff`,
      email,
      role: "staff",
      practiceId: id,
      password: PASSWORD,
      currentPassword: DEMO_PASSWORD,
    },
  });
  expect(user.status()).toBe(201);
  await admin.context().close();
  return { page: await signedIn(browser, email, PASSWORD), email };
}

test("Continue on the last step, then 'Continue to the summary': focus is on each new page's heading", async ({
  page,
}) => {
  await startWith(page, fixture("eligible"));
  await page.goto("/request/dose");
  await expect(page.locator("#step-title")).toHaveText("Dose");
  await clickContinue(page);
  await expect(page).toHaveURL(/\/check$/);
  await expectFocusOn(page, page.getByRole("heading", { level: 1, name: "Check your answers" }));

  await page.getByRole("button", { name: "Continue to the summary" }).click();
  await expect(page).toHaveURL(/\/summary$/);
  await expectFocusOn(page, page.getByRole("heading", { level: 1, name: "Prior authorization request summary" }));
});

test("discarding or keeping the request on the start page: focus on what happened, or back on the button", async ({
  page,
}) => {
  await startWith(page, fixture("eligible"));
  const ask = page.getByRole("button", { name: "Start a new request" });

  await ask.click();
  await expectFocusOn(page, page.getByRole("heading", { name: "Discard the current request?" }));
  await page.getByRole("button", { name: "No, keep it" }).click();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await expectFocusOn(page, ask);

  await ask.click();
  await page.getByRole("button", { name: "Yes, discard it" }).click();
  await expectFocusOn(page, page.getByText("The previous request was discarded. A new request is ready."));
});

test("keeping this browser's answers over a server draft: focus on the page's heading", async ({ browser }) => {
  test.setTimeout(60_000);
  // One computer: a request typed in, kept on the server a moment later.
  const { page: first, email } = await newStaff(browser, "Draft");
  await first.goto("/request/member");
  await expect(first.getByRole("button", { name: "Sign out" })).toBeVisible();
  // Typed once the server copy is being kept (it loads after the page), saved a moment after typing stops.
  let typed = 0;
  await expect(async () => {
    await first.getByLabel("First name").fill(`Draftina ${++typed}`);
    await expect.poll(async () => (await first.request.get("/api/draft")).status(), { timeout: 4_000 }).toBe(200);
  }).toPass({ timeout: 20_000 });
  // Another computer, nothing typed there: the server draft is offered.
  const second = await signedIn(browser, email, PASSWORD);
  await second.goto("/request/member");
  const offer = second.getByRole("region", { name: "A different draft of yours is saved on the server" });
  await expect(offer).toBeVisible();
  await offer.getByRole("button", { name: "Keep this browser's answers" }).click();
  await expect(offer).toHaveCount(0);
  await expectFocusOn(second, second.getByRole("heading", { level: 1, name: "Member" }));
});

/** A new staff member submits the eligible request from the summary; its confirmation is showing. */
async function submitAsNewStaff(browser: Browser, name: string): Promise<{ staff: Page; reference: string }> {
  const { page: staff } = await newStaff(browser, name);
  await staff.goto("/");
  await importDocument(staff, fixture("eligible"));
  await staff.goto("/summary");
  await staff.getByLabel("Standard", { exact: true }).check();
  await confirmMissingDocuments(staff);
  await staff.getByRole("button", { name: "Submit request" }).click();
  const confirmation = staff.getByRole("status").filter({ hasText: "Your reference number" });
  const reference = (await confirmation.locator("strong").textContent())?.trim() ?? "";
  expect(reference).toMatch(/^HGX-/);
  return { staff, reference };
}

test("Submit: focus on the confirmation", async ({ browser }) => {
  test.setTimeout(60_000);
  const { staff } = await submitAsNewStaff(browser, "Submit");
  await expectFocusOn(staff, staff.getByRole("heading", { name: "Request submitted" }));
});

test("'Start review': focus on the page's heading", async ({ browser }) => {
  test.setTimeout(60_000);
  const { reference } = await submitAsNewStaff(browser, "Review");
  const reviewer = await signedIn(browser, "reviewer@demo.test");
  await reviewer.goto(`/review/${reference}`);
  await reviewer.getByRole("button", { name: "Start review" }).click();
  await expect(reviewer.getByRole("button", { name: "Start review" })).toHaveCount(0);
  await expectFocusOn(reviewer, reviewer.getByRole("heading", { level: 1 }));
});

test("the skip link is the first Tab stop and leads past the header and the step list into the main content", async ({
  page,
}) => {
  await startWith(page, fixture("eligible"));
  await page.goto("/check");
  await expect(page.getByRole("heading", { level: 1, name: "Check your answers" })).toBeVisible();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main-content")).toBeFocused();
  // The next Tab is the page's own first link (its back link), not the header's or the step list's.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("main").getByRole("link", { name: "Back", exact: true })).toBeFocused();

  // Every page has it first, the signed-in ones too.
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main-content")).toBeFocused();
});

test("'Continue to the summary' is reached from the skip link in fewer than 32 Tabs, for a whole request", async ({
  page,
}) => {
  await startWith(page, fixture("eligible"));
  await page.goto("/check");
  await expect(page.getByRole("heading", { level: 1, name: "Check your answers" })).toBeVisible();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main-content")).toBeFocused();
  const button = page.getByRole("button", { name: "Continue to the summary" });
  let tabs = 0;
  while (tabs < 40 && !(await button.evaluate((el) => el === document.activeElement))) {
    await page.keyboard.press("Tab");
    tabs += 1;
  }
  await expect(button).toBeFocused();
  expect(tabs).toBeLessThan(32);
  // One Change link for the liver enzyme panel (it opens the panel's first question).
  await expect(page.getByRole("link", { name: "Change liver enzymes" })).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Change alt" })).toHaveCount(0);
});

test("the wizard's back links are links to the previous page: Ctrl-click opens it in a new tab", async ({ page }) => {
  await startWith(page, fixture("eligible"));
  await page.goto("/request/liver");
  const back = page.getByRole("link", { name: "Back", exact: true });
  await expect(back).toHaveAttribute("href", "/request/inhibitor");
  await expect(page.getByRole("button", { name: "Back", exact: true })).toHaveCount(0);

  const [opened] = await Promise.all([page.context().waitForEvent("page"), back.click({ modifiers: ["Control"] })]);
  await opened.waitForLoadState();
  expect(new URL(opened.url()).pathname).toBe("/request/inhibitor");
  await expect(opened.locator("#step-title")).toHaveText("Inhibitor");
  await opened.close();
  // This tab stayed where it was.
  await expect(page).toHaveURL(/\/request\/liver$/);

  // A plain click goes back within the page.
  await back.click();
  await expect(page).toHaveURL(/\/request\/inhibitor$/);
  await expect(page.locator("#step-title")).toHaveText("Inhibitor");

  // "Check your answers" and the summary: their back links are links too.
  await page.goto("/check");
  await expect(page.getByRole("link", { name: "Back", exact: true })).toHaveAttribute("href", "/request/dose");
  await page.goto("/summary");
  await expect(page.getByRole("link", { name: "Back to check your answers" })).toHaveAttribute("href", "/check");
});

test("the summary's 'Sign in as office staff' is a link: Ctrl-click opens sign-in in a new tab, this one stays", async ({
  page,
}) => {
  await startWith(page, fixture("eligible"));
  await page.goto("/summary");
  const signIn = page.getByRole("link", { name: "Sign in as office staff" });
  await expect(signIn).toHaveAttribute("href", "/sign-in");

  const [opened] = await Promise.all([page.context().waitForEvent("page"), signIn.click({ modifiers: ["Control"] })]);
  await opened.waitForLoadState();
  expect(new URL(opened.url()).pathname).toBe("/sign-in");
  await expect(opened.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await opened.close();
  await expect(page).toHaveURL(/\/summary$/);

  // A plain click goes there within the page.
  await signIn.click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
});

test("a practice's page shows its history: added and renamed, by whom", async ({ browser }) => {
  test.setTimeout(60_000);
  const admin = await signedIn(browser, "admin@demo.test");
  const before = `Westside Clinic ${stamp}`;
  const after = `Westside Hemophilia Clinic ${stamp}`;
  await admin.goto("/admin/practices");
  await admin.getByLabel("Practice name").fill(before);
  await admin.getByRole("button", { name: "Add practice" }).click();
  await expect(admin.getByRole("alert").filter({ hasText: `${before} added` })).toBeVisible();
  await admin.getByRole("link", { name: `Rename ${before}` }).click();
  await admin.getByLabel(`Rename ${before}`).fill(after);
  await admin.getByRole("button", { name: "Save name" }).click();
  await expect(admin).toHaveURL(/\/admin\/practices$/);

  await admin.getByRole("link", { name: after, exact: true }).click();
  await expect(admin.getByRole("heading", { name: "History" })).toBeVisible();
  const history = admin.getByRole("table", { name: "Changes to this practice, newest first" });
  await expect(history.getByRole("row")).toHaveText([
    /When\s*Who\s*What/,
    new RegExp(`Ada Admin\\s*practice renamed \\(${before} → ${after}\\)`),
    new RegExp(`Ada Admin\\s*practice added \\(${before}\\)`),
  ]);
  await expectNoAxeViolations(admin);
  await admin.setViewportSize({ width: 390, height: 844 });
  await expectNoAxeViolations(admin);
});

test("an empty 'My requests' offers to start a request", async ({ browser }) => {
  test.setTimeout(60_000);
  // A new practice's first staff member: no requests yet, and a way to start one.
  const { page: staff } = await newStaff(browser, "Empty");
  await staff.goto("/requests");
  await expect(staff.getByRole("heading", { level: 1, name: "My requests" })).toBeVisible();
  await expect(staff.getByText("No requests submitted yet.")).toBeVisible();
  const start = staff.getByRole("main").getByRole("link", { name: "Start a request" });
  await expectNoAxeViolations(staff);
  await staff.setViewportSize({ width: 390, height: 844 });
  await expectNoAxeViolations(staff);
  await start.click();
  await expect(staff).toHaveURL(/\/$/);
  await expect(
    staff.getByRole("heading", { level: 1, name: "Request prior authorization for Hemgenix" }),
  ).toBeVisible();
});
