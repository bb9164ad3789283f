/**
 * Printouts an office would fax (issue 9, section 3), printed to PDF by Chromium and read back with
 * unpdf (no system tool): the wizard's summary numbers its pages; the summary of a submitted request carries its
 * reference, practice, received date, version, page numbers and the submitter on the attestation;
 * the decision notice, opened by office staff from their request, names the member, prescriber,
 * decision, period, dose, reviewer and how to appeal.
 */
import { writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { formatDate, formatPeriod } from "@/criteria";
import { eligible } from "@fixtures";
import { expectNoAxeViolations, signedIn } from "./support/accounts";
import { startWith } from "./support/app";
import { readPdf } from "./support/pdf";
import { decideByApi, detailByApi, keepFor, submitByApi } from "./support/requests-api";

/** The page printed to PDF (Letter) as text, with the number of pages (a copy kept in SCREENSHOT_DIR, if set). */
async function printed(page: Page, name: string): Promise<{ text: string; pages: number }> {
  const pdf = await page.pdf({ format: "Letter" });
  const keep = keepFor(`${name}.pdf`);
  if (keep !== undefined) writeFileSync(keep, pdf);
  const { text, pages } = await readPdf(pdf);
  return { text, pages };
}

test("the wizard's printed summary numbers its pages in the bottom margin and keeps its status cells whole", async ({
  page,
}) => {
  await startWith(page, eligible());
  await page.getByRole("link", { name: "Check your answers" }).click();
  await page.getByRole("button", { name: "Continue to the summary" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Prior authorization request summary" })).toBeVisible();
  const { text, pages } = await printed(page, "summary-wizard");
  // The README says two Letter pages: keep it true.
  expect(pages).toBe(2);
  expect(text).toContain("Page 1 of 2");
  expect(text).toContain("Page 2 of 2");
  expect(text).toContain("Not applicable");
});

test("the printed summary of a submitted request carries its reference, practice, received date, version, page numbers and the submitter", async ({
  browser,
}) => {
  const staff = await signedIn(browser, "staff@demo.test");
  const reference = await submitByApi(staff, eligible());
  const detail = await detailByApi(staff, reference);

  const reviewer = await signedIn(browser, "reviewer@demo.test");
  await reviewer.goto(`/review/${reference}`);
  await expect(reviewer.getByRole("heading", { name: "Prior authorization request summary" })).toBeVisible();
  const { text, pages } = await printed(reviewer, "summary-submitted");

  expect(text).toContain(`Reference: ${reference}`);
  expect(text).toContain("Practice: Demo Hematology Clinic");
  expect(text).toMatch(/Received: \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d/);
  expect(text).toContain("Version: 1");
  expect(pages).toBeGreaterThan(1);
  for (let n = 1; n <= pages; n++) expect(text).toContain(`Page ${n} of ${pages}`);
  // The attestation is filled with who submitted it and when (the day, in this browser's time zone: UTC here).
  expect(text).toMatch(new RegExp(`Name Sam Staff Date ${formatDate(detail.versions[0]?.submittedAt ?? "")}`));
  expect(text).toContain("ALT: 30 / upper limit 56");
  expect(text).not.toContain("Record a decision");
  expect(text).not.toContain("Print or save as PDF");
});

test("office staff print their submitted request's summary from its page, with reference, practice, version and their name on the attestation", async ({
  browser,
}) => {
  const staff = await signedIn(browser, "staff@demo.test");
  const reference = await submitByApi(staff, eligible());
  await staff.goto(`/requests/${reference}`);
  await staff.getByRole("link", { name: "Summary as submitted (to print or save as PDF)" }).click();
  await expect(staff).toHaveURL(new RegExp(`/requests/${reference}/summary$`));
  await expect(staff.getByRole("heading", { name: "Prior authorization request summary" })).toBeVisible();
  await expectNoAxeViolations(staff);
  const { text, pages } = await printed(staff, "summary-staff");
  expect(text).toContain(`Reference: ${reference}`);
  expect(text).toContain("Practice: Demo Hematology Clinic");
  expect(text).toContain("Version: 1");
  expect(text).toMatch(/Name Sam Staff Date \d{1,2} [A-Z][a-z]{2} \d{4}/);
  expect(text).toContain(`Page ${pages} of ${pages}`);
  expect(text).not.toContain("Back to the request");
});

test("office staff open the decision notice from their request; it prints with member, prescriber, decision, period, dose, reviewer and how to appeal", async ({
  browser,
}) => {
  const staff = await signedIn(browser, "staff@demo.test");
  const reference = await submitByApi(staff, eligible());
  const reviewer = await signedIn(browser, "reviewer@demo.test");
  await decideByApi(reviewer, reference, { kind: "approve", message: "Approved after reading the lab reports." });
  const decided = await detailByApi(reviewer, reference);
  const decision = decided.decisions.at(-1);
  expect(decision?.authorizedFrom).toBeTruthy();

  await staff.goto(`/requests/${reference}`);
  await expect(staff.getByText(/^Approved on .* by Dr\. Rita Reviewer/)).toBeVisible();
  await expectNoAxeViolations(staff);
  await staff.screenshot({ path: keepFor("staff-request-approved.png"), fullPage: true });
  await staff.getByRole("link", { name: "Decision notice (to print or save as PDF)" }).click();
  await expect(staff).toHaveURL(new RegExp(`/requests/${reference}/notice$`));
  await expect(staff.getByRole("heading", { level: 1, name: "Notice of decision: Approval" })).toBeVisible();
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    await staff.setViewportSize(viewport);
    await expectNoAxeViolations(staff);
    await staff.screenshot({ path: keepFor(`notice-${viewport.width}.png`), fullPage: true });
  }
  await staff.setViewportSize({ width: 1280, height: 800 });

  const { text, pages } = await printed(staff, "notice");
  expect(text).toContain(`Reference ${reference}`);
  expect(text).toContain("Member Ada Example");
  expect(text).toContain("Date of birth 12 Apr 1985");
  expect(text).toContain(`Member ID ${decided.memberId ?? "(none)"}`);
  expect(text).toContain("Prescriber Dr. Example");
  expect(text).toContain("Prescriber NPI 1234567893");
  expect(text).toMatch(/Decision Approved on \d{1,2} [A-Z][a-z]{2} \d{4}/);
  expect(text).toContain(
    `Period ${formatPeriod({ from: decision?.authorizedFrom ?? "", through: decision?.authorizedThrough ?? "" })}`,
  );
  expect(text).toContain("Dose One dose of 2 × 10^13 gc/kg for 80 kg = 160 mL, 16 vials, HCPCS J1411");
  expect(text).toContain("Reviewer Dr. Rita Reviewer, medical director");
  expect(text).toContain("Approved after reading the lab reports.");
  expect(text).toMatch(/To appeal, .* quoting reference/);
  expect(text).toContain(`Page 1 of ${pages}`);
  expect(text).not.toContain("Print or save as PDF");
  expect(text).not.toContain("Back to the request");
});
