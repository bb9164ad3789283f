/**
 * A prerendered page is on screen before the app runs and `inert` until React has taken over the
 * question page or the start page; the step list keeps its own links inert until it is the app's
 * (src/web/lib/prerendered.ts). On a slow phone React hydrates the page's lazy parts in slices, in
 * later tasks than its frame; what someone types as soon as the page lets them must be what the
 * form keeps (it once could be overwritten by the form's defaults: "27" became "127"), and a step
 * they pick must be the page they get, without the browser loading it as a new page (a click on a
 * step-list link still being hydrated was).
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

test.describe("the start page with the step list's code held back (6× slower CPU, a wide screen)", () => {
  /** Holds the step list's code until `release` is called: the start page is the app's before it. */
  async function holdStepList(page: Page): Promise<() => void> {
    const gate: { open?: () => void } = {};
    const released = new Promise<void>((resolve) => (gate.open = resolve));
    await page.route(/\/assets\/live-step-list-[\w-]+\.js$/, async (route) => {
      await released;
      await route.continue();
    });
    return () => gate.open?.();
  }

  const stepLink = (page: Page, title: string) =>
    page
      .getByRole("navigation", { name: "Steps of the request" })
      .getByRole("link", { name: new RegExp(`^\\d+\\. ${title}\\b`) });

  test("a step picked as soon as its link allows it opens in the app, not as a new page", async ({ page }) => {
    await slowCpu(page);
    const release = await holdStepList(page);
    let pagesLoaded = 0;
    page.on("request", (request) => {
      if (request.resourceType() === "document") pagesLoaded += 1;
    });
    await page.goto("/");
    // The start page is usable while the step list's links are still the server's HTML, inert.
    await expect(page.locator("#root")).not.toHaveAttribute("inert");
    await expect(stepLink(page, "Exposure days")).toBeVisible();
    setTimeout(release, 1500);
    // No wait for the app: Playwright clicks as soon as the link is not inert.
    await stepLink(page, "Exposure days").click();
    await expect(page.locator("#step-title")).toHaveText("Exposure days");
    await expect(stepLink(page, "Exposure days")).toHaveAttribute("aria-current", "step");
    expect(pagesLoaded).toBe(1);
  });

  test("Start now does not wait for the step list's code", async ({ page }) => {
    await slowCpu(page);
    const release = await holdStepList(page);
    await page.goto("/");
    await page.getByRole("button", { name: "Start now" }).click({ timeout: 10_000 });
    await expect(page.locator("#step-title")).toHaveText("Request");
    release();
    await expect(stepLink(page, "Request")).toHaveAttribute("aria-current", "step");
  });
});
