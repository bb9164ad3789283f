/**
 * A prerendered page is on screen before the app runs and `inert` until React has taken over the
 * question page (src/web/lib/prerendered.ts). On a slow phone React hydrates the page's lazy parts
 * in later tasks than its frame; what someone types as soon as the page lets them must be what the
 * form keeps (it once could be overwritten by the form's defaults: "27" became "127").
 */
import { expect, test } from "@playwright/test";
import { clickContinue, fillDate, radio } from "./support/app";

test.describe("typing as soon as a prerendered question page allows it (6× slower CPU)", () => {
  for (let attempt = 1; attempt <= 3; attempt++) {
    test(`the request page keeps what was typed and moves on (attempt ${attempt})`, async ({ page }) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 6 });
      await page.goto("/request/request");
      // No wait for the app: Playwright acts as soon as the page is not inert.
      await fillDate(page, "f-requestDate", "2026-11-27");
      await radio(page, "lineOfBusiness", "commercial").check();
      await expect(page.locator("#f-requestDate")).toHaveValue("27");
      await expect(page.locator("#f-requestDate-month")).toHaveValue("11");
      await expect(page.locator("#f-requestDate-year")).toHaveValue("2026");
      await clickContinue(page);
      await expect(page).toHaveURL(/\/request\/member$/);
      await page.getByLabel("First name").fill("Ada");
      await expect(page.getByLabel("First name")).toHaveValue("Ada");
    });
  }
});
