/**
 * Keyboard-only input, as a user without a mouse works: Tab moves focus (never `focus()` or a
 * click), Space and the arrow keys answer radios and selects, typing fills inputs, Enter presses
 * buttons and follows links. A date is typed box by box: day, Tab, month, Tab, year.
 */
import { expect, type Locator, type Page } from "@playwright/test";
import { dateBoxes, dateParts, expectDate } from "./app";

const MAX_TABS = 150;

const isFocused = (target: Locator): Promise<boolean> => target.evaluate((el) => el === document.activeElement);

/** Presses Tab until `target` has focus (fails if it is never reached: not in the tab order). */
export async function tabTo(page: Page, target: Locator): Promise<void> {
  // Resolved once: re-resolving a label or role locator after every key press would be slow.
  const element = await target.elementHandle();
  if (element === null) throw new Error(`${target.toString()} is not on the page`);
  try {
    for (let i = 0; i < MAX_TABS; i++) {
      if (await element.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press("Tab");
    }
  } finally {
    await element.dispose();
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Tabs to a text input, selects what is in it and types `text` over it. */
export async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press("ControlOrMeta+A");
  if (text === "") await page.keyboard.press("Backspace");
  else await page.keyboard.type(text);
  await expect(target).toHaveValue(text);
}

/** Tabs to a date question's Day box (`id` is the question's id, which the Day box carries) and types the date. */
export async function typeDate(page: Page, id: string, iso: string): Promise<void> {
  await tabTo(page, page.locator(`#${id}`));
  await typeDateHere(page, id, iso);
}

/**
 * Types a date into a date question whose Day box already has focus (for example one the app just
 * focused): the day, Tab, the month, Tab, the year, as a person fills the GOV.UK date input.
 */
export async function typeDateHere(page: Page, id: string, iso: string): Promise<void> {
  const boxes = dateBoxes(page, id);
  await expect(boxes.day).toBeFocused();
  const parts = dateParts(iso);
  await page.keyboard.type(parts.day);
  await page.keyboard.press("Tab");
  await expect(boxes.month).toBeFocused();
  await page.keyboard.type(parts.month);
  await page.keyboard.press("Tab");
  await expect(boxes.year).toBeFocused();
  await page.keyboard.type(parts.year);
  await expectDate(page, id, iso);
}

/** Tabs into a radio group, then Space or arrow keys until the option with `value` is chosen. */
export async function chooseRadio(page: Page, name: string, value: string): Promise<void> {
  const inGroup = () =>
    page.evaluate((groupName) => {
      const active = document.activeElement;
      return active instanceof HTMLInputElement && active.type === "radio" && active.name === groupName;
    }, name);
  let tabs = 0;
  while (!(await inGroup())) {
    if (++tabs > MAX_TABS) throw new Error(`Tab never reached the radio group ${name}`);
    await page.keyboard.press("Tab");
  }
  const target = page.locator(`input[type="radio"][name="${name}"][value="${value}"]`);
  for (let presses = 0; presses < 10; presses++) {
    if ((await isFocused(target)) && (await target.isChecked())) return;
    // On the wanted option (nothing chosen yet): Space chooses it. Elsewhere: an arrow moves and chooses.
    await page.keyboard.press((await isFocused(target)) ? "Space" : "ArrowDown");
  }
  await expect(target).toBeChecked();
}

/** Tabs to a select and steps through it with the arrow keys until `label` is selected. */
export async function chooseOption(page: Page, target: Locator, label: string): Promise<void> {
  await tabTo(page, target);
  const selected = () => target.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text ?? "");
  for (let presses = 0; presses < 20 && (await selected()) !== label; presses++) await page.keyboard.press("ArrowDown");
  expect(await selected()).toBe(label);
}

/** Tabs to a button (or link) and presses Enter. */
export async function pressEnterOn(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press("Enter");
}

/** Tabs to the page's Continue button and presses it. */
export async function continueWithKeyboard(page: Page): Promise<void> {
  await pressEnterOn(page, page.getByRole("button", { name: "Continue", exact: true }));
}
