/**
 * axe finds no violations on the start page, on every one of the 10 steps (filled in, and again
 * with the error summary showing), on "Check your answers" and on the summary.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import {
  clickContinue,
  describeViolations,
  errorSummary,
  fixtureWith,
  importDocument,
  openStep,
  radio,
  startWith,
} from "./support/app";

/** The eligible request with every conditional question showing: another specialty, an abnormal ALT. */
const RICH = fixtureWith("eligible", (d) => {
  d.prescriber = { ...d.prescriber, specialty: "other", hematologistConsulted: true };
  if (d.liver?.enzymes?.alt !== undefined) d.liver.enzymes.alt.value = 80;
  if (d.liver !== undefined) d.liver.hepatologistAttestation = true;
});

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect.soft(describeViolations(results.violations), `axe violations on ${where}`).toEqual([]);
}

/** For each step: a question that shows with RICH, and an answer the schema refuses. */
const STEPS: { title: string; shows: string; field: string; invalid: string }[] = [
  { title: "Request", shows: "#f-lineOfBusiness", field: "#f-requestDate", invalid: "" },
  { title: "Member", shows: "#f-member-firstName", field: "#f-member-weight-value", invalid: "eighty" },
  {
    title: "Prescriber",
    shows: "#f-prescriber-hematologistConsulted",
    field: "#f-prescriber-npi",
    invalid: "1234567890",
  },
  {
    title: "Diagnosis",
    shows: "#f-diagnosis-factorIxActivityPercent",
    field: "#f-diagnosis-factorIxActivityPercent",
    invalid: "300",
  },
  {
    title: "Prophylaxis and bleeds",
    shows: "#f-bleeds-0-site",
    field: "#f-prophylaxis-startDate", // the Day box of the date: day 99 makes no real date
    invalid: "99",
  },
  { title: "Exposure days", shows: "#f-exposureDays", field: "#f-exposureDays", invalid: "12.5" },
  {
    title: "Inhibitor",
    shows: "#f-inhibitor-assays-0-date",
    field: "#f-inhibitor-assays-0-bethesdaUnits",
    invalid: "-1",
  },
  {
    title: "Liver workup",
    shows: "#f-liver-hepatologistAttestation",
    field: "#f-liver-enzymes-alt-value",
    invalid: "high",
  },
  { title: "Gene therapy and AAV5", shows: "#f-aav5-titer", field: "#f-aav5-titer", invalid: "0" },
  { title: "Dose", shows: "#f-dose-requestedGcPerKg", field: "#f-dose-requestedGcPerKg", invalid: "two" },
];

test("the start page has no accessibility violations, fresh and while asking to discard", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Request prior authorization for Hemgenix" })).toBeVisible();
  await expectNoViolations(page, "the fresh start page");

  await importDocument(page, RICH);
  await page.getByRole("button", { name: "Start a new request" }).click();
  await expect(page.getByRole("alertdialog")).toBeVisible();
  await expectNoViolations(page, "the start page with a request and the discard question");
});

for (const step of STEPS) {
  test(`step "${step.title}" has no accessibility violations, filled in and with the error summary`, async ({
    page,
  }) => {
    await startWith(page, RICH);
    await openStep(page, step.title);
    await expect(page.locator(step.shows)).toBeVisible();
    await expectNoViolations(page, `step ${step.title}, filled in`);

    await page.locator(step.field).fill(step.invalid);
    await clickContinue(page);
    await expect(errorSummary(page)).toBeFocused();
    await expect(page.locator(`${step.field}-error`)).toBeVisible();
    await expectNoViolations(page, `step ${step.title}, with the error summary`);
  });
}

test("the diagnosis step for another diagnosis, with the referral box, has no accessibility violations", async ({
  page,
}) => {
  await startWith(page, RICH);
  await openStep(page, "Diagnosis");
  await radio(page, "diagnosis.condition", "other").check();
  await radio(page, "diagnosis.recentLabelChange", "yes").check();
  await expect(page.getByRole("heading", { name: /^This request goes to policy / })).toBeVisible();
  await expectNoViolations(page, "the diagnosis step with a referral");
});

test("'Check your answers' has no accessibility violations, complete and with problems", async ({ page }) => {
  await startWith(page, RICH);
  await page.getByRole("link", { name: "Check your answers" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your answers" })).toBeVisible();
  await expectNoViolations(page, "check your answers");

  await openStep(page, "Prescriber");
  await page.getByLabel("Prescriber's NPI").fill("1234567890");
  await page.getByRole("link", { name: "Check your answers" }).click();
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expectNoViolations(page, "check your answers with a problem");
});

test("the summary has no accessibility violations", async ({ page }) => {
  await startWith(page, RICH);
  await page.getByRole("link", { name: "Check your answers" }).click();
  await page.getByRole("button", { name: "Continue to the summary" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Prior authorization request summary" })).toBeVisible();
  await expectNoViolations(page, "the summary");
});
