/**
 * The wizard as a user drives it: a whole request with the keyboard only, a change through "Check
 * your answers", a reload in the middle of a page, and starting again.
 */
import { expect, test } from "@playwright/test";
import { OUTCOME_LABELS, type RequestDocument } from "@/criteria";
import { document } from "@fixtures";
import {
  clickContinue,
  expectPanelStatus,
  expectPanelToShow,
  expectedShown,
  openStep,
  radio,
  readPanel,
  readSummary,
  startWith,
  storedDraft,
  fillDate,
  expectDate,
} from "./support/app";
import { typeEligibleRequestWithKeyboard } from "./support/eligible";
import { pressEnterOn } from "./support/keyboard";

test("a full request typed with the keyboard only meets the criteria, and a change to 149 exposure days fails I.A.6", async ({
  page,
}) => {
  test.slow(); // about 150 key presses, each checked
  const eligible = document("eligible");
  await typeEligibleRequestWithKeyboard(page);

  await expectPanelToShow(page, eligible);
  expect((await readPanel(page)).outcome).toBe(OUTCOME_LABELS.meets_criteria);

  await pressEnterOn(page, page.getByRole("button", { name: "Continue to the summary" }));
  await expect(page).toHaveURL(/\/summary$/);
  expect(await readSummary(page)).toEqual(expectedShown(eligible));

  // Back to "Check your answers", then the Change link of exposure days.
  await pressEnterOn(page, page.getByRole("link", { name: "Back to check your answers" }));
  await expect(page.getByRole("heading", { level: 1, name: "Check your answers" })).toBeVisible();
  await pressEnterOn(page, page.getByRole("link", { name: "Change exposure days" }));
  await expect(page).toHaveURL(/\/request\/exposure-days\?return=check$/);
  const exposureDays = page.getByLabel("Cumulative factor IX exposure days");
  await expect(exposureDays).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("149");
  await expect(exposureDays).toHaveValue("149");
  await expectPanelStatus(page, "I.A.6", "Not met");
  await page.keyboard.press("Enter"); // submits the page from the input, as a keyboard user does

  const changed: RequestDocument = { ...eligible, exposureDays: 149 };
  await expect(page).toHaveURL(/\/check$/);
  await expectPanelToShow(page, changed);
  const panel = await readPanel(page);
  expect(panel.outcome).toBe("Does not meet criteria");
  expect(panel.criteria.find((c) => c.id === "I.A.6")?.status).toBe("Not met");

  await pressEnterOn(page, page.getByRole("button", { name: "Continue to the summary" }));
  const summary = await readSummary(page);
  expect(summary).toEqual(expectedShown(changed));
  expect(summary.outcome).toBe("Does not meet criteria");
  expect(summary.criteria.find((c) => c.id === "I.A.6")?.status).toBe("Not met");
});

