/**
 * Import of every fixture document through the start page's file input gives the evaluation the
 * criteria library gives; invalid documents are refused with their errors and change nothing;
 * export then re-import gives the same panel. The wizard drops answers that do not apply (for
 * example hematologistConsulted for a hematologist), so evaluations are compared, not documents.
 */
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { checkRequest } from "@/criteria";
import { fixtureNames, fixturePath, rawFixture } from "@fixtures";
import { expectNoAxeViolations } from "./support/accounts";
import {
  IMPORT_LABEL,
  expectImported,
  expectPanelToShow,
  expectedShown,
  openStep,
  readPanel,
  readSummary,
  replaceQuestion,
  startWith,
  storedDraft,
} from "./support/app";

const importInput = (page: Page) => page.getByLabel(IMPORT_LABEL);

const VALID = fixtureNames().filter((name) => !("errors" in checkRequest(rawFixture(name))));
const INVALID = fixtureNames().filter((name) => "errors" in checkRequest(rawFixture(name)));
const soft = expect.configure({ soft: true });

test("every fixture is covered: valid ones import, invalid ones are refused", () => {
  expect(VALID).toContain("eligible");
  expect(INVALID.length).toBeGreaterThan(0);
  expect(VALID.length + INVALID.length).toBe(fixtureNames().length);
});

// Valid fixtures, imported one after another on one page (each import replaces the request), in
// three batches so both workers share them. Soft assertions report every fixture that disagrees.
const BATCHES = 3;
for (let batch = 0; batch < BATCHES; batch++) {
  const names = VALID.filter((_, i) => i % BATCHES === batch);
  test(`importing each valid fixture shows the library's evaluation (batch ${batch + 1} of ${BATCHES}: ${names.length} fixtures)`, async ({
    page,
  }) => {
    await page.goto("/");
    for (const name of names) {
      await page.locator("#root:not([inert])").waitFor(); // the prerendered page is the app's now
      await importInput(page).setInputFiles(fixturePath(name));
      await expectImported(page, `${name}.json`); // after the first, each replaces the one before
      await soft
        .poll(() => readPanel(page), { message: `the panel after importing ${name}.json`, timeout: 3000 })
        .toEqual(expectedShown(rawFixture(name)));
    }
  });
}

test("importing each invalid fixture is refused with its errors, and the current request is kept", async ({ page }) => {
  await startWith(page, rawFixture("eligible"));
  await expectPanelToShow(page, rawFixture("eligible"));
  const draftBefore = await storedDraft(page);
  const panelBefore = await readPanel(page);

  for (const name of INVALID) {
    const result = checkRequest(rawFixture(name));
    if (!("errors" in result)) throw new Error(`${name} became valid`);
    await page.locator("#root:not([inert])").waitFor(); // the prerendered page is the app's now
    await importInput(page).setInputFiles(fixturePath(name));
    const refusal = page.getByRole("heading", { name: `${name}.json was not imported` });
    await expect(refusal).toBeVisible();
    await expect(page.getByText("Nothing in the current request was changed.")).toBeVisible();
    const listed = await page
      .locator("section", { has: refusal })
      .locator("li")
      .evaluateAll((items) => items.map((li) => li.textContent?.replace(/\s+/g, " ").trim()));
    soft(listed, `the errors listed for ${name}.json`).toEqual(
      result.errors.map((e) => (e.path === "" ? e.message : `${e.path}: ${e.message}`)),
    );
    soft(await readPanel(page), `the panel after refusing ${name}.json`).toEqual(panelBefore);
    soft(await storedDraft(page), `the stored request after refusing ${name}.json`).toBe(draftBefore);
  }

  await page.reload();
  expect(await readPanel(page)).toEqual(panelBefore);
  await page.getByRole("button", { name: "Continue the request" }).click();
  await openStep(page, "Member");
  await expect(page.getByLabel("First name")).toHaveValue("Ada");
  await expect(page.getByLabel("Weight value")).toHaveValue("80");
});

