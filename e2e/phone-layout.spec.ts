/**
 * Issue 9 §4, on a phone (390 × 844): the step list folds to one line and opens, the question comes
 * first (its heading in view after Continue), the outcome stays in view in one line that follows
 * the answers and leads to the full panel, "Start now" is on the first screen, nothing shifts, and
 * axe finds nothing. At desktop size the layout is the three columns it was.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { OUTCOME_LABELS } from "@/criteria";
import { document as fixture } from "@fixtures";
import { clickContinue, describeViolations, fixtureWith, libraryEvaluation, panel, startWith } from "./support/app";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

const stepNav = (page: Page) => page.getByRole("navigation", { name: "Steps of the request" });
const outcomeLine = (page: Page) => page.getByRole("region", { name: "Eligibility outcome" });
/** The outcome's first words, as the one-line summary shows them ("Meets criteria"). */
const shortOutcome = (doc: unknown): string => OUTCOME_LABELS[libraryEvaluation(doc).outcome].split(" — ")[0] ?? "";

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect.soft(describeViolations(results.violations), `axe violations on ${where}`).toEqual([]);
}

/** Layout shift since the page loaded, not caused by input (Cumulative Layout Shift's raw sum). */
const layoutShift = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
            if (!entry.hadRecentInput) total += entry.value;
        }).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => resolve(total), 1000);
      }),
  );

test.describe("on a phone", () => {
  test.use({ viewport: PHONE });

  test("'Start now' is on the first screen, and nothing shifts while the page loads", async ({ page }) => {
    await page.goto("/");
    const start = page.getByRole("button", { name: "Start now" });
    await expect(start).toBeInViewport({ ratio: 1 });
    expect(await layoutShift(page)).toBe(0);
    await expectNoViolations(page, "the start page on a phone");
  });

  test("after Continue the next question's heading is in view and focused; the step list is one line", async ({
    page,
  }) => {
    await startWith(page, fixture("eligible"));
    await page.goto("/request/member");
    await expect(page.locator("#step-title")).toHaveText("Member");
    expect(await layoutShift(page)).toBe(0);
    await clickContinue(page);
    const heading = page.getByRole("heading", { level: 1, name: "Prescriber" });
    await expect(heading).toBeInViewport({ ratio: 1 });
    await expect(heading).toBeFocused();

    // Folded: one line saying where the user is; the list itself is not shown.
    const fold = stepNav(page).getByRole("button", { name: "Step 3 of 10: Prescriber" });
    await expect(fold).toHaveAttribute("aria-expanded", "false");
    const navBox = await stepNav(page).boundingBox();
    expect(navBox?.height ?? Infinity).toBeLessThan(60);
    await expect(stepNav(page).getByRole("link", { name: /^1\. Request/ })).toBeHidden();
    await expectNoViolations(page, "a step on a phone, the step list folded");

    // Opened: every step with its status in words, the current one marked.
    await fold.click();
    await expect(fold).toHaveAttribute("aria-expanded", "true");
    const current = stepNav(page).getByRole("link", { name: /^3\. Prescriber/ });
    await expect(current).toBeVisible();
    await expect(current).toHaveAttribute("aria-current", "step");
    await expect(current).toContainText("Complete");
    await expect(stepNav(page).getByRole("link", { name: "Check your answers" })).toBeVisible();
    await expectNoViolations(page, "a step on a phone, the step list open");

    // Following a step folds the list again, and focus is on the new question's heading.
    await stepNav(page)
      .getByRole("link", { name: /^4\. Diagnosis/ })
      .click();
    await expect(page.locator("#step-title")).toHaveText("Diagnosis");
    await expect(stepNav(page).getByRole("button", { name: "Step 4 of 10: Diagnosis" })).toHaveAttribute(
      "aria-expanded",
      "false",
    );
    await expect(page.locator("#step-title")).toBeFocused();
    await expect(page.locator("#step-title")).toBeInViewport();
  });

  test("the outcome is in view in one line while answering, follows a change to ALT, and leads to the full panel", async ({
    page,
  }) => {
    const eligible = fixture("eligible");
    await startWith(page, eligible);
    await page.goto("/request/liver");
    await expect(page.locator("#step-title")).toHaveText("Liver workup");
    const line = outcomeLine(page);
    await expect(line).toBeInViewport({ ratio: 1 });
    await expect(line).toContainText(`Eligibility: ${shortOutcome(eligible)}`);
    // It says nothing by itself: the panel's polite region is the one that speaks.
    await expect(line.locator("[aria-live], [role=status], [role=alert]")).toHaveCount(0);

    const alt = page.locator("#f-liver-enzymes-alt-value");
    const high = fixtureWith("eligible", (d) => {
      if (d.liver?.enzymes?.alt !== undefined) d.liver.enzymes.alt.value = 200;
    });
    expect(shortOutcome(high)).not.toBe(shortOutcome(eligible));
    await alt.fill("200");
    await expect(line).toContainText(`Eligibility: ${shortOutcome(high)}`);
    await expect(line).toBeInViewport({ ratio: 1 });
    await expect(alt).toBeFocused();
    await expect(alt).toBeInViewport();
    await expectNoViolations(page, "a step on a phone with the outcome line");

    await line.getByRole("link").click();
    await expect(panel(page).getByRole("heading", { name: "Eligibility so far" })).toBeInViewport();
    await expect(panel(page).locator("[aria-live]")).toHaveText(OUTCOME_LABELS[libraryEvaluation(high).outcome]);
  });

  test("'Check your answers' and the summary have no accessibility violations on a phone", async ({ page }) => {
    await startWith(page, fixture("eligible"));
    await page.goto("/check");
    await expect(page.getByRole("heading", { level: 1, name: "Check your answers" })).toBeVisible();
    await expect(outcomeLine(page)).toBeInViewport();
    await expectNoViolations(page, "check your answers on a phone");
    await page.getByRole("button", { name: "Continue to the summary" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Prior authorization request summary" })).toBeVisible();
    await expectNoViolations(page, "the summary on a phone");
  });
});

test.describe("on a desktop", () => {
  test.use({ viewport: DESKTOP });

  test("the layout is as it was: steps, question and panel side by side; no folded list, no outcome line", async ({
    page,
  }) => {
    await startWith(page, fixture("eligible"));
    await page.goto("/request/liver");
    await expect(page.locator("#step-title")).toHaveText("Liver workup");
    await expect(stepNav(page).getByRole("button")).toBeHidden();
    await expect(stepNav(page).getByRole("link", { name: /^1\. Request/ })).toBeVisible();
    await expect(outcomeLine(page)).toBeHidden();
    const [steps, question, side] = await Promise.all([
      stepNav(page).boundingBox(),
      page.getByRole("main").boundingBox(),
      panel(page).boundingBox(),
    ]);
    expect(steps !== null && question !== null && side !== null).toBe(true);
    if (steps === null || question === null || side === null) return;
    expect(steps.x + steps.width).toBeLessThanOrEqual(question.x);
    expect(question.x + question.width).toBeLessThanOrEqual(side.x);
    expect(Math.abs(steps.y - question.y)).toBeLessThan(40);
    expect(await layoutShift(page)).toBe(0);
    await expectNoViolations(page, "a step on a desktop");
  });
});
