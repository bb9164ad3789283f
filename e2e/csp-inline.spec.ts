/**
 * The prerendered pages carry their first-paint script inline, allowed by the CSP through its hash
 * (scripts/prerender.ts, src/server/inline-hashes.ts). In real Chromium: it runs with no
 * violation, and any other inline script or style, or a style attribute, is still refused.
 */
import { expect, test, type Page } from "@playwright/test";

interface Violation {
  directive: string;
  sample: string;
}
type Watched = Window & { __violations?: Violation[]; __inlineScriptRan?: boolean };

/** Records every CSP violation from the very start of each page load. */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const watched = window as Watched;
    watched.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      watched.__violations?.push({ directive: event.effectiveDirective, sample: event.sample });
    });
  });
}

const violations = (page: Page) => page.evaluate(() => (window as Watched).__violations ?? []);

for (const path of ["/", "/request/member", "/sign-in"]) {
  test(`${path}: the page, its inline first-paint script and its styles load, nothing refused`, async ({ page }) => {
    await watchViolations(page);
    await page.goto(path);
    await page.locator("#root:not([inert])").waitFor();
    expect(await page.locator("head script:not([src])").count()).toBe(1);
    expect(await page.locator('script[src="/prerender-guard.js"]').count()).toBe(0);
    // Tailwind's classes apply (font-bold on the heading).
    const h1Weight = await page
      .locator("h1")
      .first()
      .evaluate((h1) => getComputedStyle(h1).fontWeight);
    expect(Number(h1Weight)).toBeGreaterThanOrEqual(700);
    expect(await violations(page)).toEqual([]);
  });
}

test("the inline first-paint script runs: a browser with saved answers never shows the empty prerendered page", async ({
  page,
}) => {
  await watchViolations(page);
  // Saved answers before any script of the page runs (the app, once running, may rewrite them).
  await page.addInitScript(() => localStorage.setItem("hemgenix-pa:draft:v1", "{}"));
  await page.goto("/request/member");
  expect(await page.evaluate(() => document.documentElement.classList.contains("saved-here"))).toBe(true);
  expect(await violations(page)).toEqual([]);
});

test("any other inline style, inline script or style attribute is refused", async ({ page }) => {
  await watchViolations(page);
  await page.goto("/");
  await page.locator("#root:not([inert])").waitFor();
  const result = await page.evaluate(async () => {
    const h1 = document.querySelector("h1");
    if (h1 === null) throw new Error("no h1");
    const before = getComputedStyle(h1).color;
    const style = document.createElement("style");
    style.textContent = "h1 { color: rgb(255, 0, 0) !important; }";
    document.head.append(style);
    const script = document.createElement("script");
    script.textContent = "window.__inlineScriptRan = true;";
    document.head.append(script);
    h1.setAttribute("style", "color: rgb(0, 255, 0) !important");
    await new Promise((resolve) => setTimeout(resolve, 100)); // violation events are queued
    return { before, after: getComputedStyle(h1).color, ran: (window as Watched).__inlineScriptRan === true };
  });
  expect(result.after).toBe(result.before);
  expect(result.ran).toBe(false);
  const directives = (await violations(page)).map((v) => v.directive).sort();
  expect(directives).toEqual(["script-src-elem", "style-src-attr", "style-src-elem"]);
});
