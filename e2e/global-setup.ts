/**
 * Before any browser test: find a Chromium (see support/browser.ts), start it once, and say which
 * one runs. Without one the run stops here with a single line that says how to get one, instead of
 * every test failing on its own.
 */
import { chromium } from "@playwright/test";
import { LAUNCH_ARGS, findChromium } from "./support/browser";

export default async function globalSetup(): Promise<void> {
  const found = await findChromium();
  // Workers start after this and inherit the environment: playwright.config.ts reads the path from it.
  process.env.E2E_CHROMIUM_PATH = found.path;
  Object.assign(process.env, found.env);
  const browser = await chromium.launch({ executablePath: found.path, args: LAUNCH_ARGS });
  console.log(`Browser tests run in Chromium ${browser.version()} (${found.source}: ${found.path})`);
  await browser.close();
}
