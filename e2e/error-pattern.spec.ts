/**
 * The GOV.UK error pattern: Continue with an invalid answer shows "There is a problem" with focus
 * on it, "Error: " starts the page title, each summary link moves focus to its field, the message
 * also stands beside the field, and what was typed stays in the field.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { clickContinue, errorSummary, fillDate, radio } from "./support/app";

const REQUEST = { schemaVersion: 1, requestType: "initial", requestDate: "2026-11-27", lineOfBusiness: "commercial" };

async function answerRequestStep(page: Page): Promise<void> {
  await page.goto("/request/request");
  await fillDate(page, "f-requestDate", REQUEST.requestDate);
  await radio(page, "lineOfBusiness", REQUEST.lineOfBusiness).check();
  await clickContinue(page);
  await expect(page).toHaveURL(/\/request\/member$/);
}

/**
 * Checks the summary link for `fieldId` (by mouse or keyboard), the field it focuses and the message
 * beside it. `described` is what carries the message as its description: the field itself, or the
 * fieldset of a date's three boxes (GOV.UK's date input), whose Day box the link focuses.
 */
async function expectLinkedError(
  page: Page,
  fieldId: string,
  message: string,
  typed: string,
  described: Locator = page.locator(`#${fieldId}`),
): Promise<void> {
  const link = errorSummary(page).getByRole("link", { name: message, exact: true });
  await expect(link).toHaveAttribute("href", `#${fieldId}`);
  const field = page.locator(`#${fieldId}`);
  await link.click();
  await expect(field).toBeFocused();
  const beside = page.locator(`#${fieldId}-error`);
  await expect(beside).toHaveText(`Error: ${message}`);
  await expect(described).toHaveAttribute("aria-describedby", new RegExp(`(^| )${fieldId}-error( |$)`));
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveValue(typed);
}

test("Continue with invalid answers: error summary focused, 'Error: ' title, links to the fields, messages beside them, values kept", async ({
  page,
}) => {
  await answerRequestStep(page);
  await expect(page).toHaveTitle(/^Member – /);
  await page.getByLabel("First name").fill("Ada");
  await fillDate(page, "f-member-dateOfBirth", "2027-01-01");
  await page.getByLabel("Weight value").fill("eighty");
  await clickContinue(page);

  const summary = errorSummary(page);
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: Member – /);
  await expect(page).toHaveURL(/\/request\/member$/); // did not move on

  // GOV.UK's words: what to enter and how, never the value typed back, never YYYY-MM-DD.
  const dateOfBirth = "Date of birth must be the same as or before the request date, 27 Nov 2026";
  const weight = "Enter the weight as a number, like 80";
  await expect(summary.getByRole("link")).toHaveCount(2);

  const dateGroup = page.getByRole("group", { name: "Date of birth" });
  await expectLinkedError(page, "f-member-dateOfBirth", dateOfBirth, "1", dateGroup);
  await expect(page.locator("#f-member-dateOfBirth-year")).toHaveValue("2027");
  await expectLinkedError(page, "f-member-weight-value", weight, "eighty");
  await expect(page.getByLabel("First name")).toHaveValue("Ada");

  // The same with the keyboard: from the summary, Tab to a link and Enter moves focus to the field.
  await summary.focus();
  await page.keyboard.press("Tab");
  await expect(summary.getByRole("link").first()).toBeFocused();
  const firstHref = (await summary.getByRole("link").first().getAttribute("href")) ?? "";
  await page.keyboard.press("Enter");
  await expect(page.locator(firstHref)).toBeFocused();

  // Corrected answers: Continue moves on, without "Error: " in the title.
  await fillDate(page, "f-member-dateOfBirth", "1985-04-12");
  await page.getByLabel("Weight value").fill("80");
  await clickContinue(page);
  await expect(page).toHaveURL(/\/request\/prescriber$/);
  await expect(page).toHaveTitle(/^Prescriber – /);
  await expect(errorSummary(page)).toHaveCount(0);
});

test("the error summary lists problems in the order the questions appear on the page", async ({ page }) => {
  await answerRequestStep(page);
  // Date of birth comes before weight on the page.
  await fillDate(page, "f-member-dateOfBirth", "2027-01-01");
  await page.getByLabel("Weight value").fill("eighty");
  await clickContinue(page);
  await expect(errorSummary(page)).toBeFocused();
  const hrefs = await errorSummary(page)
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  expect(hrefs).toEqual(["#f-member-dateOfBirth", "#f-member-weight-value"]);
});

test("one invalid answer on a later step: the typed value stays and the message says what to enter", async ({
  page,
}) => {
  await answerRequestStep(page);
  await page.goto("/request/exposure-days");
  const input = page.getByLabel("Cumulative factor IX exposure days");
  await input.pressSequentially("12.5");
  await page.keyboard.press("Enter");
  await expect(errorSummary(page)).toBeFocused();
  await expect(page).toHaveTitle(/^Error: Exposure days – /);
  await expectLinkedError(page, "f-exposureDays", "Enter the exposure days as a whole number, like 150", "12.5");
});