test("a reload in the middle of the inhibitor step keeps everything typed on every step", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Start now" }).click();

  await fillDate(page, "f-requestDate", "2026-11-27");
  await radio(page, "lineOfBusiness", "medicaid").check();
  await clickContinue(page);

  await page.getByLabel("First name").fill("Grace");
  await page.getByLabel("Last name").fill("Hopper");
  await page.getByLabel("Member ID").fill("M7654321");
  await fillDate(page, "f-member-dateOfBirth", "1990-02-15");
  await page.getByLabel("Weight value").fill("176");
  await radio(page, "member.weight.unit", "lb").check();
  await clickContinue(page);

  await page.getByLabel("Prescriber's name").fill("Dr. Consult");
  await page.getByLabel("Prescriber's NPI").fill("1234567893");
  await radio(page, "prescriber.specialty", "other").check();
  await radio(page, "prescriber.hematologistConsulted", "yes").check();
  await clickContinue(page);

  await radio(page, "diagnosis.condition", "congenital_hemophilia_b").check();
  await page.getByLabel("Baseline factor IX activity").fill("0.5");
  await clickContinue(page);

  await page.getByLabel("Factor IX product used for routine prophylaxis").selectOption("BeneFIX");
  await fillDate(page, "f-prophylaxis-startDate", "2024-01-10");
  await radio(page, "prophylaxis.adherenceDocumented", "yes").check();
  await radio(page, "bleedsOnRecord", "yes").check();
  await page.getByRole("button", { name: "Add a bleeding episode" }).click();
  await fillDate(page, "f-bleeds-0-date", "2025-03-02");
  await page.locator("#f-bleeds-0-site").selectOption("muscle");
  await radio(page, "bleeds.0.spontaneous", "yes").check();
  await clickContinue(page);

  await page.getByLabel("Cumulative factor IX exposure days").fill("180");
  await clickContinue(page);

  // Step 7, half done: answers typed, Continue not pressed.
  await expect(page.locator("#step-title")).toHaveText("Inhibitor");
  await radio(page, "inhibitor.historyOfInhibitor", "no").check();
  await radio(page, "inhibitor.assaysOnRecord", "yes").check();
  await page.getByRole("button", { name: "Add an assay" }).click();
  await fillDate(page, "f-inhibitor-assays-0-date", "2026-09-01");
  await page.locator("#f-inhibitor-assays-0-bethesdaUnits").fill("0.7");
  await page.getByRole("button", { name: "Add an assay" }).click();
  await fillDate(page, "f-inhibitor-assays-1-date", "2026-09-10");
  await page.locator("#f-inhibitor-assays-1-bethesdaUnits").fill("0.1");

  const typed: RequestDocument = {
    schemaVersion: 1,
    requestType: "initial",
    requestDate: "2026-11-27",
    lineOfBusiness: "medicaid",
    member: {
      firstName: "Grace",
      lastName: "Hopper",
      memberId: "M7654321",
      dateOfBirth: "1990-02-15",
      weight: { value: 176, unit: "lb" },
    },
    prescriber: { name: "Dr. Consult", npi: "1234567893", specialty: "other", hematologistConsulted: true },
    diagnosis: { condition: "congenital_hemophilia_b", icd10: "D67", factorIxActivityPercent: 0.5 },
    prophylaxis: { product: "BeneFIX", startDate: "2024-01-10", adherenceDocumented: true },
    bleeds: [{ date: "2025-03-02", site: "muscle", spontaneous: true }],
    exposureDays: 180,
    inhibitor: {
      historyOfInhibitor: false,
      assays: [
        { date: "2026-09-01", bethesdaUnits: 0.7 },
        { date: "2026-09-10", bethesdaUnits: 0.1 },
      ],
    },
    dose: { requestedGcPerKg: 2e13 },
  };
  await expectPanelToShow(page, typed);
  const before = await readPanel(page);

  await page.reload();

  await expect(page).toHaveURL(/\/request\/inhibitor$/);
  await expect(page.locator("#step-title")).toHaveText("Inhibitor");
  await expect(radio(page, "inhibitor.historyOfInhibitor", "no")).toBeChecked();
  await expect(radio(page, "inhibitor.assaysOnRecord", "yes")).toBeChecked();
  await expectDate(page, "f-inhibitor-assays-0-date", "2026-09-01");
  await expect(page.locator("#f-inhibitor-assays-0-bethesdaUnits")).toHaveValue("0.7");
  await expectDate(page, "f-inhibitor-assays-1-date", "2026-09-10");
  await expect(page.locator("#f-inhibitor-assays-1-bethesdaUnits")).toHaveValue("0.1");
  expect(await readPanel(page)).toEqual(before);

  await openStep(page, "Request");
  await expectDate(page, "f-requestDate", "2026-11-27");
  await expect(radio(page, "lineOfBusiness", "medicaid")).toBeChecked();

  await openStep(page, "Member");
  await expect(page.getByLabel("First name")).toHaveValue("Grace");
  await expect(page.getByLabel("Last name")).toHaveValue("Hopper");
  await expect(page.getByLabel("Member ID")).toHaveValue("M7654321");
  await expectDate(page, "f-member-dateOfBirth", "1990-02-15");
  await expect(page.getByLabel("Weight value")).toHaveValue("176");
  await expect(radio(page, "member.weight.unit", "lb")).toBeChecked();

  await openStep(page, "Prescriber");
  await expect(page.getByLabel("Prescriber's NPI")).toHaveValue("1234567893");
  await expect(radio(page, "prescriber.hematologistConsulted", "yes")).toBeChecked();

  await openStep(page, "Prophylaxis and bleeds");
  await expect(page.getByLabel("Factor IX product used for routine prophylaxis")).toHaveValue("BeneFIX");
  await expectDate(page, "f-prophylaxis-startDate", "2024-01-10");
  await expectDate(page, "f-bleeds-0-date", "2025-03-02");
  await expect(page.locator("#f-bleeds-0-site")).toHaveValue("muscle");
  await expect(radio(page, "bleeds.0.spontaneous", "yes")).toBeChecked();

  await openStep(page, "Exposure days");
  await expect(page.getByLabel("Cumulative factor IX exposure days")).toHaveValue("180");
});

