/**
 * The wizard's text inputs contain their own size and layout (typing then lays out the input
 * alone, not the page: `textInputClass`), so their height is fixed. It must stay the height their
 * text, padding and border make, or text would be clipped or the question would move: each input
 * is measured against a copy of itself without the fixed height and containment, on a phone and
 * on a desktop, at the default text size and with the browser's text twice as large.
 */
import { expect, test, type Page } from "@playwright/test";
import { document as fixture } from "@fixtures";
import { startWith } from "./support/app";

interface Measured {
  id: string;
  contain: string;
  height: number;
  natural: number;
}

/** Every text input on the page: its containment, its height, and the height of a free copy. */
const measureTextInputs = (page: Page): Promise<Measured[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>("main input[type=text]")].map((input) => {
      const free = input.cloneNode() as HTMLInputElement;
      free.removeAttribute("id");
      free.style.height = "auto";
      free.style.contain = "none";
      input.after(free);
      const natural = free.getBoundingClientRect().height;
      free.remove();
      return {
        id: input.id,
        contain: getComputedStyle(input).contain,
        height: input.getBoundingClientRect().height,
        natural,
      };
    }),
  );

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test(`text inputs contain their layout at the height their text makes (${viewport.width} px wide)`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await startWith(page, fixture("eligible"));
    for (const step of ["member", "exposure-days", "dose"]) {
      await page.goto(`/request/${step}`);
      await expect(page.locator("#step-title")).toBeVisible();
      for (const rootSize of ["16px", "32px"]) {
        await page.evaluate((size) => (document.documentElement.style.fontSize = size), rootSize);
        const inputs = await measureTextInputs(page);
        expect(inputs.length, `text inputs on ${step}`).toBeGreaterThan(0);
        for (const input of inputs) {
          expect(input.contain, `${input.id} on ${step}`).toBe("size layout");
          expect(input.height, `${input.id} on ${step}, root text ${rootSize}`).toBeCloseTo(input.natural, 1);
        }
      }
    }
  });
}
