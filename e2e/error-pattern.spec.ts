/**
 * The GOV.UK error pattern: Continue with an invalid answer shows "There is a problem" with focus
 * on it, "Error: " starts the page title, each summary link moves focus to its field, the message
 * also stands beside the field, and what was typed stays in the field.
 */
import { expect, test, type Page } from "@playwright/test";
import { validateRequestDocument } from "@/criteria";
import { clickContinue, errorSummary, radio } from "./support/app";

const REQUEST = { schemaVersion: 1, requestType: "initial", requestDate: "2026-11-27", lineOfBusiness: "commercial" };

/** The library's messages for these answers, in its order. */
function libraryMessages(document: Record<string, unknown>): Map<string, string> {
  const result = validateRequestDocument({ ...REQUEST, ...document });
  if (result.ok) throw new Error("expected the answers to be invalid");
  return new Map(result.errors.map((e) => [e.path, e.message]));
}

async function answerRequestStep(page: Page): Promise<void> {
  await page.goto("/request/request");
  await page.getByLabel("Request date").fill(REQUEST.requestDate);
  await radio(page, "lineOfBusiness", REQUEST.lineOfBusiness).check();
  await clickContinue(page);
  await expect(page).toHaveURL(/\/request\/member$/);
}

/** Checks the summary link for `fieldId` (by mouse or keyboard), the field it focuses and the message beside it. */
async function expectLinkedError(page: Page, fieldId: string, message: string, typed: string): Promise<void> {
  const link = errorSummary(page).getByRole("link", { name: message, exact: true });
  await expect(link).toHaveAttribute("href", `#${fieldId}`);
  const field = page.locator(`#${fieldId}`);
  await link.click();
  await expect(field).toBeFocused();
  const beside = page.locator(`#${fieldId}-error`);
  await expect(beside).toHaveText(`Error: ${message}`);
  await expect(field).toHaveAttribute("aria-describedby", new RegExp(`(^| )${fieldId}-error( |$)`));
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveValue(typed);
}

test("Continue with invalid answers: error summary focused, 'Error: ' title, links to the fields, messages beside them, values kept", async ({
  page,
}) => {
  await answerRequestStep(page);
  await expect(page).toHaveTitle(/^Member – /);
  await page.getByLabel("First name").fill("Ada");
  await page.getByLabel("Date of birth").fill("2027-01-01");
  await page.getByLabel("Weight value").fill("eighty");
  await clickContinue(page);

  const summary = errorSummary(page);
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: Member – /);
  await expect(page).toHaveURL(/\/request\/member$/); // did not move on

  const messages = libraryMessages({
    member: { firstName: "Ada", dateOfBirth: "2027-01-01", weight: { value: "eighty", unit: "kg" } },
  });
  const dateOfBirth = messages.get("member.dateOfBirth") ?? "";
  const weight = messages.get("member.weight.value") ?? "";
  expect(dateOfBirth).not.toBe("");
  expect(weight).not.toBe("");
  await expect(summary.getByRole("link")).toHaveCount(2);

  await expectLinkedError(page, "f-member-dateOfBirth", dateOfBirth, "2027-01-01");
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
  await page.getByLabel("Date of birth").fill("1985-04-12");
  await page.getByLabel("Weight value").fill("80");
  await clickContinue(page);
  await expect(page).toHaveURL(/\/request\/prescriber$/);
  await expect(page).toHaveTitle(/^Prescriber – /);
  await expect(errorSummary(page)).toHaveCount(0);
});

test("the error summary lists problems in the order the questions appear on the page", async ({ page }) => {
  await answerRequestStep(page);
  // Date of birth comes before weight on the page.
  await page.getByLabel("Date of birth").fill("2027-01-01");
  await page.getByLabel("Weight value").fill("eighty");
  await clickContinue(page);
  await expect(errorSummary(page)).toBeFocused();
  const hrefs = await errorSummary(page)
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  expect(hrefs).toEqual(["#f-member-dateOfBirth", "#f-member-weight-value"]);
});

test("one invalid answer on a later step: the typed value stays and the message matches the library", async ({
  page,
}) => {
  await answerRequestStep(page);
  await page.goto("/request/exposure-days");
  const input = page.getByLabel("Cumulative factor IX exposure days");
  await input.pressSequentially("12.5");
  await page.keyboard.press("Enter");
  await expect(errorSummary(page)).toBeFocused();
  await expect(page).toHaveTitle(/^Error: Exposure days – /);
  const message = libraryMessages({ exposureDays: 12.5 }).get("exposureDays") ?? "";
  expect(message).not.toBe("");
  await expectLinkedError(page, "f-exposureDays", message, "12.5");
});
