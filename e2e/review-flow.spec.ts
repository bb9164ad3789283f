/**
 * Submissions and review end to end, in two browsers against the real server and database:
 * staff submit → the reviewer asks for more information → staff amend and resubmit → the
 * reviewer approves → staff see the approval. Every new screen is checked with axe, and text typed
 * into a free-text field is shown as text, never run as markup.
 */
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signedIn } from "./support/accounts";
import { fixtureWith, importDocument } from "./support/app";
import { confirmMissingDocuments, pressSubmit, submitRequest } from "./support/submit";

/**
 * The eligible example for a member of its own: Hemgenix is given once (II.A), so a member with an
 * approved request cannot be approved again, and the tests here approve.
 */
function eligibleForOwnMember(): { doc: ReturnType<typeof fixtureWith>; memberId: string } {
  const memberId = `RF${Date.now().toString(36).toUpperCase()}${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
  return { doc: fixtureWith("eligible", (d) => d.member && (d.member.memberId = memberId)), memberId };
}

/** Staff import the eligible example, submit it from the summary (standard), and read its reference number. */
async function submitEligibleRequest(staff: Page): Promise<string> {
  // Three browsers and a filing (with, at times, the open-request warning to confirm): on a busy
  // machine more than the default 30 s.
  test.setTimeout(60_000);
  await staff.goto("/");
  await importDocument(staff, eligibleForOwnMember().doc, "eligible.json");
  return submitRequest(staff, "Standard");
}

test("staff submit, the reviewer asks for more, staff resubmit, the reviewer approves, staff see it", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const staff = await signedIn(browser, "staff@demo.test");
  await expect(staff).toHaveURL(/\/requests$/);
  await expect(staff.getByRole("heading", { name: "My requests" })).toBeVisible();
  await expectNoAxeViolations(staff);

  // Fill the request by importing the eligible example, then submit from the summary.
  const { doc, memberId } = eligibleForOwnMember();
  await staff.goto("/");
  await importDocument(staff, doc, "eligible.json");
  await staff.goto("/summary");
  await staff.getByLabel("Standard", { exact: true }).check();
  await expectNoAxeViolations(staff);
  // Other tests file the same example member: a warning about its open request is confirmed.
  const reference = await pressSubmit(staff);
  expect(reference).toMatch(/^HGX-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

  // The reviewer finds it in the queue (search by member ID) and asks for more information.
  const reviewer = await signedIn(browser, "reviewer@demo.test");
  await expect(reviewer.getByRole("heading", { name: "Review queue" })).toBeVisible();
  await reviewer.getByLabel("Reference or member ID").fill(memberId);
  await reviewer.getByRole("button", { name: "Search" }).click();
  await expect(reviewer.getByRole("link", { name: reference })).toBeVisible();
  // Pagination (GOV.UK pattern): the first page has no Previous link; the sort goes in the address,
  // the searched member ID never does.
  const pages = reviewer.getByRole("navigation", { name: "Pages" });
  await expect(pages).toContainText(/Page 1 of \d+/);
  await expect(pages.getByRole("link", { name: "Previous page" })).toHaveCount(0);
  await reviewer.getByLabel("Sort by").selectOption("received");
  await expect(reviewer).toHaveURL(/\/review\?sort=received$/);
  await expect(reviewer.getByRole("link", { name: reference })).toBeVisible();
  expect(reviewer.url()).not.toContain(memberId);
  await expectNoAxeViolations(reviewer);
  await reviewer.getByRole("link", { name: reference }).click();
  await expect(reviewer.getByRole("heading", { name: "Prior authorization request summary" })).toBeVisible();
  await reviewer.getByRole("button", { name: "Start review" }).click();
  await expect(reviewer.getByText("In review", { exact: true }).first()).toBeVisible();
  await expectNoAxeViolations(reviewer);
  const message = "Please attach the <script>alert('x')</script> ultrasound report.";
  await reviewer.getByLabel("Request more information").check();
  await reviewer.getByLabel("Message to the practice").fill(message);
  await reviewer.getByRole("button", { name: "Record decision" }).click();
  await expect(reviewer.getByText(message).first()).toBeVisible();

  // Staff see the request sent back, with the message as plain text, and amend it.
  await staff.goto(`/requests/${reference}`);
  await expect(staff.getByRole("heading", { name: "More information requested", exact: true })).toBeVisible();
  await expect(staff.getByText(message).first()).toBeVisible();
  expect(await staff.locator("script", { hasText: "alert('x')" }).count()).toBe(0);
  await expectNoAxeViolations(staff);
  // This browser still holds the submitted draft: replacing it is confirmed first, in the page.
  await staff.getByRole("button", { name: "Amend and resubmit" }).click();
  const replace = staff.getByRole("alertdialog", { name: "Replace the request in progress in this browser?" });
  await expect(replace.getByRole("heading")).toBeFocused();
  await replace.getByRole("button", { name: "Yes, replace them and amend" }).click();
  await expect(staff).toHaveURL(/\/check$/);
  await staff.getByRole("button", { name: "Continue to the summary" }).click();
  await confirmMissingDocuments(staff);
  await staff.getByRole("button", { name: "Resubmit request" }).click();
  await expect(staff.getByRole("heading", { name: "Amended request submitted" })).toBeVisible();

  // The reviewer sees version 2 and approves it.
  await reviewer.reload();
  await expect(reviewer.getByText(/Version 2, /)).toBeVisible();
  await reviewer.getByLabel("Approve").check();
  await reviewer.getByRole("button", { name: "Record decision" }).click();
  await reviewer.getByRole("button", { name: "Confirm approval" }).click();
  await expect(reviewer.getByText(/Authorized from .* through /)).toBeVisible();
  await reviewer.getByRole("link", { name: "Printable decision notice" }).click();
  await expect(reviewer.getByRole("heading", { name: "Notice of decision: Approval" })).toBeVisible();
  await expectNoAxeViolations(reviewer);

  // Staff see the approval, its dates and the history of both versions.
  await staff.goto(`/requests/${reference}`);
  await expect(staff.getByText("Approved", { exact: true }).first()).toBeVisible();
  await expect(staff.getByText(/Authorized from .* through .*one dose of J1411/)).toBeVisible();
  await expect(staff.getByText(/^Version 1: submitted/)).toBeVisible();
  await expect(staff.getByText(/^Version 2: submitted/)).toBeVisible();
});

test("staff of another practice cannot open the request, and a signed-out visitor is asked to sign in", async ({
  browser,
}) => {
  const reference = await submitEligibleRequest(await signedIn(browser, "staff@demo.test"));

  const other = await signedIn(browser, "other-staff@demo.test");
  await other.goto(`/requests/${reference}`);
  await expect(other.getByRole("alert")).toContainText("No request with that reference");

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/review/${reference}`);
  await expect(visitor.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(visitor.getByRole("table")).toContainText("reviewer@demo.test");
  await expectNoAxeViolations(visitor);
});

