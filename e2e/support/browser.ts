/**
 * Which Chromium the browser tests drive, in this order: `CHROMIUM_PATH`; a Chromium or Chrome
 * installed on the system; the Chromium shipped inside the npm package `@sparticuz/chromium` (a
 * devDependency, unpacked to the temp folder on first use), so `npm install && npm test` needs
 * nothing but Node and npm. `E2E_BROWSER=npm` skips the system one (to prove the npm one works).
 */
import { accessSync, constants, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

export interface FoundBrowser {
  path: string;
  source: "CHROMIUM_PATH" | "system" | "npm @sparticuz/chromium";
  /** Environment the browser needs (the npm one brings its own fonts). */
  env: Record<string, string>;
}

export const NO_BROWSER =
  "No Chromium for the browser tests: run `npm install` (it brings @sparticuz/chromium), install one (Debian: apt-get install chromium), or set CHROMIUM_PATH to a Chromium or Chrome binary.";

const SYSTEM_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

const executable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** A Chromium or Chrome on the PATH (or in /usr/bin), if any. */
export function systemChromium(pathVariable = process.env.PATH ?? ""): string | undefined {
  const folders = [...pathVariable.split(delimiter).filter(Boolean), "/usr/bin"];
  for (const folder of folders)
    for (const name of SYSTEM_NAMES) {
      const candidate = join(folder, name);
      if (executable(candidate)) return candidate;
    }
  return undefined;
}

export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<FoundBrowser> {
  const given = env.CHROMIUM_PATH;
  if (given !== undefined && given !== "") {
    if (!existsSync(given)) throw new Error(`CHROMIUM_PATH is ${given}, which does not exist. ${NO_BROWSER}`);
    return { path: given, source: "CHROMIUM_PATH", env: {} };
  }
  if (env.E2E_BROWSER !== "npm") {
    const system = systemChromium(env.PATH);
    if (system !== undefined) return { path: system, source: "system", env: {} };
  }
  try {
    const { default: Chromium } = await import("@sparticuz/chromium");
    const path = await Chromium.executablePath();
    return { path, source: "npm @sparticuz/chromium", env: { FONTCONFIG_PATH: join(tmpdir(), "fonts") } };
  } catch (error) {
    throw new Error(`${NO_BROWSER} (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
}

/** Playwright's own launch flags (not the serverless ones the npm package suggests), plus ours. */
export const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
