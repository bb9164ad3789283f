/**
 * When a signed-in person's session ends by itself, what they left in this browser goes with it:
 * after the idle timeout a reload shows nothing of the patient (on screen or in localStorage) and
 * the sign-in page says why; a session ended while the page is open (an administrator changed the
 * account) clears it at the next call. A self-check without an account keeps its answers.
 * A server of its own, with a one-minute idle limit, so the real timeout can pass.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { fixturePath } from "@fixtures";
import { ADMIN, signInHttp, startServerProcess, tempDatabase, type ServerProcess } from "../src/server/test-support";
import { DEMO_PASSWORD, expectNoAxeViolations } from "./support/accounts";
import { IMPORT_LABEL } from "./support/app";

// The eligible example's member.
const PATIENT = ["Example", "U1234567", "1985-04-12"];

const database = tempDatabase("hemgenix-e2e-session-");
let server: ServerProcess;

test.beforeAll(async () => {
  server = await startServerProcess({
    databaseFile: database.file,
    env: { SESSION_IDLE_MINUTES: "1", STATIC_DIR: "dist/web" },
  });
});
test.afterAll(async () => {
  await server.stop();
  database.remove();
});

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ baseURL: server.url })).newPage();
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** Staff fill the request by importing the eligible example; the member's details are on screen. */
async function startRequest(page: Page): Promise<void> {
  await page.goto("/");
  await page.locator("#root:not([inert])").waitFor(); // the prerendered page is the app's now
  await page.getByLabel(IMPORT_LABEL).setInputFiles(fixturePath("eligible"));
  await expect(page.getByText("Imported eligible.json")).toBeVisible();
  await page.goto("/check");
  await expect(page.getByText("U1234567").first()).toBeVisible();
}

const stored = (page: Page): Promise<string> => page.evaluate(() => JSON.stringify(Object.entries(localStorage)));

async function expectNothingOfThePatient(page: Page): Promise<void> {
  const text = (await page.locator("body").innerText()) + (await stored(page));
  for (const detail of PATIENT) expect(text).not.toContain(detail);
}

const banner = (page: Page) => page.getByRole("region", { name: "Important" });

test("after the idle timeout, a reload shows nothing of the patient and the sign-in page says why", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const page = await newPage(browser);
  await signIn(page, "staff@demo.test");
  await startRequest(page);
  expect(await stored(page)).toContain("U1234567");

  // Idle for longer than SESSION_IDLE_MINUTES=1: no request reaches the server meanwhile.
  await page.goto("about:blank");
  await page.waitForTimeout(65_000);
  await page.goto("/check");

  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(banner(page)).toContainText("Your session ended, so you were signed out.");
  await expect(banner(page)).toContainText("the request kept in this browser was cleared");
  await expectNothingOfThePatient(page);
  await expectNoAxeViolations(page);
  // The wizard starts empty, not with the last patient.
  await page.goto("/check");
  await expectNothingOfThePatient(page);

  // Signing in again: the notice has done its job.
  await signIn(page, "staff@demo.test");
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
});

test("a session ended while the page is open (an administrator changed the account) clears it at the next call", async ({
  browser,
}) => {
  const page = await newPage(browser);
  await signIn(page, "other-staff@demo.test");
  await startRequest(page);

  // An administrator sets a new password: every session of the account ends on the server.
  const admin = await signInHttp(server.url, ADMIN);
  const users = (await (
    await fetch(`${server.url}/api/admin/users`, { headers: { cookie: admin.cookie } })
  ).json()) as {
    users: { id: number; email: string; rowVersion: number }[];
  };
  const account = users.users.find((u) => u.email === "other-staff@demo.test");
  expect(account).toBeDefined();
  const changed = await fetch(`${server.url}/api/admin/users/${account?.id ?? 0}`, {
    method: "PATCH",
    headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf, "content-type": "application/json" },
    body: JSON.stringify({
      password: DEMO_PASSWORD,
      currentPassword: DEMO_PASSWORD,
      expectedRowVersion: account?.rowVersion,
    }),
  });
  expect(changed.status).toBe(200);

  // Still on the open page: the next answer typed is saved to the server a moment later, the
  // server refuses it (401), and the page goes to sign-in with the request cleared.
  await page
    .getByRole("link", { name: /^Change/ })
    .first()
    .click();
  await page.getByRole("textbox").first().pressSequentially("1");
  await expect(page).toHaveURL(/\/sign-in$/, { timeout: 10_000 });
  await expect(banner(page)).toBeVisible();
  await expectNothingOfThePatient(page);
});

test("a self-check without an account keeps its answers across reloads", async ({ browser }) => {
  const page = await newPage(browser);
  await startRequest(page);
  await page.reload();
  await expect(page).toHaveURL(/\/check$/);
  await expect(page.getByText("U1234567").first()).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
});
