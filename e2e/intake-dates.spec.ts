/**
 * Nothing typed is lost: every date of the wizard is the GOV.UK date input (day, month, year as
 * three boxes), so an impossible date (30 February 1990) stays as typed, stops Continue with
 * "Date of birth must be a real date", survives a reload and is never shown as "Not answered".
 * Also: a dose in exponent notation is refused with the accepted form, a fresh request shows no
 * problem, and dates read "12 Apr 1985" on "Check your answers". axe at desktop and phone sizes.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import {
  clickContinue,
  dateBoxes,
  describeViolations,
  errorSummary,
  expectDate,
  fixtureWith,
  openStep,
  panel,
  radio,
  startWith,
  storedDraft,
} from "./support/app";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect.soft(describeViolations(results.violations), `axe violations on ${where}`).toEqual([]);
}

/** From the start page to the member step, with the request step answered. */
async function openMemberStep(page: Page): Promise<void> {
  await page.goto("/");
  await page.getByRole("button", { name: "Start now" }).click();
  await radio(page, "lineOfBusiness", "commercial").check();
  await clickContinue(page);
  await expect(page.locator("#step-title")).toHaveText("Member");
}

async function typeDateOfBirth(page: Page, day: string, month: string, year: string): Promise<void> {
  const group = page.getByRole("group", { name: "Date of birth" });
  if (day !== "") await group.getByRole("textbox", { name: "Day" }).pressSequentially(day);
  if (month !== "") await group.getByRole("textbox", { name: "Month" }).pressSequentially(month);
  if (year !== "") await group.getByRole("textbox", { name: "Year" }).pressSequentially(year);
}

const MESSAGE = "Date of birth must be a real date";

test("an impossible date (30 2 1990) stops Continue, stays as typed, survives a reload and needs correcting everywhere", async ({
  page,
}) => {
  await openMemberStep(page);
  await typeDateOfBirth(page, "30", "2", "1990");
  await clickContinue(page);

  const summary = errorSummary(page);
  await expect(summary).toBeFocused();
  await expect(page).toHaveURL(/\/request\/member$/);
  const link = summary.getByRole("link", { name: MESSAGE, exact: true });
  await expect(link).toHaveAttribute("href", "#f-member-dateOfBirth");
  await link.click();
  const boxes = dateBoxes(page, "f-member-dateOfBirth");
  await expect(boxes.day).toBeFocused();
  await expect(page.locator("#f-member-dateOfBirth-error")).toHaveText(`Error: ${MESSAGE}`);
  await expect(boxes.day).toHaveValue("30");
  await expect(boxes.month).toHaveValue("2");
  await expect(boxes.year).toHaveValue("1990");

  // The panel never calls it "not answered": its criterion (I.A.3, age) needs correcting.
  const age = panel(page).getByRole("listitem").filter({ hasText: "I.A.3 Age" });
  await expect(age).toContainText("Needs correcting");
  await expect(age).toContainText(MESSAGE);
  await expect(age).not.toContainText("Not answered");
  await expect(panel(page)).toContainText("1 answer needs correcting");

  // The draft keeps the parts exactly as typed, so a reload (or coming back) shows them.
  expect(JSON.parse((await storedDraft(page)) ?? "{}")).toMatchObject({
    member: { dateOfBirth: { day: "30", month: "2", year: "1990" } },
  });
  await page.reload();
  await expect(boxes.day).toHaveValue("30");
  await expect(boxes.month).toHaveValue("2");
  await expect(boxes.year).toHaveValue("1990");
  await clickContinue(page);
  await expect(errorSummary(page).getByRole("link", { name: MESSAGE, exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Check your answers" }).click();
  const row = page.locator("div", { has: page.locator("dt", { hasText: /^Date of birth$/ }) }).last();
  await expect(row).toContainText(`Needs correcting: ${MESSAGE}`);
  await expect(row).not.toContainText("Not answered");
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
});

test("a partly typed date names what is missing, and a blank one is simply not answered", async ({ page }) => {
  await openMemberStep(page);
  await typeDateOfBirth(page, "12", "4", "");
  await clickContinue(page);
  await expect(errorSummary(page).getByRole("link", { name: "Date of birth must include a year" })).toBeVisible();
  await expect(dateBoxes(page, "f-member-dateOfBirth").year).toHaveAttribute("aria-invalid", "true");
  await expect(dateBoxes(page, "f-member-dateOfBirth").day).not.toHaveAttribute("aria-invalid", "true");

  await dateBoxes(page, "f-member-dateOfBirth").year.fill("1985");
  await clickContinue(page);
  await expect(page.locator("#step-title")).toHaveText("Prescriber");

  // Blank: Continue never demands it.
  await openStep(page, "Member");
  for (const box of Object.values(dateBoxes(page, "f-member-dateOfBirth"))) await box.fill("");
  await clickContinue(page);
  await expect(page.locator("#step-title")).toHaveText("Prescriber");
});

test("a dose typed as 2e13 is refused on the step with the accepted form, and kept as typed", async ({ page }) => {
  await startWith(
    page,
    fixtureWith("eligible", () => undefined),
  );
  await openStep(page, "Dose");
  const dose = page.getByLabel("Requested dose");
  await dose.fill("2e13");
  await clickContinue(page);
  await expect(errorSummary(page)).toBeFocused();
  const message = "Enter the dose as a number of 10^13 genome copies per kg, like 2";
  await expect(errorSummary(page).getByRole("link", { name: message, exact: true })).toHaveAttribute(
    "href",
    "#f-dose-requestedGcPerKg",
  );
  await expect(page).toHaveURL(/\/request\/dose$/);
  await expect(dose).toHaveValue("2e13");
});

test("a fresh request shows no problem before anything is typed", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Request prior authorization for Hemgenix" })).toBeVisible();
  await expect(page.getByText(/needs? correcting/)).toHaveCount(0);
  await page.getByRole("button", { name: "Start now" }).click();
  await expect(page.locator("#step-title")).toHaveText("Request");
  await expect(page.getByText(/needs? correcting/)).toHaveCount(0);
});

test("an imported document's dates fill the three boxes and read '12 Apr 1985' on Check your answers, with units beside lab values", async ({
  page,
}) => {
  await startWith(
    page,
    fixtureWith("eligible", () => undefined),
  );
  await openStep(page, "Member");
  await expectDate(page, "f-member-dateOfBirth", "1985-04-12");
  await page.getByRole("link", { name: "Check your answers" }).click();
  const main = page.locator("dl");
  await expect(main.getByText("12 Apr 1985", { exact: true })).toBeVisible();
  await expect(main.getByText(/^\d+ U\/L \(upper limit of normal \d+ U\/L\)$/).first()).toBeVisible();
  await expect(page.getByText(/\d{4}-\d{2}-\d{2}/)).toHaveCount(0); // nor in the panel's reasons
  await expect(panel(page)).toContainText(/Valid until \d{1,2} [A-Z][a-z]{2} \d{4}/);
});

test("a draft saved before dates had three boxes (YYYY-MM-DD) still loads into them", async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() =>
    localStorage.setItem(
      "hemgenix-pa:draft:v1",
      JSON.stringify({
        requestDate: "2026-11-27",
        lineOfBusiness: "commercial",
        member: { dateOfBirth: "1985-04-12" },
      }),
    ),
  );
  await page.goto("/request/member");
  await expectDate(page, "f-member-dateOfBirth", "1985-04-12");
  await openStep(page, "Request");
  await expectDate(page, "f-requestDate", "2026-11-27");
});

