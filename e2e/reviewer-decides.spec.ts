/**
 * The reviewer sees the evidence and decides deliberately (issue 9, section 2), against the real
 * server: each criterion's values on the request page; a resubmission's changes since the version
 * the reviewer last opened, and its mark in the queue; the reviewer's message shown to staff on the
 * amendment itself; approval confirmed in the page with its period and dose, with a note; the audit
 * trail in words, with one "viewed" for a page opened twice in a minute. Axe at desktop and phone sizes.
 */
import { expect, test, type Page } from "@playwright/test";
import { authorizationPeriod, formatPeriod } from "@/criteria";
import { eligible } from "@fixtures";
import { expectNoAxeViolations, signedIn } from "./support/accounts";
import { amendByApi, decideByApi, detailByApi, keepFor, submitAsIsByApi, submitByApi } from "./support/requests-api";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/** Axe at both sizes, with a screenshot of each to look at (kept when SCREENSHOT_DIR is set). */
async function checkBothSizes(page: Page, name: string): Promise<void> {
  for (const [size, viewport] of [
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: keepFor(`${name}-${size}.png`), fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
}

test("the reviewer reads each criterion's values, a resubmission's changes, and confirms an approval with its period and dose", async ({
  browser,
}) => {
  test.setTimeout(240_000); // a long journey with axe at two sizes on each of five screens: slow on a busy machine
  const staff = await signedIn(browser, "staff@demo.test");
  const reference = await submitByApi(staff, eligible());

  // The values behind each criterion, not only "within normal limits".
  const reviewer = await signedIn(browser, "reviewer@demo.test");
  await reviewer.goto(`/review/${reference}`);
  const values = (id: string) => reviewer.getByRole("list", { name: `Values for ${id}` });
  await expect(values("I.A.8.a")).toContainText("ALT: 30 / upper limit 56");
  await expect(values("I.A.8.a")).toContainText("AST: 25 / upper limit 40");
  await expect(values("I.A.8.a")).toContainText("Drawn: 20 Oct 2026");
  await expect(values("I.A.7.b")).toContainText("Assay 1: 0.2 BU, 2 Oct 2026");
  await expect(values("I.A.10")).toContainText("AAV5 antibodies: Detected, titer 1:300");
  await expect(values("I.A.11")).toContainText("Weight: 80 kg");
  await expect(values("I.A.11")).toContainText("Total: 1.6 × 10^15 genome copies = 160 mL, 16 vials");
  await expect(values("I.A.3")).toContainText("Date of birth: 12 Apr 1985 (age 41 on 27 Nov 2026)");
  await checkBothSizes(reviewer, "review-evidence");

  // Request more information: the message reaches staff on the amendment itself, in the page.
  const message = "Please send an ALT drawn this month, with its reference range.";
  await reviewer.getByLabel("Request more information").check();
  await reviewer.getByLabel("Message to the practice").fill(message);
  await reviewer.getByRole("button", { name: "Record decision" }).click();
  // The form gives way to what was recorded, which takes the focus.
  const recorded = reviewer.getByRole("heading", { name: "Decision recorded: More information requested" });
  await expect(recorded).toBeFocused();
  await expect(reviewer.getByRole("heading", { name: "Record a decision" })).toBeHidden();
  await expect(reviewer.getByText(message).first()).toBeVisible();
  await checkBothSizes(reviewer, "decision-recorded");

  let dialogs = 0;
  staff.on("dialog", (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await staff.goto(`/requests/${reference}`);
  await staff.getByRole("button", { name: "Amend and resubmit" }).click();
  await expect(staff).toHaveURL(/\/check$/);
  const asked = staff.getByRole("region", {
    name: `Amending request ${reference}: the reviewer asked for more information`,
  });
  await expect(asked).toContainText(message);
  await checkBothSizes(staff, "amendment-check");
  // …and on every page of the wizard while amending, the summary too.
  await staff.getByRole("button", { name: "Continue to the summary" }).click();
  await expect(asked).toContainText(message);
  expect(dialogs).toBe(0);

  // Staff resubmit with a new ALT (through the API: the screens above are what this test is about).
  const { document: submitted } = await detailByApi(staff, reference);
  await amendByApi(staff, reference, {
    ...submitted,
    liver: {
      ...submitted.liver,
      enzymes: { ...submitted.liver?.enzymes, date: "2026-11-26", alt: { value: 25, upperLimit: 40 } },
    },
  });

  // The queue marks the resubmission in words.
  await reviewer.goto("/review?sort=received");
  const row = reviewer.getByRole("row").filter({ has: reviewer.getByRole("link", { name: reference }) });
  await expect(row).toContainText("Resubmitted (version 2)");
  await checkBothSizes(reviewer, "queue-resubmitted");

  // What changed since version 1, the one this reviewer opened, field by field.
  await row.getByRole("link", { name: reference }).click();
  const changes = reviewer.getByRole("region", {
    name: "Changed in version 2 since version 1, the last one you opened",
  });
  await expect(changes).toBeVisible();
  const changed = (label: string) =>
    changes.getByRole("row").filter({ has: reviewer.getByRole("rowheader", { name: label, exact: true }) });
  await expect(changed("Liver enzymes date")).toContainText(/20 Oct 2026\s*26 Nov 2026/);
  await expect(changed("ALT")).toContainText(/30 U\/L\s*25 U\/L/);
  await expect(changed("ALT upper limit of normal")).toContainText(/56 U\/L\s*40 U\/L/);
  await expect(changes.getByRole("row")).toHaveCount(4); // the header and three changes
  await checkBothSizes(reviewer, "review-changes");

  // Opened twice within a minute: one "viewed" entry for this version.
  await reviewer.reload();
  await expect(changes).toBeVisible();
  const audit = reviewer.getByRole("table", { name: "Every read and change of this request" });
  const viewedByMe = audit
    .getByRole("row")
    .filter({ hasText: "Dr. Rita Reviewer" })
    .filter({ hasText: "viewed (version 2)" });
  await expect(viewedByMe).toHaveCount(1);
  await expect(audit).toContainText("requested more information (version 1)");
  await expect(audit).not.toContainText("decision:");

  // Approve: confirmed in the page with the period and the dose written out, with a note.
  await reviewer.getByLabel("Approve").check();
  await reviewer.getByLabel("Note for the record (optional)").fill("New ALT within limits; checked the lab report.");
  await reviewer.getByRole("button", { name: "Record decision" }).click();
  const confirm = reviewer.getByRole("region", { name: "Confirm the approval" });
  await expect(confirm.getByRole("heading", { name: "Confirm the approval" })).toBeFocused();
  const period = formatPeriod(authorizationPeriod(new Date().toISOString().slice(0, 10)));
  await expect(confirm).toContainText(
    `Approve Hemgenix for Ada Example: authorized ${period}, one dose of 2 × 10^13 gc/kg for 80 kg = 160 mL, 16 vials.`,
  );
  await expect(confirm).toContainText("Note: New ALT within limits; checked the lab report.");
  await checkBothSizes(reviewer, "approve-confirmation");
  // Changing one's mind records nothing.
  await confirm.getByRole("button", { name: "Change the decision" }).click();
  await expect(reviewer.getByRole("heading", { name: "Record a decision" })).toBeVisible();
  await expect(reviewer.getByLabel("Note for the record (optional)")).toHaveValue(
    "New ALT within limits; checked the lab report.",
  );
  await reviewer.getByRole("button", { name: "Record decision" }).click();
  await reviewer.getByRole("button", { name: "Confirm approval" }).click();
  await expect(reviewer.getByRole("heading", { name: "Decision recorded: Approved" })).toBeFocused();
  await expect(reviewer.getByText(/^Approved on .* by Dr\. Rita Reviewer \(version 2\)$/)).toBeVisible();
  await expect(reviewer.getByText("New ALT within limits; checked the lab report.")).toBeVisible();
  await expect(audit).toContainText("approved (version 2)");
});

test("Hemgenix is given once: the reviewer sees the member's other requests, and a second approval is refused", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const memberId = `ONCE${Date.now().toString(36).toUpperCase()}`;
  const forMember = eligible((d) => d.member && (d.member.memberId = memberId));
  // Two practices file for the same member.
  const first = await submitAsIsByApi(await signedIn(browser, "staff@demo.test"), forMember);
  const second = await submitAsIsByApi(await signedIn(browser, "other-staff@demo.test"), forMember);
  const reviewer = await signedIn(browser, "reviewer@demo.test");
  await decideByApi(reviewer, first, { kind: "approve" });

  await reviewer.goto(`/review/${second}`);
  const others = reviewer.getByRole("region", { name: "Other requests for this member" });
  await expect(others).toContainText(`${first} is approved. Hemgenix is given once (II.A)`);
  await expect(others.getByRole("link", { name: first })).toHaveAttribute("href", `/review/${first}`);
  await expectNoAxeViolations(reviewer);
  // Approving anyway is refused, with the reason, and nothing is recorded.
  await reviewer.getByLabel("Approve").check();
  await reviewer.getByRole("button", { name: "Record decision" }).click();
  await reviewer.getByRole("button", { name: "Confirm approval" }).click();
  await expect(reviewer.getByText(`${first} for this member is already approved`)).toBeVisible();
  expect((await detailByApi(reviewer, second)).status).toBe("submitted");
});
