import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { checkRequest } from "@/criteria";
import { rawFixture } from "@fixtures";

test("the app shell loads from the server with no accessibility violations", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Request prior authorization for Hemgenix");
  await expect(page.getByRole("button", { name: "Start now" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Eligibility so far" })).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);
});

test("the server evaluates a request document as the library does", async ({ request }) => {
  const document = rawFixture("eligible");
  const response = await request.post("/api/evaluate", { data: document });
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual(checkRequest(document));
});

test("the server refuses an invalid request document with its errors", async ({ request }) => {
  const response = await request.post("/api/evaluate", { data: { schemaVersion: 1 } });
  expect(response.status()).toBe(400);
  const body = (await response.json()) as { errors: { path: string }[] };
  expect(body.errors.map((e) => e.path)).toEqual(["requestType", "requestDate", "lineOfBusiness"]);
});

test("a missing static file is a real 404, not the app", async ({ request }) => {
  expect((await request.get("/assets/nothing-here.js")).status()).toBe(404);
  expect((await request.get("/api/nothing-here")).status()).toBe(404);
});
