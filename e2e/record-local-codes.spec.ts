/**
 * The record import's local codes (#12), in Chromium against the real server: before the lab's
 * AAV5 antibody code is configured, the self-check's import lists the AAV5 result as skipped; an
 * admin adds the code on the admin screen (keyboard only, errors named in the summary, axe); the
 * same import then fills the AAV5 answers with their source. When the settings cannot be fetched,
 * the import still works and says the AAV5 results were not read by the configured codes.
 *
 * The code is https://lab.example.org/codes|AAV5-NAB with this run's stamp after it, in a copy of
 * the eligible patient's Bundle: the setting is installation-wide, and other specs running at the
 * same time on the same server import the test lab's plain AAV5-NAB and expect it unconfigured.
 */
import { readFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { TEST_AAV5_CODE } from "@/fhir";
import { expectNoAxeViolations, signedIn } from "./support/accounts";
import { tabTo, typeInto } from "./support/keyboard";

const code = `${TEST_AAV5_CODE.code}-${Date.now().toString(36)}`;
const bundle = Buffer.from(
  readFileSync("fixtures/fhir/eligible.json", "utf8").replaceAll(`"${TEST_AAV5_CODE.code}"`, `"${code}"`),
);
const AAV5_SOURCE = "Observation/eligible-aav5";

async function importRecord(page: Page): Promise<void> {
  await page.goto("/");
  await page.locator("#root:not([inert])").waitFor();
  await page.getByRole("link", { name: "Fill from the patient's record" }).click();
  await page
    .getByLabel("A patient's record as a FHIR R4 Bundle (JSON)")
    .setInputFiles({ name: "eligible.json", mimeType: "application/json", buffer: bundle });
  await expect(page.getByRole("heading", { level: 1, name: "Check what the record would fill" })).toBeVisible();
}

const fills = (page: Page) => page.getByRole("region", { name: "Answers the record would fill" });
const notFilled = (page: Page) => page.getByRole("region", { name: "What the record could not fill" });
const aav5Result = (page: Page) =>
  fills(page).getByRole("term").filter({ hasText: "AAV5 neutralizing antibody result" });

test("an admin configures the lab's AAV5 antibody code; the self-check's import then reads the result by it", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  // Before: the result is listed as skipped, with what to do.
  await importRecord(page);
  await expect(aav5Result(page)).toHaveCount(0);
  await expect(notFilled(page).getByRole("listitem").filter({ hasText: AAV5_SOURCE })).toContainText(
    "or ask an administrator to add its code to the record import's local codes (Administration, Record import)",
  );

  // An admin adds the code, by keyboard only.
  const admin = await signedIn(browser, "admin@demo.test");
  await admin
    .getByRole("navigation", { name: "Administration" })
    .getByRole("link", { name: "Record import", exact: true })
    .click();
  await expect(admin.getByRole("heading", { level: 1, name: "Record import" })).toBeFocused();
  const codes = admin.getByRole("region", { name: "AAV5 antibody codes" });
  await expect(codes).toBeVisible();
  await expectNoAxeViolations(admin);

  const add = admin.getByRole("button", { name: "Add code" });
  await tabTo(admin, add);
  await admin.keyboard.press("Enter");
  const summary = admin.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeFocused();
  await expect(admin).toHaveTitle(/^Error: /);
  await expect(summary.getByRole("link")).toHaveText([
    "Enter the code system: an absolute URI starting http://, https:// or urn:, like https://lab.example.org/codes",
    "Enter the code, as the lab's results carry it, like AAV5-NAB",
  ]);
  await expectNoAxeViolations(admin);
  await summary.getByRole("link").first().press("Enter");
  await expect(admin.getByLabel("Code system")).toBeFocused();

  await typeInto(admin, admin.getByLabel("Code system"), "lab codes");
  await typeInto(admin, admin.getByLabel("Code", { exact: true }), code);
  await typeInto(admin, admin.getByLabel("Display text (optional)"), "AAV5 neutralizing antibody titer");
  await tabTo(admin, add);
  await admin.keyboard.press("Enter");
  await expect(summary.getByRole("link")).toHaveText([
    "Code system must be an absolute URI starting http://, https:// or urn:, like https://lab.example.org/codes, with no spaces",
  ]);
  await typeInto(admin, admin.getByLabel("Code system"), TEST_AAV5_CODE.system);
  await tabTo(admin, add);
  await admin.keyboard.press("Enter");
  await expect(admin.getByRole("alert").filter({ hasText: `${TEST_AAV5_CODE.system}|${code} added` })).toBeFocused();
  await expect(codes.getByRole("row", { name: new RegExp(code) })).toContainText("AAV5 neutralizing antibody titer");
  await expectNoAxeViolations(admin);

  // The same code again is refused by the server, on its field.
  await typeInto(admin, admin.getByLabel("Code system"), TEST_AAV5_CODE.system);
  await typeInto(admin, admin.getByLabel("Code", { exact: true }), code);
  await tabTo(admin, add);
  await admin.keyboard.press("Enter");
  await expect(summary.getByRole("link")).toHaveText(["This code system and code are configured already"]);
  // The banner of the change before is gone: the page does not say "added" and "There is a problem" at once.
  await expect(admin.getByRole("alert").filter({ hasText: "Success" })).toHaveCount(0);

  // After: the same import fills the AAV5 answers, each with its source; nothing about it is skipped.
  await importRecord(page);
  await expect(aav5Result(page)).toHaveCount(1);
  const result = fills(page).getByRole("definition").filter({ hasText: AAV5_SOURCE }).first();
  await expect(result).toContainText("Detected");
  await expect(result).toContainText(`Source: ${AAV5_SOURCE}, 15 Oct 2026`);
  await expect(fills(page)).toContainText("AAV5 titer");
  await expect(page.getByRole("region", { name: /configured codes/ })).toHaveCount(0);
  await expect(page.getByText(`${AAV5_SOURCE} (`)).toHaveCount(0);

  // The settings out of reach: the import still works, says so, and the result is skipped.
  await page.route("**/api/settings/record-import", (route) => route.abort());
  await importRecord(page);
  await expect(
    page.getByRole("region", { name: "AAV5 antibody results could not be read by the configured codes" }),
  ).toBeVisible();
  await expect(aav5Result(page)).toHaveCount(0);
  await expect(notFilled(page).getByRole("listitem").filter({ hasText: AAV5_SOURCE })).toBeVisible();
  await page.getByRole("button", { name: "Fill the request" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /filled from the patient's record$/ })).toBeVisible();
  await page.unroute("**/api/settings/record-import");

  // Removing the code asks first: "No, keep it" keeps it and gives the focus back to its button.
  const removeButton = codes.getByRole("button", { name: `Remove ${TEST_AAV5_CODE.system}|${code}` });
  await tabTo(admin, removeButton);
  await admin.keyboard.press("Enter");
  const question = admin.getByRole("alertdialog", { name: `Remove ${TEST_AAV5_CODE.system}|${code}?` });
  await expect(question.getByRole("heading")).toBeFocused();
  await expect(question).toContainText("will no longer fill the AAV5 antibody answers");
  await expectNoAxeViolations(admin);
  await tabTo(admin, question.getByRole("button", { name: "No, keep it" }));
  await admin.keyboard.press("Enter");
  await expect(question).toHaveCount(0);
  await expect(removeButton).toBeFocused();
  await expect(codes.getByRole("cell", { name: code, exact: true })).toBeVisible();
  // Escape keeps it too.
  await admin.keyboard.press("Enter");
  await expect(question.getByRole("heading")).toBeFocused();
  await admin.keyboard.press("Escape");
  await expect(question).toHaveCount(0);
  await expect(removeButton).toBeFocused();
  // Removed once confirmed: audited with the adding, and the next import skips the result again.
  await admin.keyboard.press("Enter");
  await tabTo(admin, question.getByRole("button", { name: "Yes, remove it" }));
  await admin.keyboard.press("Enter");
  await expect(admin.getByRole("alert").filter({ hasText: `${TEST_AAV5_CODE.system}|${code} removed` })).toBeFocused();
  await expect(question).toHaveCount(0);
  const history = admin.getByRole("region", { name: "History" });
  await expect(history.getByRole("row").filter({ hasText: code })).toHaveText([
    /Admin.*local code removed \(AAV5 antibodies: https:\/\/lab\.example\.org\/codes\|AAV5-NAB-/,
    /Admin.*local code added \(AAV5 antibodies: https:\/\/lab\.example\.org\/codes\|AAV5-NAB-/,
  ]);
  await importRecord(page);
  await expect(aav5Result(page)).toHaveCount(0);
});

test("on a phone (320 and 390 px wide) the admin screen reflows: a long code and its history wrap, nothing scrolls sideways", async ({
  browser,
}) => {
  const admin = await signedIn(browser, "admin@demo.test");
  await admin.setViewportSize({ width: 390, height: 844 });
  await admin.goto("/admin/record-import");
  await expect(admin.getByRole("heading", { level: 1, name: "Record import" })).toBeVisible();
  // An OID-based system and a long code: the longest unbroken text this screen shows.
  const longCode = `AAV5-TOTAL-ANTIBODY-SCREEN-WITH-REFLEX-TO-TITER-${Date.now().toString(36)}`;
  const system = "urn:oid:2.16.840.1.113883.3.1234.5.6.7.8.9";
  await admin.getByLabel("Code system").fill(system);
  await admin.getByLabel("Code", { exact: true }).fill(longCode);
  // A display text with one long unbroken word, too (other tests may have added codes meanwhile).
  await admin.getByLabel("Display text (optional)").fill("AAV5-neutralizing-antibody-screen-with-reflex-titer");
  await admin.getByRole("button", { name: "Add code" }).click();
  await expect(admin.getByRole("alert").filter({ hasText: `${longCode} added` })).toBeVisible();
  await expect(
    admin.getByRole("region", { name: "History" }).getByRole("row").filter({ hasText: longCode }),
  ).toHaveCount(1);
  for (const width of [390, 320]) {
    await admin.setViewportSize({ width, height: 844 });
    // How far the page scrolls sideways, and what sticks out past the window's right edge: nothing.
    await expect
      .poll(
        () =>
          admin.evaluate(() => {
            const edge = document.documentElement.clientWidth;
            const beyond = [...document.querySelectorAll("body *")].filter(
              (e) => e.getBoundingClientRect().right > edge,
            );
            return [
              document.documentElement.scrollWidth - edge,
              ...beyond.slice(0, 3).map((e) => e.outerHTML.slice(0, 80)),
            ];
          }),
        { message: `sideways scroll at ${width} px` },
      )
      .toEqual([0]);
    // …without breaking short words: "Remove" and the history's "Who" stay on one line each.
    const lines = (target: Locator) =>
      target.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el.firstChild ?? el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
    const codesRegion = admin.getByRole("region", { name: "AAV5 antibody codes" });
    expect(await lines(codesRegion.getByRole("button", { name: new RegExp(longCode) })), `Remove at ${width} px`).toBe(
      1,
    );
    const history = admin.getByRole("region", { name: "History" });
    expect(await lines(history.getByRole("columnheader", { name: "Who" })), `Who at ${width} px`).toBe(1);
    expect(await lines(history.getByRole("columnheader", { name: "When" })), `When at ${width} px`).toBe(1);
  }
  await admin
    .getByRole("region", { name: "AAV5 antibody codes" })
    .getByRole("button", { name: `Remove ${system}|${longCode}` })
    .click();
  // The question names the long code too, wrapped: still nothing scrolls sideways.
  const question = admin.getByRole("alertdialog", { name: `Remove ${system}|${longCode}?` });
  await expect(question).toBeVisible();
  expect(await admin.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
  await question.getByRole("button", { name: "Yes, remove it" }).click();
  await expect(admin.getByRole("alert").filter({ hasText: `${longCode} removed` })).toBeVisible();
});

test("two admins at once: removing a code the other admin removed already says so, and the list drops it", async ({
  browser,
}) => {
  const code = `AAV5-RACE-${Date.now().toString(36)}`;
  const [first, second] = await Promise.all([
    signedIn(browser, "admin@demo.test"),
    signedIn(browser, "admin@demo.test"),
  ]);
  await first.goto("/admin/record-import");
  await first.getByLabel("Code system").fill(TEST_AAV5_CODE.system);
  await first.getByLabel("Code", { exact: true }).fill(code);
  await first.getByRole("button", { name: "Add code" }).click();
  await expect(first.getByRole("alert").filter({ hasText: `${code} added` })).toBeVisible();
  await second.goto("/admin/record-import");
  const remove = (page: Page) =>
    page
      .getByRole("region", { name: "AAV5 antibody codes" })
      .getByRole("button", { name: `Remove ${TEST_AAV5_CODE.system}|${code}` });
  await expect(remove(second)).toBeVisible();

  const confirm = (page: Page) =>
    page.getByRole("alertdialog", { name: /^Remove / }).getByRole("button", { name: "Yes, remove it" });
  await remove(first).click();
  await confirm(first).click();
  await expect(first.getByRole("alert").filter({ hasText: `${code} removed` })).toBeVisible();
  // By keyboard: the button pressed goes with the list read again, so focus moves to the refusal.
  await tabTo(second, remove(second));
  await second.keyboard.press("Enter");
  await tabTo(second, confirm(second));
  await second.keyboard.press("Enter");
  const refusal = second.getByRole("alert").filter({ hasText: "Nothing was removed" });
  await expect(refusal).toContainText("it may have been removed already");
  await expect(refusal).toBeFocused();
  // The list is read again: the code is gone there too, and the history says who removed it.
  await expect(remove(second)).toHaveCount(0);
  await expect(
    second.getByRole("region", { name: "History" }).getByRole("row").filter({ hasText: code }).first(),
  ).toContainText("local code removed");
});