test("Start a new request asks first: No keeps everything, Yes discards it", async ({ page }) => {
  const eligible = document("eligible");
  await startWith(page, eligible);
  await expectPanelToShow(page, eligible);
  const draft = await storedDraft(page);
  expect(draft).not.toBeNull();

  const dialog = page.getByRole("alertdialog", { name: "Discard the current request?" });
  await page.getByRole("button", { name: "Start a new request" }).click();
  await expect(dialog).toBeVisible();
  // Nothing is discarded merely by asking.
  expect(await storedDraft(page)).toBe(draft);
  await expectPanelToShow(page, eligible);

  await dialog.getByRole("button", { name: "No, keep it" }).click();
  await expect(dialog).toBeHidden();
  await expectPanelToShow(page, eligible);
  expect(await storedDraft(page)).toBe(draft);
  await expect(page.getByRole("button", { name: "Continue the request" })).toBeVisible();
  await page.reload();
  await expectPanelToShow(page, eligible);
  await page.getByRole("button", { name: "Continue the request" }).click();
  await openStep(page, "Member");
  await expect(page.getByLabel("First name")).toHaveValue("Ada");
  await expect(page.getByLabel("Member ID")).toHaveValue("U1234567");

  await page.goto("/");
  await page.getByRole("button", { name: "Start a new request" }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Yes, discard it" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("The previous request was discarded. A new request is ready.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Start now" })).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Eligibility so far" })).toContainText(
    "Answer the request type, request date and line of business to see eligibility.",
  );

  // Gone for good: not back after a reload either.
  await page.reload();
  await expect(page.getByRole("button", { name: "Start now" })).toBeVisible();
  await page.getByRole("button", { name: "Start now" }).click();
  await expect(radio(page, "lineOfBusiness", "commercial")).not.toBeChecked();
  await openStep(page, "Member");
  await expect(page.getByLabel("First name")).toHaveValue("");
  await expect(page.getByLabel("Member ID")).toHaveValue("");
  await openStep(page, "Exposure days");
  await expect(page.getByLabel("Cumulative factor IX exposure days")).toHaveValue("");
});

test("the live panel never takes focus while typing, and its polite live region holds only the outcome", async ({
  page,
}) => {
  const base = document("eligible");
  delete base.exposureDays;
  await startWith(page, base);
  await openStep(page, "Exposure days");

  const live = page.getByRole("complementary", { name: "Eligibility so far" }).locator("[aria-live]");
  await expect(live).toHaveCount(1);
  await expect(live).toHaveAttribute("aria-live", "polite");
  await expect(live).toHaveText(OUTCOME_LABELS.incomplete);

  const input = page.getByLabel("Cumulative factor IX exposure days");
  await input.click();
  // "1" and "14" fail I.A.6, "149" too; then Backspace and "50" → 150 meets every criterion.
  const keys: [string, string][] = [
    ["1", OUTCOME_LABELS.does_not_meet],
    ["4", OUTCOME_LABELS.does_not_meet],
    ["9", OUTCOME_LABELS.does_not_meet],
    ["Backspace", OUTCOME_LABELS.does_not_meet],
    ["Backspace", OUTCOME_LABELS.does_not_meet],
    ["5", OUTCOME_LABELS.does_not_meet],
    ["0", OUTCOME_LABELS.meets_criteria],
  ];
  for (const [key, outcome] of keys) {
    await page.keyboard.press(key);
    await expect(live).toHaveText(outcome);
    await expect(input).toBeFocused();
    // The live region holds the outcome only: no criterion, reason or count.
    expect(await live.evaluate((el) => el.textContent?.replace(/\s+/g, " ").trim())).toBe(outcome);
  }
  await expect(input).toHaveValue("150");

  // Typing in a text field elsewhere: focus stays after every keystroke too.
  await openStep(page, "Member");
  const lastName = page.getByLabel("Last name");
  await lastName.click();
  await page.keyboard.press("ControlOrMeta+A");
  for (const key of ["L", "o", "v", "e", "l", "a", "c", "e"]) {
    await page.keyboard.press(key);
    await expect(lastName).toBeFocused();
  }
  await expect(lastName).toHaveValue("Lovelace");

  // No other live region or alert wraps the criteria list.
  const criteriaInLiveRegion = await page
    .getByRole("complementary", { name: "Eligibility so far" })
    .locator("ol")
    .evaluate((list) => list.closest("[aria-live], [role=alert], [role=status], [role=log]") !== null);
  expect(criteriaInLiveRegion).toBe(false);
});
