// @vitest-environment node
/**
 * The browser tests need nothing but Node and npm: with no system Chromium on the PATH, the one
 * shipped in the npm package is found, launches headless under Playwright, renders a page and
 * prints it to a PDF that reads back without poppler. A missing browser fails with one clear line.
 */
import { chromium } from "@playwright/test";
import { describe, expect, it } from "vitest";
import { LAUNCH_ARGS, NO_BROWSER, findChromium, systemChromium } from "./browser";
import { readPdf } from "./pdf";

describe("finding a Chromium for the browser tests", () => {
  it("uses the npm one when the system has none, and it renders and prints", async () => {
    const found = await findChromium({ E2E_BROWSER: "npm", PATH: "" });
    expect(found.source).toBe("npm @sparticuz/chromium");
    const browser = await chromium.launch({
      executablePath: found.path,
      args: LAUNCH_ARGS,
      env: { ...process.env, ...found.env },
    });
    try {
      expect(browser.version()).toMatch(/^\d+\./);
      const page = await browser.newPage();
      await page.setContent("<h1>Prior authorization</h1><p>I.A.7.b Met</p><p>Second line</p>");
      const printed = await readPdf(await page.pdf({ format: "Letter" }));
      expect(printed.pages).toBe(1);
      expect(printed.lines).toEqual(["Prior authorization", "I.A.7.b Met", "Second line"]);
      expect(printed.text).toBe("Prior authorization I.A.7.b Met Second line");
    } finally {
      await browser.close();
    }
  }, 60_000);

  it("prefers CHROMIUM_PATH, and refuses one that does not exist with the one line that says what to do", async () => {
    await expect(findChromium({ CHROMIUM_PATH: "/nonexistent/chromium" })).rejects.toThrow(NO_BROWSER);
    const system = systemChromium();
    if (system !== undefined)
      expect(await findChromium({ CHROMIUM_PATH: system })).toMatchObject({ path: system, source: "CHROMIUM_PATH" });
  });

  it("finds a system Chromium only where one is executable", () => {
    expect(systemChromium("/nonexistent-a:/nonexistent-b") ?? "none").toMatch(/^(\/usr\/bin\/.+|none)$/);
  });
});