test("a file imported over typed answers asks first: No keeps them, Yes replaces them", async ({ page }) => {
  await page.goto("/request/member");
  await page.locator("#root:not([inert])").waitFor();
  await page.getByLabel("First name").fill("Grace");
  await page.goto("/");
  await page.locator("#root:not([inert])").waitFor(); // the prerendered page is the app's now
  const draftBefore = await storedDraft(page);

  await importInput(page).setInputFiles(fixturePath("eligible"));
  const question = replaceQuestion(page, "eligible.json");
  await expect(question).toBeVisible();
  await expect(question.getByRole("heading")).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.press("Tab");
  await expect(question.getByRole("button", { name: "Yes, replace them" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(question.getByRole("button", { name: "No, keep my answers" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("eligible.json was not imported: your answers are as they were.")).toBeVisible();
  await expect(question).toBeHidden();
  await expect(importInput(page)).toBeFocused();
  expect(await storedDraft(page)).toBe(draftBefore);

  await importInput(page).setInputFiles(fixturePath("eligible"));
  await question.getByRole("button", { name: "Yes, replace them" }).click();
  await expect(page.getByText("Imported eligible.json.")).toBeVisible();
  await expectPanelToShow(page, rawFixture("eligible"));
  await page.getByRole("button", { name: "Continue the request" }).click();
  await openStep(page, "Member");
  await expect(page.getByLabel("First name")).toHaveValue("Ada");
});

test("a file that is not JSON is refused and changes nothing", async ({ page }) => {
  await startWith(page, rawFixture("eligible"));
  const draftBefore = await storedDraft(page);
  await page.locator("#root:not([inert])").waitFor(); // the prerendered page is the app's now
  await importInput(page).setInputFiles({
    name: "notes.json",
    mimeType: "application/json",
    buffer: Buffer.from("{ this is not JSON"),
  });
  await expect(page.getByRole("heading", { name: "notes.json was not imported" })).toBeVisible();
  await expect(page.getByText(/The file is not valid JSON/)).toBeVisible();
  expect(await storedDraft(page)).toBe(draftBefore);
  await expectPanelToShow(page, rawFixture("eligible"));
});

const ROUND_TRIPS = [
  "eligible",
  "non-hematologist-consulted-weight-lb",
  "abnormal-liver-attested",
  "refer-label-change-formulary-medicaid",
];

for (const name of ROUND_TRIPS) {
  test(`export then re-import of ${name} gives the same panel`, async ({ page }) => {
    await startWith(page, rawFixture(name));
    // (Whether this panel agrees with the library is the import tests' business; here it must survive the trip.)
    await expect.poll(async () => (await readPanel(page)).criteria.length).toBeGreaterThan(0);
    const before = await readPanel(page);

    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export this request as JSON" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("hemgenix-request.json");
    const exported: unknown = JSON.parse(readFileSync(await download.path(), "utf8"));
    // The exported document is valid and the library evaluates it as the panel showed.
    expect(expectedShown(exported)).toEqual(before);

    await page.getByRole("button", { name: "Start a new request" }).click();
    await page.getByRole("button", { name: "Yes, discard it" }).click();
    await expect(page.getByRole("button", { name: "Start now" })).toBeVisible();
    expect((await readPanel(page)).criteria).toEqual([]);

    await page.locator("#root:not([inert])").waitFor(); // the prerendered page is the app's now
    await importInput(page).setInputFiles(await download.path());
    await expect(page.getByText(/^Imported .+\.$/)).toBeVisible();
    await expect.poll(() => readPanel(page)).toEqual(before);
  });
}

test("an imported request reaches the summary with the library's evaluation", async ({ page }) => {
  const doc = rawFixture("non-hematologist-consulted-weight-lb");
  await startWith(page, doc);
  await page.getByRole("button", { name: "Continue the request" }).click();
  await page.getByRole("link", { name: "Check your answers" }).click();
  await page.getByRole("button", { name: "Continue to the summary" }).click();
  expect(await readSummary(page)).toEqual(expectedShown(doc));
});
