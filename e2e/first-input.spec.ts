/**
 * A prerendered page is on screen before the app runs and `inert` until React has taken over the
 * parts people use: the question page and the step list (src/web/lib/prerendered.ts). On a slow
 * phone React hydrates the page's lazy parts in slices, in later tasks than its frame; what someone
 * types as soon as the page lets them must be what the form keeps (it once could be overwritten by
 * the form's defaults: "27" became "127"), and a step they pick must be the page they get (a click
 * on a step-list link still being hydrated was now and then lost).
 */
import { expect, test, type Page } from "@playwright/test";
import { clickContinue, fillDate, radio } from "./support/app";

async function slowCpu(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 6 });
}

test.describe("typing as soon as a prerendered question page allows it (6× slower CPU)", () => {
  for (let attempt = 1; attempt <= 3; attempt++) {
    test(`the request page keeps what was typed and moves on (attempt ${attempt})`, async ({ page }) => {
      await slowCpu(page);
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

test.describe("picking a step as soon as a prerendered page allows it (6× slower CPU, a wide screen)", () => {
  for (const [from, to, slowStepList] of [
    // The start page's step list is hydrated when its code is in, after the start page's own: on a
    // slow link the page is on screen and the start page usable well before.
    ["/", "Exposure days", true],
    ["/request/request", "Liver workup", false],
  ] as const) {
    test(`from ${from}${slowStepList ? ", the step list's code slow to come" : ""}: "${to}" opens that page`, async ({
      page,
    }) => {
      await slowCpu(page);
      if (slowStepList)
        await page.route(/\/assets\/live-step-list-[\w-]+\.js$/, async (route) => {
          await new Promise((resolve) => setTimeout(resolve, 1500));
          await route.continue();
        });
      let pagesLoaded = 0;
      page.on("request", (request) => {
        if (request.resourceType() === "document") pagesLoaded += 1;
      });
      await page.goto(from);
      const link = page
        .getByRole("navigation", { name: "Steps of the request" })
        .getByRole("link", { name: new RegExp(`^\\d+\\. ${to}\\b`) });
      // No wait for the app: Playwright clicks as soon as the page is not inert.
      await link.click();
      await expect(page.locator("#step-title")).toHaveText(to);
      await expect(link).toHaveAttribute("aria-current", "step");
      // The app moved to it: the browser did not load the link's address as a new page (which
      // would have lost what was not yet saved).
      expect(pagesLoaded).toBe(1);
    });
  }
});