for (const [size, viewport] of [
  ["desktop", DESKTOP],
  ["phone", PHONE],
] as const) {
  test.describe(`at ${size} size`, () => {
    test.use({ viewport });
    // axe is slow on a busy 2-core machine.
    test.describe.configure({ timeout: 120_000 });

    test("the member step's date of birth has no accessibility violations, with and without its error", async ({
      page,
    }) => {
      await openMemberStep(page);
      await typeDateOfBirth(page, "30", "2", "1990");
      await expectNoViolations(page, `member step (${size})`);
      await clickContinue(page);
      await expect(errorSummary(page)).toBeFocused();
      await expectNoViolations(page, `member step with the error (${size})`);
      await page
        .getByRole("group", { name: "Date of birth" })
        .screenshot({ path: `/tmp/intake-date-of-birth-${size}.png` });
      await page.screenshot({ path: `/tmp/intake-member-error-${size}.png`, fullPage: true });
    });

    for (const step of ["Request", "Prophylaxis and bleeds", "Inhibitor", "Liver workup"]) {
      test(`the dates of "${step}" have no accessibility violations`, async ({ page }) => {
        await startWith(
          page,
          fixtureWith("eligible", () => undefined),
        );
        await openStep(page, step);
        await expectNoViolations(page, `${step} (${size})`);
        await page.screenshot({ path: `/tmp/intake-${step.split(" ")[0]?.toLowerCase()}-${size}.png`, fullPage: true });
      });
    }

    test("'Check your answers' has no accessibility violations", async ({ page }) => {
      await startWith(
        page,
        fixtureWith("eligible", () => undefined),
      );
      // (On a phone the start page shows no step list: go straight to the page.)
      await page.goto("/check");
      await expect(page.getByRole("heading", { level: 1, name: "Check your answers" })).toBeVisible();
      await expectNoViolations(page, `check your answers (${size})`);
      await page.screenshot({ path: `/tmp/intake-check-${size}.png`, fullPage: true });
    });
  });
}