test("a decision on a request another reviewer just decided is refused, and nothing is overwritten", async ({
  browser,
}) => {
  const reference = await submitEligibleRequest(await signedIn(browser, "staff@demo.test"));

  const first = await signedIn(browser, "reviewer@demo.test");
  const second = await signedIn(browser, "reviewer@demo.test");
  for (const page of [first, second]) {
    await page.goto(`/review/${reference}`);
    await expect(page.getByRole("heading", { name: "Record a decision" })).toBeVisible();
  }
  await first.getByLabel("Approve").check();
  await first.getByRole("button", { name: "Record decision" }).click();
  await first.getByRole("button", { name: "Confirm approval" }).click();
  await expect(first.getByText(/Authorized from/)).toBeVisible();

  await second.getByLabel("Request more information").check();
  await second.getByLabel("Message to the practice").fill("Please attach the liver ultrasound report.");
  await second.getByRole("button", { name: "Record decision" }).click();
  await expect(second.getByRole("alert").filter({ hasText: "The decision was not recorded" })).toContainText(
    "Someone else changed this request",
  );
  await second.getByRole("button", { name: "Reload the request" }).click();
  await expect(second.getByText(/Authorized from/)).toBeVisible();
  await expect(second.getByText(/More information requested on/)).toHaveCount(0);
});
